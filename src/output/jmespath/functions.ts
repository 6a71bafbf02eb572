// jmespath.py's built-in functions: signatures checked as it checks them (arity, then each
// argument's Python type, then the items of typed arrays), results as Python computes them.
import { isNaiveDatetime } from '../naive-datetime.js';
import { isPyFloat, numeric, PyFloat } from '../python-float.js';
import { pyJsonDumps } from '../python-json.js';
import { arityError, JmesRuntimeError, typeError } from './errors.js';
import { compareStrings, Expref, isDict, isNumber, pyEquals, pyNumber, pyOrder, typeName, type Dict } from './python.js';

/** jmespath type → the Python type names it admits. */
const PYTHON_TYPES: Record<string, string[]> = {
  boolean: ['bool'],
  array: ['list', '_Projection'],
  object: ['dict', 'OrderedDict'],
  null: ['NoneType'],
  string: ['unicode', 'str'],
  number: ['float', 'int', 'long'],
  expref: ['_Expression'],
};
/** Python type name → jmespath type. */
const JMES_TYPES: Record<string, string> = {
  bool: 'boolean',
  list: 'array',
  dict: 'object',
  NoneType: 'null',
  str: 'string',
  float: 'number',
  int: 'number',
  _Expression: 'expref',
};
const jmesType = (value: unknown) => JMES_TYPES[typeName(value)] ?? 'unknown';

interface Signature {
  /** Allowed types per argument ([] admits anything). */
  args: string[][];
  variadic?: boolean;
}

function checkType(name: string, value: unknown, types: string[]): void {
  const allowed: string[] = [];
  const subtypes: string[][] = [];
  for (const t of types) {
    const [type, subtype] = t.split('-') as [string, string | undefined];
    if (subtype) subtypes.push(PYTHON_TYPES[subtype]!);
    allowed.push(...PYTHON_TYPES[type]!);
  }
  if (!allowed.includes(typeName(value))) throw typeError(name, value, jmesType(value), types);
  if (subtypes.length === 0) return;
  const items = value as unknown[];
  let admitted = subtypes[0]!;
  if (subtypes.length > 1) {
    if (items.length === 0) return;
    const first = typeName(items[0]);
    const found = subtypes.find((s) => s.includes(first));
    if (!found) throw typeError(name, items[0], first, types);
    admitted = found;
  }
  for (const item of items) if (!admitted.includes(typeName(item))) throw typeError(name, item, typeName(item), types);
}

/** A by-function's key: the expression's result, which must be of one of `types`. */
function keyOf(name: string, expref: Expref, types: string[]) {
  return (item: unknown) => {
    const key = expref.evaluate(item);
    if (!types.includes(jmesType(key))) throw typeError(name, key, jmesType(key), types);
    return key;
  };
}

/** Python's min()/max() with a key: the first of the smallest (largest), compared as Python compares. */
function extreme(items: unknown[], key: (item: unknown) => unknown, op: 'lt' | 'gt'): unknown {
  if (items.length === 0) return null;
  let best = items[0];
  let bestKey = key(best);
  for (const item of items.slice(1)) {
    const k = key(item);
    if (pyOrder(op, k, bestKey)) {
      best = item;
      bestKey = k;
    }
  }
  return best;
}

/** Python's sorted() of numbers or of strings (one kind, as the checks ensure). */
function pySort<T>(items: T[], key: (item: T) => unknown = (item) => item): T[] {
  const keyed = items.map((item) => ({ item, key: key(item) }));
  keyed.sort((a, b) => (typeof a.key === 'string' ? compareStrings(a.key, b.key as string) : numeric(a.key as number) - numeric(b.key as number)));
  return keyed.map((k) => k.item);
}

const sumOf = (items: (number | PyFloat)[]) => {
  let total = 0;
  let float = false;
  for (const item of items) {
    total += numeric(item);
    float ||= isPyFloat(item);
  }
  return float ? new PyFloat(total) : total;
};

/** math.floor/math.ceil: an int, or Python's errors for what has none. */
function toInt(name: 'floor' | 'ceil', value: number | PyFloat): number {
  if (typeof value === 'number') return value;
  const n = value.value;
  if (Number.isNaN(n)) throw new JmesRuntimeError('cannot convert float NaN to integer');
  if (!Number.isFinite(n)) throw new JmesRuntimeError('cannot convert float infinity to integer');
  return Math[name](n) + 0;
}

/** dict.update(other) for what merge() does not check (only its first argument is checked). */
function update(target: Dict, other: unknown): void {
  if (isDict(other)) {
    for (const [k, v] of Object.entries(other)) Object.defineProperty(target, k, { value: v, enumerable: true, writable: true, configurable: true });
    return;
  }
  if (Array.isArray(other) && other.length === 0) return;
  throw new JmesRuntimeError(
    Array.isArray(other) || typeof other === 'string' ? 'dictionary update sequence element #0 has length 1; 2 is required' : `'${typeName(other)}' object is not iterable`,
  );
}

