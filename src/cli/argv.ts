// An argparse-like option parser: the AWS CLI is built on argparse, and scripts depend on
// its habits (unique prefixes, --opt=value, last value wins, unknown words collected).
import { ArgParseError } from '../errors/classes.js';
import { closeMatches } from './close-matches.js';

export interface OptionSpec {
  /** e.g. '--handshake-id' */
  flag: string;
  /** 0: a switch; 1: one value; '+': one or more; '?': an optional value (else `constant`). */
  nargs: 0 | 1 | '+' | '?';
  choices?: readonly string[];
  constant?: string;
  int?: boolean;
  required?: boolean;
}

export type OptionValue = true | string | string[];

export interface Parsed {
  values: Map<string, OptionValue>;
  /** Words no option claimed, in order. */
  extras: string[];
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

/** Whether argparse would read `word` as an option rather than a value. */
export function looksLikeOption(word: string): boolean {
  if (!word.startsWith('-') || word === '-') return false;
  if (NEGATIVE_NUMBER.test(word)) return false;
  return !word.includes(' ');
}

export function invalidChoiceMessage(argument: string, value: string, choices: readonly string[]): string {
  const matches = closeMatches(value, choices);
  let message = `argument ${argument}: Found invalid choice '${value}'\n`;
  if (matches.length) message += `\nMaybe you meant:\n\n${matches.map((m) => `  * ${m}`).join('\n')}`;
  return message;
}

function checkValue(spec: OptionSpec, value: string): void {
  if (spec.choices && !spec.choices.includes(value)) throw new ArgParseError(invalidChoiceMessage(spec.flag, value, spec.choices));
  if (spec.int && !/^\s*[+-]?\d+\s*$/.test(value)) {
    throw new ArgParseError(`argument ${spec.flag}: invalid int value: '${value}'`);
  }
}

function resolve(name: string, specs: readonly OptionSpec[]): OptionSpec | undefined {
  const exact = specs.find((s) => s.flag === name);
  if (exact) return exact;
  const prefixed = specs.filter((s) => s.flag.startsWith(name));
  if (prefixed.length === 1) return prefixed[0];
  if (prefixed.length > 1) {
    throw new ArgParseError(`ambiguous option: ${name} could match ${prefixed.map((s) => s.flag).join(', ')}`);
  }
  return undefined;
}

/**
 * Parses `words` against `specs`. With `checkRequired`, missing required options raise
 * "the following arguments are required".
 */
export function parseOptions(words: readonly string[], specs: readonly OptionSpec[], checkRequired = false): Parsed {
  const values = new Map<string, OptionValue>();
  const extras: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith('--') || word === '--' || word.length < 3) {
      extras.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(0, eq) : word;
    const spec = resolve(name, specs);
    if (!spec) {
      extras.push(word);
      continue;
    }
    if (eq > 0) {
      if (spec.nargs === 0) throw new ArgParseError(`argument ${spec.flag}: ignored explicit argument '${word.slice(eq + 1)}'`);
      const value = word.slice(eq + 1);
      checkValue(spec, value);
      values.set(spec.flag, spec.nargs === '+' ? [value] : value);
      continue;
    }
    const following: string[] = [];
    let j = i + 1;
    while (j < words.length && !looksLikeOption(words[j]!)) following.push(words[j++]!);
    if (spec.nargs === 0) {
      values.set(spec.flag, true);
    } else if (spec.nargs === 1) {
      if (!following.length) throw new ArgParseError(`argument ${spec.flag}: expected one argument`);
      checkValue(spec, following[0]!);
      values.set(spec.flag, following[0]!);
      i += 1;
    } else if (spec.nargs === '+') {
      if (!following.length) throw new ArgParseError(`argument ${spec.flag}: expected at least one argument`);
      values.set(spec.flag, following);
      i += following.length;
    } else {
      const value = following.length ? following[0]! : spec.constant!;
      checkValue(spec, value);
      values.set(spec.flag, value);
      if (following.length) i += 1;
    }
  }
  if (checkRequired) {
    const missing = specs.filter((s) => s.required && !values.has(s.flag)).map((s) => s.flag);
    if (missing.length) throw new ArgParseError(`the following arguments are required: ${missing.join(', ')}`);
  }
  return { values, extras };
}
