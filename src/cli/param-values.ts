// Turns the words given for one parameter into its value, by the parameter's shape:
// file:// contents, JSON or shorthand for structures and lists, integers for integers.
import { GeneralError, paramError } from '../errors/classes.js';
import { shapeOf, type Shape } from '../model/shapes.js';
import { PyJsonDepthError, PyJsonError, pyJsonLoads } from '../output/python-json.js';
import { resolveParamFile } from './paramfile.js';
import { Bytes } from '../output/python-repr.js';
import { parseShorthand, ShorthandError, type ShorthandValue } from './shorthand.js';

function jsonValue(flag: string, text: string): unknown {
  try {
    // Python's json.loads, as the AWS CLI reads it: a float stays a float (and fails validation as one).
    return pyJsonLoads(text);
  } catch (error) {
    if (error instanceof PyJsonError) throw paramError(flag, `Invalid JSON: ${error.message}\nJSON received: ${text}`);
    // Python's RecursionError is no ValueError: the AWS CLI lets it through as a bare error.
    if (error instanceof PyJsonDepthError) throw new GeneralError(error.message);
    throw error;
  }
}

/** The AWS CLI tries shorthand only when the (first) value does not look like JSON. */
const looksLikeJson = (text: string) => /^[[{]/.test(text.trim());

function shorthandValue(flag: string, text: string, shape: Shape): unknown {
  try {
    return coerce(parseShorthand(text), shape);
  } catch (error) {
    if (error instanceof ShorthandError) throw paramError(flag, error.message);
    throw error;
  }
}

/** Shorthand values are all strings: convert scalars the shape says are numbers, wrap lists. */
function coerce(value: ShorthandValue, shape: Shape): unknown {
  if (shape.type === 'structure' && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      const ref = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
      const v = ref ? coerce(member, shapeOf(ref.shape)) : member;
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (shape.type === 'list') {
    const items = Array.isArray(value) ? value : [value];
    return items.map((item) => coerce(item, shapeOf(shape.member)));
  }
  if (shape.type === 'integer' && typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value);
  return value;
}

/** A structure written as JSON: it must be an object; `[...]` is refused as the AWS CLI refuses it. */
function jsonStructure(flag: string, text: string): unknown {
  if (text.trimStart().startsWith('{')) return jsonValue(flag, text);
  throw paramError(flag, `Invalid JSON:\n${text}`);
}

function scalarValue(flag: string, raw: string | Bytes, shape: Shape): unknown {
  if (raw instanceof Bytes) return raw;
  if (shape.type === 'integer') {
    if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw paramError(flag, `invalid literal for int() with base 10: '${raw}'`);
    return Number(raw);
  }
  return raw;
}

/** `words` is one string (nargs 1) or the list of words (nargs +). */
export function unpackParameter(flag: string, words: string | string[], shapeName: string, cwd: string): unknown {
  const shape = shapeOf(shapeName);
  const load = (word: string) => resolveParamFile(flag, word, cwd);
  if (shape.type === 'list') {
    const raws = (Array.isArray(words) ? words : [words]).map(load);
    const member = shapeOf(shape.member);
    const first = raws[0];
    // Whether the words are shorthand is decided once, on the first word.
    const json = typeof first === 'string' && looksLikeJson(first);
    if (json && raws.length === 1 && first.trimStart().startsWith('[')) return jsonValue(flag, first);
    return raws.map((raw) => {
      if (raw instanceof Bytes) return raw;
      if (member.type !== 'structure') return scalarValue(flag, raw, member);
      return json ? jsonStructure(flag, raw) : shorthandValue(flag, raw, member);
    });
  }
  const raw = load(Array.isArray(words) ? words[0]! : words);
  if (shape.type === 'structure') return raw instanceof Bytes ? raw : looksLikeJson(raw) ? jsonStructure(flag, raw) : shorthandValue(flag, raw, shape);
  return scalarValue(flag, raw, shape);
}
