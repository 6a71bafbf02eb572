// --query: JMESPath (the jmespath package), loaded only by the commands that use it, with
// errors worded as the AWS CLI's Python jmespath words them. It answers with results; what an
// error means to the command line is the CLI's to decide.

export interface CompiledQuery {
  search(value: unknown): unknown;
}

/** A compiled expression: searching answers with the value or the error's text. */
export type Compiled = { syntaxError: string } | { search(value: unknown): { value: unknown } | { error: string } };

interface Token {
  type: string;
  value: unknown;
  start: number;
}

type Jmespath = typeof import('jmespath') & { compile(expression: string): unknown; tokenize(expression: string): Token[] };

/** JS token names (UnquotedIdentifier) as Python's (UNQUOTED_IDENTIFIER). */
const pythonTokenType = (type: string) => type.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * Calls `visit` with each character outside quotes (backtick literals, raw and quoted strings),
 * opening quotes included, and its index; returns where a quote left open at the end began. `visit` may return how many
 * characters to skip, or true to stop.
 */
function outsideQuotes(expression: string, visit: (c: string, i: number) => number | boolean | void = () => {}): number | undefined {
  let open: string | undefined;
  let at = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i]!;
    if (open) {
      if (c === '\\') i++;
      else if (c === open) open = undefined;
    } else if (c === '`' || c === "'" || c === '"') {
      visit(c, i); // a quote ends what came before it (a dot, say)
      open = c;
      at = i;
    } else {
      const next = visit(c, i);
      if (next === true) return undefined;
      if (typeof next === 'number') i += next;
    }
  }
  return open ? at : undefined;
}

const unclosedDelimiter = (expression: string) => outsideQuotes(expression);

/** A single '=' (not '==', '!=', '<=', '>=') outside quotes: Python's lexer rejects it, jmespath.js crashes on it. */
function loneEquals(expression: string): number | undefined {
  let found: number | undefined;
  outsideQuotes(expression, (c, i) => {
    if (c !== '=') return;
    if (expression[i + 1] === '=') return 1;
    if ('!<>'.includes(expression[i - 1] ?? '')) return;
    found = i;
    return true;
  });
  return found;
}

/** A dot followed (after blanks) by another dot, outside quotes: Python's parser wants an identifier there. */
function doubleDot(expression: string): number | undefined {
  let found: number | undefined;
  let afterDot = false;
  outsideQuotes(expression, (c, i) => {
    if (c === '.' && afterDot) {
      found = i;
      return true;
    }
    if (c !== ' ') afterDot = c === '.';
  });
  return found;
}

function syntaxMessage(jmespath: Jmespath, expression: string, error: Error): string {
  const equals = loneEquals(expression);
  if (equals !== undefined) return `Bad jmespath expression: Unknown token '=':\n${expression}\n${' '.repeat(equals)}^`;
  const unclosed = unclosedDelimiter(expression);
  if (unclosed !== undefined) {
    return `Bad jmespath expression: Unclosed ${expression[unclosed]} delimiter:\n${expression}\n${' '.repeat(unclosed)}^`;
  }
  if (error.name === 'LexerError') {
    const ch = /Unknown character:(.*)$/.exec(error.message)?.[1] ?? '';
    const at = Math.max(expression.indexOf(ch), 0);
    return `Bad jmespath expression: Unknown token ${ch}:\n${expression}\n${' '.repeat(at)}^`;
  }
  if (/EOF/.test(error.message)) {
    return `Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${' '.repeat(expression.length + 1)}^`;
  }
  const unexpected = /Unexpected token type: (\w+), value: (.*)$/.exec(error.message) ?? /Invalid token \((\w+)\): "(.*)"$/.exec(error.message);
  const expected = /Expected (\w+), got: (\w+)$/.exec(error.message);
  const type = unexpected?.[1] ?? expected?.[2];
  let tokens: Token[] = [];
  try {
    tokens = jmespath.tokenize(expression).filter((t) => t !== undefined && t !== null);
  } catch {
    /* positions unknown */
  }
  const token = tokens.find((t) => t.type === type && (unexpected === null || String(t.value) === unexpected[2])) ?? tokens[tokens.length - 1];
  const at = token?.start ?? 0;
  const value = token ? String(token.value) : '';
  const lead = unexpected ? (error.message.startsWith('Invalid token') ? 'invalid token' : `Unexpected token: ${value}`) : `Expecting: ['${pythonTokenType(expected?.[1] ?? '').toLowerCase()}'], got: ${(type ?? '').toLowerCase()}`;
  return `Invalid jmespath expression: ${lead}: Parse error at column ${at}, token "${value}" (${pythonTokenType(token?.type ?? '')}), for expression:\n"${expression}"\n${' '.repeat(at + 1)}^`;
}

const PYTHON_TYPES: Record<string, string> = { 'Array<number>': 'array-number', 'Array<string>': 'array-string' };

/** A function applied to a value of the wrong type, as Python's JMESPathTypeError words it. */
function runtimeMessage(error: Error): string {
  const m = /TypeError: (\w+)\(\) expected argument \d+ to be type (.*) but received type (\w+) instead\./.exec(error.message);
  if (!m) return error.message;
  const expected = m[2]!.split(',').map((t) => `'${PYTHON_TYPES[t] ?? t}'`);
  const value = m[3] === 'null' ? 'None' : `<${m[3]}>`;
  return `In function ${m[1]}(), invalid type for value: ${value}, expected one of: [${expected.join(', ')}], received: "${m[3]}"`;
}

/**
 * What jmespath.py refuses but the jmespath package compiles (and then answers or crashes on):
 * an unclosed literal or string, and `a..b`. Worded as jmespath.py words them (the AWS CLI prints
 * that text after "Bad value for --query <expression>: ").
 */
function refusedByPython(expression: string): string | undefined {
  const unclosed = unclosedDelimiter(expression);
  if (unclosed !== undefined) return `Bad jmespath expression: Unclosed ${expression[unclosed]} delimiter:\n${expression}\n${' '.repeat(unclosed)}^`;
  const dot = doubleDot(expression);
  if (dot !== undefined) {
    return `Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: dot: Parse error at column ${dot}, token "." (DOT), for expression:\n"${expression}"\n${' '.repeat(dot + 1)}^`;
  }
  return undefined;
}

export async function compileQuery(expression: string): Promise<Compiled> {
  const refused = refusedByPython(expression);
  if (refused) return { syntaxError: refused };
  const jmespath = (await import('jmespath')).default as Jmespath;
  try {
    jmespath.compile(expression);
  } catch (error) {
    return { syntaxError: syntaxMessage(jmespath, expression, error as Error) };
  }
  return {
    search: (value) => {
      try {
        return { value: jmespath.search(value as object, expression) };
      } catch (error) {
        return { error: runtimeMessage(error as Error) };
      }
    },
  };
}
