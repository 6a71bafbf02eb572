// One list of the state file kept as its stored lines (one JSON item a line), parsed an item at a
// time when asked. It is an array to whoever uses it: anything beyond the table's questions
// (model/table.ts), `length` and `push` parses every item first, so correctness never depends on
// which path a caller takes. Only items that were parsed, added or removed are written anew.
import { mentionsAny, peekOf, TABLE, type Peek, type Peeked, type Question, type Table } from '../model/table.js';

/** The item lines of a list in a file: bytes [start, end) of `buffer`, lines joined by ",\n". */
export interface StoredLines {
  buffer: Buffer;
  start: number;
  end: number;
}

/** Stored lines now, or read from the file only when first needed. */
export type StoredSource = StoredLines | (() => StoredLines);

const NEWLINE = 0x0a;

/** The offset after the first `lines` lines of bytes [start, end). */
function skipTo(buffer: Buffer, start: number, end: number, lines: number): number {
  let at = start;
  for (let n = 0; n < lines && at < end; n++) {
    const newline = buffer.indexOf(NEWLINE, at);
    at = newline === -1 || newline >= end ? end : newline + 1;
  }
  return at;
}
const UNKNOWN = Symbol('unknown');

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
}

/**
 * The value of the first member named `key` in one line of JSON, read from the text. In valid
 * JSON a quote that follows `{` or `,` (after blanks) and is followed by `":"` opens a member name,
 * so the first such match is the first member in the parsed item's order. UNKNOWN when the value
 * is not a plain scalar (an object, a list, an escaped string): the caller then parses the line.
 */
export function peekText(line: string, key: string): Peeked | typeof UNKNOWN {
  const needle = `"${key}"`;
  for (let at = line.indexOf(needle); at !== -1; at = line.indexOf(needle, at + 1)) {
    let before = at - 1;
    while (before >= 0 && isSpace(line.charCodeAt(before))) before--;
    const opener = line.charCodeAt(before);
    if (opener !== 0x7b && opener !== 0x2c) continue; // { or ,
    let k = at + needle.length;
    while (k < line.length && isSpace(line.charCodeAt(k))) k++;
    if (line.charCodeAt(k) !== 0x3a) continue; // :
    k++;
    while (k < line.length && isSpace(line.charCodeAt(k))) k++;
    const first = line.charCodeAt(k);
    if (first === 0x22) {
      const close = line.indexOf('"', k + 1);
      if (close === -1) return UNKNOWN;
      const text = line.slice(k + 1, close);
      return text.includes('\\') ? UNKNOWN : text;
    }
    if (first === 0x2d || (first >= 0x30 && first <= 0x39)) {
      let end = k + 1;
      while (end < line.length && /[0-9.eE+-]/.test(line[end]!)) end++;
      const value = Number(line.slice(k, end));
      return Number.isFinite(value) ? value : UNKNOWN;
    }
    if (line.startsWith('true', k)) return true;
    if (line.startsWith('false', k)) return false;
    if (line.startsWith('null', k)) return null;
    return UNKNOWN;
  }
  return undefined;
}

/**
 * Matches a line that holds one of `strings` as a whole JSON string, ignoring case. Characters
 * other than these are not handled here: such a question parses every line.
 */
function mentionPattern(strings: readonly string[]): RegExp {
  const plain = (s: string) => /^[A-Za-z0-9@._+-]*$/.test(s);
  if (!strings.every(plain)) return /[^]/; // anything: every line is parsed and checked
  const escape = (s: string) => s.replace(/[.+]/g, '\\$&');
  return new RegExp(`"(?:${strings.map(escape).join('|')})"`, 'i');
}

/** Peeks of stored lines, remembered: a stored line never changes (a long-lived server asks often). */
const NOT_YET = Symbol('not yet');
type PeekCache = { lines: number; columns: Map<string, (Peeked | typeof UNKNOWN | typeof NOT_YET)[]> };

function textPeek(line: string, index: number, keys: readonly string[], cache: PeekCache): Peek | undefined {
  const peek: Peek = {};
  for (const key of keys) {
    let column = cache.columns.get(key);
    if (!column) cache.columns.set(key, (column = new Array(cache.lines).fill(NOT_YET)));
    let value = column[index] as Peeked | typeof UNKNOWN | typeof NOT_YET;
    if (value === NOT_YET) column[index] = value = peekText(line, key);
    if (value === UNKNOWN) return undefined;
    peek[key] = value;
  }
  return peek;
}

/** What the writer needs of a list: its lines as they are to be stored. */
export interface StoredList {
  /** The stored bytes, when nothing but additions changed; else undefined. */
  untouched(): Buffer | undefined;
  /** Every line (without the joining commas), parsed items written anew. */
  lines(stringify: (item: unknown) => string): Iterable<string>;
  /** Items added since the list was read. */
  added(): readonly unknown[];
  /** Whether the list was parsed whole (it is then an ordinary array). */
  whole(): boolean;
}

export const STORED = Symbol.for('orgsim.stored');

export function storedListOf(value: unknown): StoredList | undefined {
  return Array.isArray(value) ? (value as unknown as { [STORED]?: StoredList })[STORED] : undefined;
}

