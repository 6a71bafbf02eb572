// A list of the world that a store may keep as stored text and parse one item at a time.
// The service reaches such a list through the functions of service/table.ts; a plain array
// (a test's world, a world built in memory) answers the same questions by looking at its items.

/** The key a table-backed list answers to; a plain array does not have it. */
export const TABLE = Symbol.for('orgsim.table');

/** A scalar member of an item, found by key name: the first occurrence in the item's JSON order. */
export type Peeked = string | number | boolean | null | undefined;
export type Peek = Record<string, Peeked>;

/**
 * Which items a question is about: their peeked `keys` pass `test` (which must depend only on the
 * peek), and, with `mentions`, some string value in the item equals one of these, ignoring case.
 */
export interface Question {
  keys: readonly string[];
  test: (peek: Peek) => boolean;
  mentions?: readonly string[];
  /** The items whose peeked `key` is `value` (a store may keep an index of it). */
  equal?: { key: string; value: string | number };
}

export interface Table<T> {
  /** The items the question is about, in order; a store may answer from the stored text. */
  where(question: Question): T[];
  /** How many items the question is about, parsing none that the stored text answers for. */
  count(question: Question): number;
  /** Calls `found` for each item the question is about; its peek is valid during the call only. */
  each(question: Question, found: (peek: Peek, item: () => T) => void): void;
  /** Like `where`, but each item is parsed only when `item()` is called. */
  scan(question: Question): { peek: Peek; item: () => T }[];
  /** Removes these items (found by `where` or `scan`). */
  remove(items: ReadonlySet<T>): void;
  /** Removes the first `count` items. */
  dropFirst(count: number): void;
  /** A number worked out from the items, kept with them while they stay as they are (service/memo.ts). */
  noted(key: string): number | undefined;
  note(key: string, value: number): void;
  forgetNotes(): void;
  /** The items that may differ from those stored: every one parsed, and those added. */
  touched(): readonly T[];
}

const ABSENT = Symbol('absent');

/** The first value of `key` in `value`, depth first in property order (JSON.stringify's order). */
function firstValue(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return ABSENT;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstValue(item, key);
      if (found !== ABSENT) return found;
    }
    return ABSENT;
  }
  const record = value as Record<string, unknown>;
  for (const k in record) {
    if (k === key) return record[k];
    const found = firstValue(record[k], key);
    if (found !== ABSENT) return found;
  }
  return ABSENT;
}

/** The peek of a parsed item: what a store finds in its text, found in the object instead. */
export function peekOf(item: unknown, keys: readonly string[]): Peek {
  const peek: Peek = {};
  for (const key of keys) {
    const found = firstValue(item, key);
    peek[key] = found === ABSENT ? undefined : (found as Peeked);
  }
  return peek;
}

/** Whether some string in `value` (a member name or a value) equals one of `strings`, ignoring case. */
export function mentionsAny(value: unknown, strings: readonly string[]): boolean {
  const lower = strings.map((s) => s.toLowerCase());
  const visit = (v: unknown): boolean => {
    if (typeof v === 'string') return lower.includes(v.toLowerCase());
    if (v === null || typeof v !== 'object') return false;
    if (Array.isArray(v)) return v.some(visit);
    return Object.entries(v).some(([k, x]) => lower.includes(k.toLowerCase()) || visit(x));
  };
  return visit(value);
}
