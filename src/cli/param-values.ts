// Turns the words given for one parameter into its value, by the parameter's shape:
// file:// contents, JSON or shorthand for structures and lists, integers for integers.
import { paramError } from '../errors/classes.js';
import { shapeOf, type Shape } from '../model/shapes.js';
import { JsonSyntaxError, parseJson } from './json-input.js';
import { resolveParamFile } from './paramfile.js';
import { Bytes } from '../output/python-repr.js';
import { parseShorthand, ShorthandError, type ShorthandValue } from './shorthand.js';

function jsonValue(flag: string, text: string): unknown {
  try {
    return parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw paramError(flag, `Invalid JSON: ${error.message}\nJSON received: ${text}`);
    throw error;
  }
}

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

function structureValue(flag: string, text: string, shape: Shape): unknown {
  return text.trimStart().startsWith('{') ? jsonValue(flag, text) : shorthandValue(flag, text, shape);
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
    if (raws.length === 1 && typeof first === 'string' && first.trimStart().startsWith('[')) return jsonValue(flag, first);
    return raws.map((raw) => {
      if (raw instanceof Bytes) return raw;
      return member.type === 'structure' ? structureValue(flag, raw, member) : scalarValue(flag, raw, member);
    });
  }
  const raw = load(Array.isArray(words) ? words[0]! : words);
  if (shape.type === 'structure') return raw instanceof Bytes ? raw : structureValue(flag, raw, shape);
  return scalarValue(flag, raw, shape);
}
