// `orgsim serve`: runs until SIGINT or SIGTERM, then closes cleanly (exit 0).
import { ArgParseError, ConfigurationError } from '../../errors/classes.js';
import type { OwnCommand } from './command.js';

export const serve: OwnCommand = {
  name: 'serve',
  summary: 'answer the AWS Organizations JSON protocol over HTTP on this world',
  options: [
    { flags: '--port <port>', description: 'TCP port (0 picks a free one)', default: '4566' },
    { flags: '--host <host>', description: 'address to bind', default: '127.0.0.1' },
    { flags: '--allow-remote', description: 'allow binding to a non-loopback address' },
    { flags: '--verbose', description: 'print one line per request on stderr' },
  ],
  async run({ session }, _args, options: { port: string; host: string; allowRemote?: boolean; verbose?: boolean }) {
    // The one command that starts the server: the only arrow from cli/ to server/ (docs/architecture.md).
    const { createOrgsimServer, isLoopback } = await import('../../server/server.js');
    if (!isLoopback(options.host) && !options.allowRemote) {
      throw new ArgParseError(`refusing to listen on ${options.host}, which is not a loopback address; add --allow-remote to do it anyway`);
    }
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ArgParseError(`argument --port: invalid port '${options.port}'`);
    const store = session.fileStore({ remember: true });
    store.read(); // create the world now, and fail early if it is unusable
    const err = (line: string) => process.stderr.write(line + '\n');
    const server = createOrgsimServer({ store, clock: session.clock(), ids: session.ids() }, { log: options.verbose ? err : undefined, lockTimeoutMs: store.lockTimeoutMs });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e) => reject(new ConfigurationError(`cannot listen on ${options.host}:${port}: ${e.message}`)));
      server.listen(port, options.host, () => resolve());
    });
    const address = server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    // Written at once (not buffered with the command's output): scripts wait for this line.
    process.stdout.write(`orgsim serve: listening on http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${bound} (world ${store.file})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server.close(() => resolve());
        server.closeAllConnections?.();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};