/** A list backed by `stored`; `parse` turns line `index` into an item (and checks it). */
export function lazyList<T>(source: StoredSource, parse: (line: string, index: number) => T): T[] {
  let loaded: StoredLines | undefined = typeof source === 'function' ? undefined : source;
  const bytes = (): StoredLines => (loaded ??= (source as () => StoredLines)());
  // Offsets are kept apart from the bytes, which may not have been read yet.
  let skipped = 0; // whole lines dropped from the front before the lines were split
  let lines: string[] | undefined;
  let dropped = 0; // leading lines dropped (in `lines`, or bytes skipped before they were split)
  const parsed = new Map<number, T>();
  const indexOf = new Map<T, number>();
  const removed = new Set<number>();
  const appended: T[] = [];
  const peeks: PeekCache = { lines: 0, columns: new Map() };
  let whole = false;
  const target: T[] = [];

  const split = (): string[] => {
    if (!lines) {
      const { buffer, start, end } = bytes();
      const from = skipTo(buffer, start, end, skipped);
      lines = from >= end ? [] : buffer.toString('utf8', from, end).split(',\n');
      dropped = 0;
      peeks.lines = lines.length;
      peeks.columns.clear();
    }
    return lines;
  };
  const countStored = (): number => {
    if (lines) return lines.length - dropped - [...removed].filter((i) => i >= dropped).length;
    const { buffer, start, end } = bytes();
    if (start >= end) return 0;
    let count = 1;
    for (let at = buffer.indexOf(NEWLINE, start); at !== -1 && at < end; at = buffer.indexOf(NEWLINE, at + 1)) count++;
    return Math.max(0, count - skipped);
  };
  const itemAt = (i: number): T => {
    let item = parsed.get(i);
    if (item === undefined) {
      item = parse(split()[i]!, i);
      parsed.set(i, item);
      indexOf.set(item, i);
    }
    return item;
  };
  const live = function* (): Generator<number> {
    const all = split();
    for (let i = dropped; i < all.length; i++) if (!removed.has(i)) yield i;
  };
  const materialize = () => {
    if (whole) return;
    const items: T[] = [];
    for (const i of live()) items.push(itemAt(i));
    items.push(...appended);
    target.push(...items);
    whole = true;
  };

  const table: Table<T> = {
    where(question) {
      return table.scan(question).map((found) => found.item());
    },
    scan({ keys, test, mentions }: Question) {
      const mentioned = mentions && mentionPattern(mentions);
      const found: { peek: Peek; item: () => T }[] = [];
      const consider = (item: T) => {
        const peek = peekOf(item, keys);
        if (test(peek) && (!mentions || mentionsAny(item, mentions))) found.push({ peek, item: () => item });
      };
      if (whole) {
        target.forEach(consider);
        return found;
      }
      const all = split();
      for (const i of live()) {
        const known = parsed.get(i);
        if (known !== undefined) {
          consider(known);
          continue;
        }
        const line = all[i]!;
        // The text holds every string of the item: one that mentions none of them (and escapes
        // nothing that could hide one) is not asked about.
        if (mentioned && !mentioned.test(line) && !line.includes('\\')) continue;
        const peek = textPeek(line, i, keys, peeks);
        if (peek === undefined) consider(itemAt(i));
        else if (test(peek) && (!mentions || mentionsAny(itemAt(i), mentions))) found.push({ peek, item: () => itemAt(i) });
      }
      appended.forEach(consider);
      return found;
    },
    remove(items) {
      if (whole) {
        let kept = 0;
        for (const item of target) if (!items.has(item)) target[kept++] = item;
        target.length = kept;
        return;
      }
      for (const item of items) {
        const i = indexOf.get(item);
        if (i !== undefined) removed.add(i);
        const added = appended.indexOf(item);
        if (added !== -1) appended.splice(added, 1);
      }
    },
    dropFirst(count) {
      if (whole) {
        target.splice(0, count);
        return;
      }
      let left = count;
      if (!lines) {
        // Whole lines are skipped in the stored bytes when they are written or split, never decoded.
        const stored = countStored();
        const skip = Math.min(left, stored);
        skipped += skip;
        left -= skip;
      } else {
        while (left > 0 && dropped < lines.length) {
          if (!removed.has(dropped)) left--;
          dropped++;
        }
      }
      if (left > 0) appended.splice(0, left);
    },
  };

  const storedList: StoredList = {
    untouched: () => {
      if (whole || lines || parsed.size) return undefined;
      const { buffer, start, end } = bytes();
      return buffer.subarray(skipTo(buffer, start, end, skipped), end);
    },
    *lines(stringify) {
      for (const i of live()) yield parsed.has(i) ? stringify(parsed.get(i)) : lines![i]!;
    },
    added: () => appended,
    whole: () => whole,
  };

  return new Proxy(target, {
    get(t, prop, receiver) {
      if (prop === TABLE) return whole ? undefined : table;
      if (prop === STORED) return storedList;
      if (!whole) {
        if (prop === 'length') return countStored() + appended.length;
        if (prop === 'push') {
          return (...items: T[]) => {
            appended.push(...items);
            return countStored() + appended.length;
          };
        }
        materialize();
      }
      return Reflect.get(t, prop, receiver);
    },
    set(t, prop, value, receiver) {
      materialize();
      return Reflect.set(t, prop, value, receiver);
    },
    has(t, prop) {
      if (prop === TABLE || prop === STORED) return true;
      materialize();
      return Reflect.has(t, prop);
    },
    ownKeys(t) {
      materialize();
      return Reflect.ownKeys(t);
    },
    getOwnPropertyDescriptor(t, prop) {
      materialize();
      return Reflect.getOwnPropertyDescriptor(t, prop);
    },
    defineProperty(t, prop, descriptor) {
      materialize();
      return Reflect.defineProperty(t, prop, descriptor);
    },
    deleteProperty(t, prop) {
      materialize();
      return Reflect.deleteProperty(t, prop);
    },
  });
}
