// The Python semantics jmespath.py inherits: type names, ==, ordering, truth, slices, int() and float().
import { isNaiveDatetime } from '../naive-datetime.js';
import { isPyFloat, numeric, PyFloat } from '../python-float.js';
import { JmesRuntimeError } from './errors.js';

/** An expression handed to a function (&expr), with what evaluates it. */
export class Expref {
  constructor(readonly evaluate: (value: unknown) => unknown) {}
}

export type Dict = Record<string, unknown>;

/** type(value).__name__ */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'int';
  if (typeof value === 'string') return 'str';
  if (isPyFloat(value)) return 'float';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Expref) return '_Expression';
  if (isNaiveDatetime(value)) return 'datetime';
  return 'dict';
}

export const isDict = (value: unknown): value is Dict => typeName(value) === 'dict';
/** A number and not a bool (Python's bool is an int; jmespath.py sets it apart). */
export const isNumber = (value: unknown): value is number | PyFloat => typeof value === 'number' || isPyFloat(value);

/** Python's ==. */
export function pyEquals(a: unknown, b: unknown): boolean {
  const asNumber = (v: unknown) => (typeof v === 'boolean' ? Number(v) : isNumber(v) ? numeric(v) : undefined);
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined || y !== undefined) return x !== undefined && y !== undefined && x === y;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => pyEquals(v, b[i]));
  if (isDict(a) && isDict(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && pyEquals(a[k], b[k]));
  }
  if (isNaiveDatetime(a) && isNaiveDatetime(b)) return a.iso === b.iso;
  return a === b;
}

/** Python's str ordering: by code point (JavaScript's < compares UTF-16 units). */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const at = (s: string, unit: number) => (unit >= 0xdc00 && unit <= 0xdfff && i > 0 ? s.codePointAt(i - 1)! : s.codePointAt(i)!);
    return at(a, x) - at(b, y);
  }
  return a.length - b.length;
}

const SYMBOLS = { lt: '<', gt: '>', lte: '<=', gte: '>=' } as const;
export type Ordering = keyof typeof SYMBOLS;

/** Python's a < b (and friends) on numbers and strings; mixing them is Python's TypeError. */
export function pyOrder(op: Ordering, a: unknown, b: unknown): boolean {
  let sign: number;
  if (isNumber(a) && isNumber(b)) {
    const x = numeric(a);
    const y = numeric(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return false;
    sign = x < y ? -1 : x > y ? 1 : 0;
  } else if (typeof a === 'string' && typeof b === 'string') {
    sign = compareStrings(a, b);
  } else {
    throw new JmesRuntimeError(`'${SYMBOLS[op]}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  }
  return op === 'lt' ? sign < 0 : op === 'gt' ? sign > 0 : op === 'lte' ? sign <= 0 : sign >= 0;
}

/** jmespath.py's false: '', [], {}, None, False (0 is true). */
export function isFalse(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isDict(value) && Object.keys(value).length === 0;
}

/** Python's list[start:stop:step]. */
export function pySlice<T>(list: readonly T[], start: number | null, stop: number | null, step: number | null): T[] {
  const s = step ?? 1;
  if (s === 0) throw new JmesRuntimeError('slice step cannot be zero');
  const n = list.length;
  const clamp = (v: number | null, fallback: number, low: number, high: number) => {
    if (v === null) return fallback;
    const at = v < 0 ? v + n : v;
    return Math.min(Math.max(at, low), high);
  };
  const out: T[] = [];
  if (s > 0) {
    const from = clamp(start, 0, 0, n);
    const to = clamp(stop, n, 0, n);
    for (let i = from; i < to; i += s) out.push(list[i]!);
  } else {
    const from = clamp(start, n - 1, -1, n - 1);
    const to = clamp(stop, -1, -1, n - 1);
    for (let i = from; i > to; i += s) out.push(list[i]!);
  }
  return out;
}

/** What Python's str.strip() takes away (str.isspace). */
const PY_SPACE = /^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/gu;
const INT_TEXT = /^[+-]?[0-9]+(?:_[0-9]+)*$/;
const FLOAT_TEXT = /^[+-]?(?:(?:[0-9]+(?:_[0-9]+)*)?\.[0-9]+(?:_[0-9]+)*|[0-9]+(?:_[0-9]+)*\.?)(?:[eE][+-]?[0-9]+(?:_[0-9]+)*)?$/;
const SPECIAL_FLOAT = /^([+-]?)(inf|infinity|nan)$/i;

/** int(text), else float(text), else None, as to_number() reads a string. */
export function pyNumber(text: string): number | PyFloat | null {
  const s = text.replace(PY_SPACE, '');
  if (INT_TEXT.test(s)) return Number(s.replaceAll('_', '')) + 0;
  if (FLOAT_TEXT.test(s)) return new PyFloat(Number(s.replaceAll('_', '')));
  const special = SPECIAL_FLOAT.exec(s);
  if (special) return new PyFloat(special[2]!.toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity);
  return null;
}
