// What only some command lines need, bundled apart from the entry (dist/extras.cjs): help,
// completion and orgsim's own commands. It reaches the core through the entry's door.
import { AWS_SERVICE_COMMANDS } from '../model/generated/aws-services.js';
import { ArgParseError, NotSimulatedError } from '../errors/classes.js';
import { operationByCliName, SERVICE, STS } from '../model/operations.js';
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
  if ((first === SERVICE || first === STS) && (second === 'help' || second === '--help' || second === undefined)) return io.stdout(organizationsHelp(first));
  const op = first === STS ? operationByCliName(second ?? '', STS) : operationByCliName(first === SERVICE ? (second ?? '') : (first ?? ''));
  if (op) return io.stdout(operationHelp(op));
  if (first === '__complete') {
    const found = completions(second ?? 'orgsim ', ctx.session.home);
    return io.stdout(found.length ? found.join('\n') + '\n' : '');
  }
  const command = ownCommandNamed(first);
  if (command) return runOwnCommand(command, words.slice(1), ctx);
  // A real AWS service is not a typo: say plainly that orgsim does not simulate it (organization.md R-257).
  if (AWS_SERVICE_COMMANDS.has(first!)) throw new NotSimulatedError(first!);
  throw new ArgParseError(invalidChoiceMessage('command', first!, topLevelWords()));
}
