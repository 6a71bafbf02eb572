// --query: JMESPath, loaded only by the commands that use it.
import { ParamValidationError } from '../errors/cli-errors.js';

export interface CompiledQuery {
  search(value: unknown): unknown;
}

export async function compileQuery(expression: string): Promise<CompiledQuery> {
  const jmespath = (await import('jmespath')).default as typeof import('jmespath') & { compile(expression: string): unknown };
  try {
    jmespath.compile(expression);
  } catch (error) {
    throw new ParamValidationError(`Bad value for --query ${expression}: Invalid jmespath expression: ${(error as Error).message}`);
  }
  return { search: (value) => jmespath.search(value as object, expression) };
}
