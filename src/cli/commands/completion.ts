import { ArgParseError } from '../../errors/cli-errors.js';
import { completionScript } from '../complete.js';
import type { Session } from '../main.js';
import { ownCommand } from './command.js';

export function completionCommand(session: Session) {
  return ownCommand(session, 'completion', 'print a shell completion script (bash, zsh or fish)')
    .argument('<shell>')
    .action((shell: string) => {
      const script = completionScript(shell);
      if (!script) throw new ArgParseError(`argument shell: Found invalid choice '${shell}'\n`);
      session.io.stdout(script);
    });
}
