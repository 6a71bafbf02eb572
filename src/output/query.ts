// --query: JMESPath as jmespath.py 1.0.1 (the AWS CLI's) reads and answers it, results and
// messages alike (src/output/jmespath/). Loaded only by the commands that use it. It answers
// with results; what an error means to the command line is the CLI's to decide.
import { JmesRuntimeError, JmesSyntaxError } from './jmespath/errors.js';
import { PyJsonDepthError } from './python-json.js';
import { visit } from './jmespath/interpreter.js';
import { parse } from './jmespath/parser.js';

export interface CompiledQuery {
  search(value: unknown): unknown;
}

/** A compiled expression: searching answers with the value or the error's text. */
export type Compiled = { syntaxError: string } | { search(value: unknown): { value: unknown } | { error: string } };

export function compileQuery(expression: string): Compiled {
  let tree;
  try {
    tree = parse(expression);
  } catch (error) {
    // The AWS CLI reports whatever compiling raises, Python's RecursionError included.
    if (error instanceof JmesSyntaxError || error instanceof PyJsonDepthError) return { syntaxError: error.message };
    throw error;
  }
  return {
    search: (value) => {
      try {
        return { value: visit(tree, value) };
      } catch (error) {
        if (error instanceof JmesRuntimeError) return { error: error.message };
        throw error;
      }
    },
  };
}
