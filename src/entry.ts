// The bundled entry: runs the CLI on the real process and hands back the exit code (bin/orgsim
// sets it; nothing else ends the process).
import { fstatSync, writeSync } from 'node:fs';
import { runCli } from './cli/main.js';

/**
 * Writes all of `text` to a standard stream's descriptor. Not through process.stdout: creating it
 * loads Node's stream modules, a few milliseconds of every command (docs/architecture.md). A
 * descriptor that would block (a non-blocking pipe) gets the rest through the stream after all.
 * Output nobody can take (a reader that has gone away, a full device) is dropped without a word,
 * as the AWS CLI does: the command's own outcome and exit code stand.
 */
function writeAll(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return;
    const stream = fd === 1 ? process.stdout : process.stderr;
    stream.on('error', () => {});
    stream.write(bytes.subarray(done));
  }
}

/** Whether stdout is a terminal, without loading the stream modules for a pipe or a file. */
function stdoutIsTerminal(): boolean {
  try {
    if (!fstatSync(1).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return process.stdout.isTTY === true; // a character device: a terminal, or /dev/null
}

export function main(argv: string[]): Promise<number> {
  let out = '';
  let err = '';
  // Output is gathered and written once at the end; a failing command leaves only what the AWS CLI
  // would have printed before failing (the pages of text output before a failing query).
  return runCli(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    env: process.env,
    cwd: process.cwd(),
    ...(stdoutIsTerminal() ? { stdoutIsTTY: true, columns: process.stdout.columns } : { stdoutIsTTY: false }),
  }).finally(() => {
    if (out) writeAll(1, out);
    if (err) writeAll(2, err);
  });
}
