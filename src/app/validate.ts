// Client-side parameter validation as botocore does it: types, required and unknown members,
// and minimums only (patterns, maxima and enums are left to the service).
import { ParamValidationError } from '../errors/classes.js';
import { shapeOf, type Shape } from '../model/shapes.js';
import { pyStr, pyType, pyTypeName } from '../output/python-repr.js';
import { parseTimestampInput } from './timestamps.js';
import { isNaiveDatetime } from '../output/naive-datetime.js';

type Problem = string;

function label(path: string): string {
  if (!path) return 'input';
  return path.startsWith('.') ? path.slice(1) : path;
}

function typeProblem(path: string, value: unknown, valid: string): Problem {
  return `Invalid type for parameter ${label(path)}, value: ${pyStr(value)}, type: ${pyType(value)}, valid types: ${valid}`;
}

function check(value: unknown, shape: Shape, path: string, problems: Problem[]): void {
  switch (shape.type) {
    case 'structure': {
      if (pyTypeName(value) !== 'dict') return void problems.push(typeProblem(path, value, "<class 'dict'>"));
      const params = value as Record<string, unknown>;
      for (const name of shape.required ?? []) {
        if (!(name in params)) problems.push(`Missing required parameter in ${label(path)}: "${name}"`);
      }
      const known: string[] = [];
      for (const name of Object.keys(params)) {
        if (!Object.hasOwn(shape.members, name)) {
          problems.push(`Unknown parameter in ${label(path)}: "${name}", must be one of: ${Object.keys(shape.members).join(', ')}`);
        } else known.push(name);
      }
      for (const name of known) check(params[name], shapeOf(shape.members[name]!.shape), `${path}.${name}`, problems);
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return void problems.push(typeProblem(path, value, "<class 'list'>, <class 'tuple'>"));
      value.forEach((item, i) => check(item, shapeOf(shape.member), `${path}[${i}]`, problems));
      return;
    }
    case 'string': {
      if (typeof value !== 'string') return void problems.push(typeProblem(path, value, "<class 'str'>"));
      if (shape.min !== undefined && value.length < shape.min) {
        problems.push(`Invalid length for parameter ${label(path)}, value: ${value.length}, valid min length: ${shape.min}`);
      }
      return;
    }
    case 'integer': {
      // Python's bool is an int, so botocore lets True and False through.
      const n = typeof value === 'boolean' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) return void problems.push(typeProblem(path, value, "<class 'int'>"));
      if (shape.min !== undefined && n < shape.min) {
        problems.push(`Invalid value for parameter ${label(path)}, value: ${pyStr(value)}, valid min value: ${shape.min}`);
      }
      return;
    }
    case 'timestamp':
      // A skeleton's sample time is a datetime, as botocore's is.
      if (!isNaiveDatetime(value) && parseTimestampInput(value) === undefined) problems.push(typeProblem(path, value, "<class 'datetime.datetime'>, timestamp-string"));
      return;
  }
}

/** Throws ParamValidationError listing every problem, one per line, like botocore. */
export function validateParams(params: unknown, shapeName: string): void {
  const problems: Problem[] = [];
  check(params, shapeOf(shapeName), '', problems);
  if (problems.length) throw new ParamValidationError(`Parameter validation failed:\n${problems.join('\n')}`);
}
