// jmespath.py's exceptions, each worded by its own __str__: what the AWS CLI prints after
// "Bad value for --query <expression>: " at compile time, or alone when a search fails.
import { pyStr } from '../python-repr.js';

/** Refused while compiling (the CLI's "Bad value for --query"). */
export class JmesSyntaxError extends Error {}

/** Raised while searching: the CLI prints the text alone and exits 255. */
export class JmesRuntimeError extends Error {}

/** A token the lexer cannot read: the expression with a caret under the position. */
export function lexerError(expression: string, position: number, message: string): JmesSyntaxError {
  return new JmesSyntaxError(`Bad jmespath expression: ${message}:\n${expression}\n${' '.repeat(position)}^`);
}

/** A token the parser did not expect (the caret is one further: the expression is shown quoted). */
export function parseError(expression: string, position: number, value: unknown, type: string, message: string): JmesSyntaxError {
  return new JmesSyntaxError(
    `${message}: Parse error at column ${position}, token "${pyStr(value)}" (${type.toUpperCase()}), for expression:\n"${expression}"\n${' '.repeat(position + 1)}^`,
  );
}

export function incompleteError(expression: string, length: number): JmesSyntaxError {
  return new JmesSyntaxError(`Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${' '.repeat(length + 1)}^`);
}

export const emptyError = () => new JmesSyntaxError('Invalid JMESPath expression: cannot be empty.');

const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');

export function arityError(name: string, expected: number, actual: number, variadic: boolean): JmesRuntimeError {
  return new JmesRuntimeError(`Expected ${variadic ? 'at least ' : ''}${expected} ${plural(expected)} for function ${name}(), received ${actual}`);
}

/** `expected` is printed as Python prints a list of strings. */
export function typeError(name: string, value: unknown, received: string, expected: readonly string[]): JmesRuntimeError {
  return new JmesRuntimeError(
    `In function ${name}(), invalid type for value: ${pyStr(value)}, expected one of: [${expected.map((t) => `'${t}'`).join(', ')}], received: "${received}"`,
  );
}

/**
 * Python's stack holds about 1000 frames, and the CLI itself uses some: a query nested past what is
 * left fails as the AWS CLI fails (frames counted as jmespath.py's parser and interpreter spend them).
 */
export const FRAME_BUDGET = 980;

export const parseTooDeep = () => new JmesSyntaxError('maximum recursion depth exceeded');
export const searchTooDeep = () => new JmesRuntimeError('maximum recursion depth exceeded while calling a Python object');