const FUNCTIONS: Record<string, { signature: Signature; run: (...args: never[]) => unknown }> = {
  abs: { signature: { args: [['number']] }, run: (n: number | PyFloat) => (typeof n === 'number' ? Math.abs(n) : new PyFloat(Math.abs(n.value))) },
  avg: {
    signature: { args: [['array-number']] },
    run: (items: (number | PyFloat)[]) => (items.length ? new PyFloat(numeric(sumOf(items)) / items.length) : null),
  },
  ceil: { signature: { args: [['number']] }, run: (n: number | PyFloat) => toInt('ceil', n) },
  contains: {
    signature: { args: [['array', 'string'], []] },
    run: (subject: unknown[] | string, search: unknown) => {
      if (Array.isArray(subject)) return subject.some((item) => pyEquals(item, search));
      if (typeof search !== 'string') throw new JmesRuntimeError(`'in <string>' requires string as left operand, not ${typeName(search)}`);
      return subject.includes(search);
    },
  },
  ends_with: { signature: { args: [['string'], ['string']] }, run: (s: string, suffix: string) => s.endsWith(suffix) },
  floor: { signature: { args: [['number']] }, run: (n: number | PyFloat) => toInt('floor', n) },
  join: { signature: { args: [['string'], ['array-string']] }, run: (separator: string, items: string[]) => items.join(separator) },
  keys: { signature: { args: [['object']] }, run: (o: Dict) => Object.keys(o) },
  length: { signature: { args: [['string', 'array', 'object']] }, run: (v: string | unknown[] | Dict) => (typeof v === 'string' ? Array.from(v).length : Array.isArray(v) ? v.length : Object.keys(v).length) },
  map: { signature: { args: [['expref'], ['array']] }, run: (expref: Expref, items: unknown[]) => items.map((item) => expref.evaluate(item)) },
  max: { signature: { args: [['array-number', 'array-string']] }, run: (items: unknown[]) => extreme(items, (i) => i, 'gt') },
  max_by: { signature: { args: [['array'], ['expref']] }, run: (items: unknown[], expref: Expref) => extreme(items, keyOf('max_by', expref, ['number', 'string']), 'gt') },
  merge: {
    signature: { args: [['object']], variadic: true },
    run: (...objects: unknown[]) => {
      const merged: Dict = {};
      for (const o of objects) update(merged, o);
      return merged;
    },
  },
  min: { signature: { args: [['array-number', 'array-string']] }, run: (items: unknown[]) => extreme(items, (i) => i, 'lt') },
  min_by: { signature: { args: [['array'], ['expref']] }, run: (items: unknown[], expref: Expref) => extreme(items, keyOf('min_by', expref, ['number', 'string']), 'lt') },
  not_null: { signature: { args: [[]], variadic: true }, run: (...values: unknown[]) => values.find((v) => v !== null && v !== undefined) ?? null },
  reverse: { signature: { args: [['array', 'string']] }, run: (v: unknown[] | string) => (typeof v === 'string' ? Array.from(v).reverse().join('') : [...v].reverse()) },
  sort: { signature: { args: [['array-string', 'array-number']] }, run: (items: unknown[]) => pySort(items) },
  sort_by: {
    signature: { args: [['array'], ['expref']] },
    run: (items: unknown[], expref: Expref) => {
      if (items.length === 0) return items;
      const required = jmesType(expref.evaluate(items[0]));
      if (required !== 'number' && required !== 'string') throw typeError('sort_by', items[0], required, ['string', 'number']);
      return pySort(items, keyOf('sort_by', expref, [required]));
    },
  },
  starts_with: { signature: { args: [['string'], ['string']] }, run: (s: string, prefix: string) => s.startsWith(prefix) },
  sum: { signature: { args: [['array-number']] }, run: (items: (number | PyFloat)[]) => sumOf(items) },
  to_array: { signature: { args: [[]] }, run: (v: unknown) => (Array.isArray(v) ? v : [v]) },
  to_number: {
    signature: { args: [[]] },
    run: (v: unknown) => {
      if (isNumber(v)) return v;
      return typeof v === 'string' ? pyNumber(v) : null;
    },
  },
  to_string: {
    signature: { args: [[]] },
    run: (v: unknown) =>
      typeof v === 'string' ? v : pyJsonDumps(v, { ensureAscii: true, separators: [',', ':'], fallback: (x) => (isNaiveDatetime(x) ? x.iso.replace('T', ' ') : String(x)) }),
  },
  type: {
    signature: { args: [[]] },
    run: (v: unknown) => {
      const type = jmesType(v);
      return type === 'unknown' || type === 'expref' ? null : type;
    },
  },
  values: { signature: { args: [['object']] }, run: (o: Dict) => Object.values(o) },
};

export function callFunction(name: string, args: unknown[]): unknown {
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!fn) throw new JmesRuntimeError(`Unknown function: ${name}()`);
  const { args: types, variadic } = fn.signature;
  if (variadic ? args.length < types.length : args.length !== types.length) throw arityError(name, types.length, args.length, variadic === true);
  types.forEach((allowed, i) => {
    if (allowed.length > 0) checkType(name, args[i], allowed);
  });
  return (fn.run as (...a: unknown[]) => unknown)(...args);
}
