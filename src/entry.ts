// The bundled entry: runs the CLI on the real process and hands back the exit code (bin/orgsim
// sets it; nothing else ends the process).
import { runCli } from './cli/main.js';

export function main(argv: string[]): Promise<number> {
  let out = '';
  let err = '';
  // Output is gathered and written once, so a failing command never leaves half its output.
  return runCli(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  }).finally(() => {
    if (out) process.stdout.write(out);
    if (err) process.stderr.write(err);
  });
}
