// An own command as data: its name, summary, arguments, options, subcommands and run. The
// registry lists them once; dispatch, completion, help and the man pages all read it.
import type { Session, SessionIO } from '../../app/session.js';
import type { Printer } from '../printer.js';

export interface ArgumentSpec {
  name: string;
  required: boolean;
  /** What completion offers for it. */
  complete?: (home: string) => string[];
}

export interface OptionSpec {
  /** commander's form: `--force`, `--scenario <name>`. */
  flags: string;
  description: string;
  default?: string;
  /** The command cannot run without it (a usage error names it). */
  required?: boolean;
  /** Checks and converts the value; an Error thrown refuses it, with its message. */
  parse?: (value: string) => unknown;
  /** What completion offers after it. */
  values?: readonly string[];
}

/** What every own command receives: the session, the printer, and the CLI itself (for demo). */
export interface CommandContext {
  session: Session;
  out: Printer;
  run(argv: string[], io: SessionIO): Promise<number>;
}

/** What an own command's answer is: a value the output registry can print, and a view for people. */
export interface Answer {
  value: unknown;
  /** Printed when neither --output nor --query was asked for (made only then: a table loads its renderer). */
  human?: () => string | Promise<string>;
}

export interface OwnCommand {
  name: string;
  summary: string;
  arguments?: readonly ArgumentSpec[];
  options?: readonly OptionSpec[];
  subcommands?: readonly OwnCommand[];
  /** A group without run prints its help. */
  run?(ctx: CommandContext, args: string[], options: Record<string, any>): Promise<Answer | undefined | void> | Answer | undefined | void;
}

/** What the entry hands the extras bundle. */
export interface ExtraContext {
  session: Session;
  query: string | undefined;
  run(argv: string[], io: SessionIO): Promise<number>;
}

/** The option's flag as typed: `--scenario` of `--scenario <name>`. */
export const flagOf = (option: OptionSpec): string => option.flags.split(/[ ,]+/)[0]!;

/** The subcommand `words` lead to from `command`, the names passed on the way, and how many words that took. */
export function descend(command: OwnCommand, words: readonly string[]): { target: OwnCommand; path: string[]; consumed: number } {
  let target = command;
  const path: string[] = [];
  for (const word of words) {
    const sub = target.subcommands?.find((c) => c.name === word);
    if (!sub) break;
    path.push(target.name);
    target = sub;
  }
  return { target, path, consumed: path.length };
}

/** The usage line of a command, for help and the manual. */
export function usage(command: OwnCommand, path: string[] = []): string {
  const words = [...path, command.name];
  for (const a of command.arguments ?? []) words.push(a.required ? `<${a.name}>` : `[<${a.name}>]`);
  for (const o of command.options ?? []) words.push(`[${o.flags}]`);
  return words.join(' ');
}
