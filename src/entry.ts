// The bundled entry: runs the CLI on the real process and hands back the exit code (bin/orgsim
// sets it; nothing else ends the process).
import { fstatSync, writeSync } from 'node:fs';
import { runCli } from './cli/main.js';

/**
 * Writes all of `text` to a standard stream's descriptor. Not through process.stdout: creating it
 * loads Node's stream modules, a few milliseconds of every command (docs/architecture.md). A
 * descriptor that would block (a non-blocking pipe) gets the rest through the stream after all;
 * a reader that has gone away (EPIPE) is not an error, as for the AWS CLI.
 */
function writeAll(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw error;
    (fd === 1 ? process.stdout : process.stderr).write(bytes.subarray(done));
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
  // Output is gathered and written once, so a failing command never leaves half its output.
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
