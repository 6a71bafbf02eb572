// The bundled entry: runs the CLI on the real process and hands back the exit code (bin/orgsim
// sets it; nothing else ends the process).
import { fstatSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { runCli } from './cli/main.js';
import { Spool } from './spool.js';

/** Descriptors whose reader has gone away, and those that take the rest through their stream. */
const dropped = new Set<number>();
const streamed = new Set<number>();

/**
 * Writes all of `bytes` to a standard stream's descriptor. Not through process.stdout: creating it
 * loads Node's stream modules, a few milliseconds of every command (docs/architecture.md). A
 * descriptor that would block (a non-blocking pipe) gets the rest through the stream after all.
 * Output nobody can take (a reader that has gone away, a full device) is dropped without a word,
 * as the AWS CLI does: the command's own outcome and exit code stand.
 */
function writeAll(fd: 1 | 2, bytes: Buffer): void {
  if (dropped.has(fd)) return;
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  // The stream keeps what it is given until it can write it: a copy, the spool reuses its buffer.
  if (streamed.has(fd)) return void stream().write(Buffer.from(bytes));
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return void dropped.add(fd);
    streamed.add(fd);
    stream().on('error', () => {});
    stream().write(Buffer.from(bytes.subarray(done)));
  }
}

/**
 * Whether stdout is a terminal, without loading the stream modules for a pipe, a file or
 * /dev/null (where scripts send what they do not read): only another character device is asked.
 */
function stdoutIsTerminal(): boolean {
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice()) return false;
    if (out.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    return false;
  }
  return process.stdout.isTTY === true;
}

/**
 * The pager output goes through on a terminal, as the AWS CLI v2 pages it: AWS_PAGER (empty: none),
 * `less` by default when orgsim runs as aws, none by default as orgsim; --no-cli-pager turns it off.
 */
function pagerFor(argv: string[], program: string, terminal: boolean): string | undefined {
  if (!terminal || argv.includes('--no-cli-pager')) return undefined;
  const pager = process.env.AWS_PAGER ?? (program === 'aws' ? 'less' : '');
  return pager.trim() === '' ? undefined : pager;
}

/** Hands `text` to the pager through the shell; whatever the pager does, the command's exit code stands. */
function page(pager: string, text: string): boolean {
  // Loaded only to page: most runs never do.
  const { spawnSync } = createRequire('/')('node:child_process') as typeof import('node:child_process');
  // The AWS CLI starts less with LESS=FRX unless the user set LESS: it quits when the text fits on one screen.
  const env = { ...process.env, ...(process.env.LESS === undefined ? { LESS: 'FRX' } : {}) };
  const run = spawnSync(pager, { shell: true, input: text, stdio: ['pipe', 'inherit', 'inherit'], env });
  return !run.error;
}

/** Standard input a line at a time, opened only when a command asks (the demo's step mode). */
function stdinLines(): { next(): Promise<string | undefined>; close(): void } {
  let lines: AsyncIterator<string> | undefined;
  let close = () => {};
  return {
    async next() {
      if (!lines) {
        const { createInterface } = createRequire('/')('node:readline') as typeof import('node:readline');
        const reader = createInterface({ input: process.stdin });
        close = () => reader.close();
        lines = reader[Symbol.asyncIterator]();
      }
      const line = await lines.next();
      return line.done ? undefined : line.value;
    },
    close: () => close(),
  };
}

export function main(argv: string[]): Promise<number> {
  const out = new Spool();
  let err = '';
  const input = stdinLines();
  const program = basename(process.argv[1] ?? '') === 'aws' ? 'aws' : 'orgsim';
  const terminal = stdoutIsTerminal();
  // Output is gathered and written once at the end; a failing command leaves only what the AWS CLI
  // would have printed before failing (the pages of text output before a failing query).
  return runCli(argv, {
    stdout: (s) => out.write(s),
    mark: () => out.mark(),
    stderr: (s) => (err += s),
    env: process.env,
    cwd: process.cwd(),
    // Run through a link named aws (the README's one-liner), orgsim speaks as aws.
    program,
    ...(terminal ? { stdoutIsTTY: true, columns: process.stdout.columns } : { stdoutIsTTY: false }),
    flush: () => {
      out.drain((bytes) => writeAll(1, bytes));
      if (err) writeAll(2, Buffer.from(err, 'utf8'));
      err = '';
    },
    readLine: () => input.next(),
  }).finally(() => {
    input.close();
    const pager = out.isEmpty() ? undefined : pagerFor(argv, program, terminal);
    if (pager) {
      const text = out.text();
      if (!page(pager, text)) writeAll(1, Buffer.from(text, 'utf8'));
    } else out.drain((bytes) => writeAll(1, bytes));
    if (err) writeAll(2, Buffer.from(err, 'utf8'));
  });
}
