// jmespath.py's lexer: the same tokens, positions counted in code points, the same refusals.
import { PyJsonError, pyJsonLoads } from '../python-json.js';
import { emptyError, lexerError } from './errors.js';

export interface Token {
  type: string;
  value: unknown;
  start: number;
}

const SIMPLE: Record<string, string> = {
  '.': 'dot',
  '*': 'star',
  ']': 'rbracket',
  ',': 'comma',
  ':': 'colon',
  '@': 'current',
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
};
const START_IDENTIFIER = /^[A-Za-z_]$/;
const IDENTIFIER = /^[A-Za-z0-9_]$/;
const DIGIT = /^[0-9]$/;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
/** A second character that makes a two-character token, and the types with and without it. */
const PAIRS: Record<string, [string, string, string]> = {
  '|': ['|', 'or', 'pipe'],
  '&': ['&', 'and', 'expref'],
  '<': ['=', 'lte', 'lt'],
  '>': ['=', 'gte', 'gt'],
  '!': ['=', 'ne', 'not'],
};

export function tokenize(expression: string): Token[] {
  if (expression === '') throw emptyError();
  const chars = Array.from(expression);
  const tokens: Token[] = [];
  let i = 0;
  const fail = (at: number, message: string) => lexerError(expression, at, message);

  /** The text up to an unescaped `delimiter` (escapes kept), from the delimiter at i. */
  const until = (delimiter: string): string => {
    const start = i;
    let buffer = '';
    i++;
    while (chars[i] !== delimiter) {
      if (chars[i] === '\\') {
        buffer += '\\';
        i++;
      }
      if (i >= chars.length) throw fail(start, `Unclosed ${delimiter} delimiter`);
      buffer += chars[i];
      i++;
    }
    i++;
    return buffer;
  };
  const digits = (): string => {
    let buffer = chars[i]!;
    i++;
    while (i < chars.length && DIGIT.test(chars[i]!)) buffer += chars[i++];
    return buffer;
  };

  while (i < chars.length) {
    const c = chars[i]!;
    const start = i;
    if (SIMPLE[c]) {
      tokens.push({ type: SIMPLE[c], value: c, start });
      i++;
    } else if (START_IDENTIFIER.test(c)) {
      let buffer = c;
      i++;
      while (i < chars.length && IDENTIFIER.test(chars[i]!)) buffer += chars[i++];
      tokens.push({ type: 'unquoted_identifier', value: buffer, start });
    } else if (WHITESPACE.has(c)) {
      i++;
    } else if (c === '[') {
      const next = chars[i + 1];
      if (next === ']' || next === '?') {
        tokens.push({ type: next === ']' ? 'flatten' : 'filter', value: next === ']' ? '[]' : '[?', start });
        i += 2;
      } else {
        tokens.push({ type: 'lbracket', value: '[', start });
        i++;
      }
    } else if (c === "'") {
      tokens.push({ type: 'literal', value: until("'").replaceAll("\\'", "'"), start });
    } else if (c === '`') {
      const lexeme = until('`').replaceAll('\\`', '`');
      tokens.push({ type: 'literal', value: literalValue(lexeme, () => fail(start, `Bad token ${lexeme}`)), start });
    } else if (PAIRS[c]) {
      const [second, paired, single] = PAIRS[c];
      const pair = chars[i + 1] === second;
      tokens.push({ type: pair ? paired : single, value: pair ? c + second : c, start });
      i += pair ? 2 : 1;
    } else if (DIGIT.test(c)) {
      tokens.push({ type: 'number', value: Number(digits()) + 0, start });
    } else if (c === '-') {
      const buffer = digits();
      if (buffer.length === 1) throw fail(start, "Unknown token '-'");
      tokens.push({ type: 'number', value: Number(buffer) + 0, start });
    } else if (c === '"') {
      const lexeme = `"${until('"')}"`;
      let value: unknown;
      try {
        value = pyJsonLoads(lexeme);
      } catch (error) {
        if (!(error instanceof PyJsonError)) throw error;
        throw fail(start, error.message.split(':')[0]!);
      }
      tokens.push({ type: 'quoted_identifier', value, start });
    } else if (c === '=') {
      if (chars[i + 1] === '=') {
        tokens.push({ type: 'eq', value: '==', start });
        i += 2;
      } else {
        throw fail(start, "Unknown token '='");
      }
    } else {
      throw fail(start, `Unknown token ${c}`);
    }
  }
  tokens.push({ type: 'eof', value: '', start: chars.length });
  return tokens;
}

/** A backtick literal is JSON; what is not JSON is read as the text of a JSON string (the deprecated form). */
function literalValue(lexeme: string, bad: () => Error): unknown {
  try {
    return pyJsonLoads(lexeme);
  } catch (error) {
    if (!(error instanceof PyJsonError)) throw error;
    try {
      return pyJsonLoads(`"${lexeme.trimStart()}"`);
    } catch (again) {
      if (!(again instanceof PyJsonError)) throw again;
      throw bad();
    }
  }
}
