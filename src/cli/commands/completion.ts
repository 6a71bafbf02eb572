// `orgsim completion bash|zsh|fish`.
import { ArgParseError } from '../../errors/classes.js';
import { completionScript, SHELLS } from '../completion-scripts.js';
import type { OwnCommand } from './command.js';

export const completion: OwnCommand = {
  name: 'completion',
  summary: 'print a shell completion script (bash, zsh or fish)',
  arguments: [{ name: 'shell', required: true, complete: () => [...SHELLS] }],
  run({ session }, [shell]) {
    const script = completionScript(shell!);
    if (!script) throw new ArgParseError(`argument shell: Found invalid choice '${shell}'\n`);
    session.io.stdout(script);
  },
};
