// What only some command lines need, bundled apart from the entry (dist/extras.cjs): help,
// completion and orgsim's own commands. It reaches the core through the entry's door.
import { ArgParseError } from '../errors/classes.js';
import { operationByCliName, SERVICE } from '../model/operations.js';
import type { ExtraContext } from './commands/command.js';
import { runOwnCommand } from './commands/dispatch.js';
import { ownCommandNamed, topLevelWords } from './commands/registry.js';
import { completions } from './complete.js';
import { invalidChoiceMessage } from './argv.js';
import { operationHelp, organizationsHelp, topHelp } from './help/text.js';

export { manPages } from './help/man-pages.js';

export async function runExtra(words: string[], ctx: ExtraContext): Promise<void> {
  const io = ctx.session.io;
  const [first, second] = words;
  if (first === '--help' || (first === 'help' && words.length === 1)) return io.stdout(topHelp());
  if (first === SERVICE && (second === 'help' || second === '--help' || second === undefined)) return io.stdout(organizationsHelp());
  const op = operationByCliName(first === SERVICE ? (second ?? '') : (first ?? ''));
  if (op) return io.stdout(operationHelp(op));
  if (first === '__complete') {
    const found = completions(second ?? 'orgsim ', ctx.session.home);
    return io.stdout(found.length ? found.join('\n') + '\n' : '');
  }
  const command = ownCommandNamed(first);
  if (command) return runOwnCommand(command, words.slice(1), ctx);
  throw new ArgParseError(invalidChoiceMessage('command', first!, topLevelWords()));
}
