// Runs an own command from the registry: commander parses its words (loaded only here), the
// command answers, and the answer goes through the same printer as an AWS operation's.
import type { Command } from 'commander';
import { ArgParseError } from '../../errors/classes.js';
import { commandHelp } from '../help/text.js';
import { printer } from '../printer.js';
import { descend, type Answer, type CommandContext, type ExtraContext, type OwnCommand } from './command.js';

type Commander = typeof import('commander');

function build(commander: Commander, command: OwnCommand, path: string[], ctx: () => Promise<CommandContext>, io: ExtraContext['session']['io']): Command {
  const cmd = new commander.Command(command.name)
    .description(command.summary)
    .exitOverride()
    .helpCommand(false)
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: () => {}, outputError: () => {} });
  for (const a of command.arguments ?? []) cmd.argument(a.required ? `<${a.name}>` : `[${a.name}]`);
  for (const o of command.options ?? []) {
    const parse = o.parse;
    if (parse) {
      const check = (value: string) => {
        try {
          return parse(value);
        } catch (error) {
          throw new commander.InvalidArgumentError((error as Error).message);
        }
      };
      if (o.required) cmd.requiredOption(o.flags, o.description, check, o.default);
      else cmd.option(o.flags, o.description, check, o.default);
    } else if (o.required) cmd.requiredOption(o.flags, o.description, o.default);
    else cmd.option(o.flags, o.description, o.default);
  }
  for (const sub of command.subcommands ?? []) cmd.addCommand(build(commander, sub, [...path, command.name], ctx, io));
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
  if (answer.human !== undefined && !ctx.out.asked) return ctx.session.io.stdout(await answer.human());
  return ctx.out.print(answer.value);
}

export async function runOwnCommand(command: OwnCommand, words: string[], extra: ExtraContext): Promise<void> {
  let made: CommandContext | undefined;
  const ctx = async () => (made ??= { session: extra.session, run: extra.run, out: await printer(extra.session, extra.query, command.name) });
  // `orgsim clock help`, `orgsim explain help`: the help of the command the words lead to.
  const { target, path, consumed } = descend(command, words);
  if (words[consumed] === 'help') return extra.session.io.stdout(commandHelp(target, path));
  // commander is loaded only to run an own command (help and completion do without it).
  const commander = await import('commander');
  const program = build(commander, command, [], ctx, extra.session.io);
  try {
    await program.parseAsync(words, { from: 'user' });
  } catch (error) {
    if (error instanceof commander.CommanderError) {
      if (error.exitCode === 0) return; // help was printed
      throw new ArgParseError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
}
