// Runs an own command from the registry: commander parses its words (loaded only here), the
// command answers, and the answer goes through the same printer as an AWS operation's.
import { Command, CommanderError } from 'commander';
import { ArgParseError } from '../../errors/classes.js';
import { commandHelp } from '../help/text.js';
import { printer } from '../printer.js';
import type { Answer, CommandContext, ExtraContext, OwnCommand } from './command.js';

function build(command: OwnCommand, path: string[], ctx: () => Promise<CommandContext>, io: ExtraContext['session']['io']): Command {
  const cmd = new Command(command.name)
    .description(command.summary)
    .exitOverride()
    .helpCommand(false)
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: () => {}, outputError: () => {} });
  for (const a of command.arguments ?? []) cmd.argument(a.required ? `<${a.name}>` : `[${a.name}]`);
  for (const o of command.options ?? []) {
    if (o.parse) cmd.option(o.flags, o.description, o.parse as (value: string, previous: unknown) => unknown, o.default);
    else cmd.option(o.flags, o.description, o.default);
  }
  for (const sub of command.subcommands ?? []) cmd.addCommand(build(sub, [...path, command.name], ctx, io));
  // --help prints orgsim's manual of the command, not commander's summary.
  cmd.helpInformation = () => commandHelp(command, path);
  const help = () => io.stdout(commandHelp(command, path));
  cmd.action(async (...given: unknown[]) => {
    if (!command.run) return help();
    const args = given.slice(0, (command.arguments ?? []).length) as string[];
    const options = (given[(command.arguments ?? []).length] ?? {}) as Record<string, unknown>;
    const c = await ctx();
    const answer = await command.run(c, args, options);
    // Only an Answer is printed here; a command that wrote its own output returns nothing.
    if (typeof answer === 'object' && answer !== null && 'value' in answer) await show(c, answer);
  });
  return cmd;
}

async function show(ctx: CommandContext, answer: Answer): Promise<void> {
  if (answer.human !== undefined && !ctx.out.asked) return ctx.session.io.stdout(answer.human);
  return ctx.out.print(answer.value);
}

export async function runOwnCommand(command: OwnCommand, words: string[], extra: ExtraContext): Promise<void> {
  let made: CommandContext | undefined;
  const ctx = async () => (made ??= { session: extra.session, run: extra.run, out: await printer(extra.session, extra.query, command.name) });
  // `orgsim clock help`, `orgsim explain help`: the help of the command the words lead to.
  let target = command;
  const path: string[] = [];
  for (const word of words) {
    const sub = target.subcommands?.find((c) => c.name === word);
    if (sub) {
      path.push(target.name);
      target = sub;
      continue;
    }
    if (word === 'help') return extra.session.io.stdout(commandHelp(target, path));
    break;
  }
  const program = build(command, [], ctx, extra.session.io);
  try {
    await program.parseAsync(words, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return; // help was printed
      throw new ArgParseError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
}
