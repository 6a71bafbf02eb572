// `orgsim serve` and `orgsim view`: the world over HTTP on one port, the AWS protocols for the
// CLI and the SDKs and a page for people; `view` also opens the page in a browser. Both run until
// SIGINT or SIGTERM, then close cleanly (exit 0).
import { spawn } from 'node:child_process';
import { ArgParseError, ConfigurationError } from '../../errors/classes.js';
import type { Session } from '../../app/session.js';
import type { OptionSpec, OwnCommand } from './command.js';

interface ListenOptions {
  port: string;
  host: string;
  allowRemote?: boolean;
  verbose?: boolean;
}

const LISTEN_OPTIONS: readonly OptionSpec[] = [
  { flags: '--port <port>', description: 'TCP port (0 picks a free one)', default: '4566' },
  { flags: '--host <host>', description: 'address to bind', default: '127.0.0.1' },
  { flags: '--allow-remote', description: 'allow binding to a non-loopback address' },
  { flags: '--verbose', description: 'print one line per request on stderr' },
];

/** Starts the server and waits until it is told to stop; `started` hears the address it listens on. */
async function listen(session: Session, options: ListenOptions, started: (url: string) => void): Promise<void> {
  // The one command file that starts the server: the only arrow from cli/ to server/ (docs/architecture.md).
  const { createOrgsimServer, isLoopback } = await import('../../server/server.js');
  const remote = !isLoopback(options.host);
  if (remote && !options.allowRemote) {
    throw new ArgParseError(`refusing to listen on ${options.host}, which is not a loopback address; add --allow-remote to do it anyway`);
  }
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ArgParseError(`argument --port: invalid port '${options.port}'`);
  const store = session.fileStore({ remember: true });
  store.read(); // create the world now, and fail early if it is unusable
  const err = (line: string) => process.stderr.write(line + '\n');
  const server = createOrgsimServer(
    { store, clock: session.clock(), ids: session.ids(), faults: session.processFaults(), seed: session.seed() },
    { log: options.verbose ? err : undefined, lockTimeoutMs: store.lockTimeoutMs, worldFile: store.file, remote },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new ConfigurationError(`cannot listen on ${options.host}:${port}: ${e.message}`)));
    server.listen(port, options.host, () => resolve());
  });
  // Told to stop from the moment anyone can know the address, so a script that stops it at once still gets exit 0.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      server.closeAllConnections?.();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${bound}`;
  // Written at once (not buffered with the command's output): scripts wait for this line.
  process.stdout.write(`orgsim serve: listening on ${url} (world ${store.file})\n`);
  started(url + '/');
  await stopped;
}

/** The user's browser: $BROWSER if set, else the platform's opener. */
function openInBrowser(url: string): void {
  const [command, ...args] = process.env.BROWSER
    ? [process.env.BROWSER, url]
    : process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '', url]
        : ['xdg-open', url];
  const say = () => process.stdout.write(`orgsim view: open ${url} in a browser\n`);
  try {
    const child = spawn(command!, args, { stdio: 'ignore', detached: true });
    child.on('error', say);
    child.unref();
  } catch {
    say();
  }
}

export const serve: OwnCommand = {
  name: 'serve',
  summary: 'answer the AWS Organizations JSON protocol over HTTP on this world, with a page of it on /',
  options: LISTEN_OPTIONS,
  run: ({ session }, _args, options: ListenOptions) => listen(session, options, () => undefined),
};

export const view: OwnCommand = {
  name: 'view',
  summary: 'serve the world (as serve does) and open its page in a browser',
  options: [...LISTEN_OPTIONS, { flags: '--no-open', description: 'print the address of the page without opening a browser' }],
  run: ({ session }, _args, options: ListenOptions & { open: boolean }) =>
    listen(session, options, (url) => {
      process.stdout.write(`orgsim view: the page is ${url}\n`);
      if (options.open) openInBrowser(url);
    }),
};
