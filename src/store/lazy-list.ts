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
const SEPARATOR = ',\n';
const UNKNOWN = Symbol('unknown');
type Cell = Peeked | typeof UNKNOWN;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
}

const NUMBER_CHAR = /[0-9.eE+-]/;

/**
 * The value of the member whose name's opening quote is at `at` in `text`, or NOT_MEMBER when
 * the match is not a member name. In valid JSON a quote that follows `{` or `,` (after blanks) and
 * is followed by `":"` opens a member name. UNKNOWN when the value is not a plain scalar (an
 * object, a list, an escaped string): the caller then parses the item.
 */
const NOT_MEMBER = Symbol('not a member');
function valueAt(text: string, at: number, needleLength: number): Cell | typeof NOT_MEMBER {
  let before = at - 1;
  while (before >= 0 && isSpace(text.charCodeAt(before))) before--;
  const opener = text.charCodeAt(before);
  if (opener !== 0x7b && opener !== 0x2c) return NOT_MEMBER; // { or ,
  let k = at + needleLength;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (text.charCodeAt(k) !== 0x3a) return NOT_MEMBER; // :
  k++;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  const first = text.charCodeAt(k);
  if (first === 0x22) {
    const close = text.indexOf('"', k + 1);
    if (close === -1) return UNKNOWN;
    const value = text.slice(k + 1, close);
    return value.includes('\\') ? UNKNOWN : value;
  }
  if (first === 0x2d || (first >= 0x30 && first <= 0x39)) {
    let end = k + 1;
    while (end < text.length && NUMBER_CHAR.test(text[end]!)) end++;
    const value = Number(text.slice(k, end));
    return Number.isFinite(value) ? value : UNKNOWN;
  }
  if (text.startsWith('true', k)) return true;
  if (text.startsWith('false', k)) return false;
  if (text.startsWith('null', k)) return null;
  return UNKNOWN;
}

/** The value of the first member named `key` in one line of JSON (undefined when there is none). */
export function peekText(line: string, key: string): Cell {
  const needle = `"${key}"`;
  for (let at = line.indexOf(needle); at !== -1; at = line.indexOf(needle, at + 1)) {
    const value = valueAt(line, at, needle.length);
    if (value !== NOT_MEMBER) return value;
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

/** The offset after the first `lines` lines of bytes [start, end). */
function skipTo(buffer: Buffer, start: number, end: number, lines: number): number {
  let at = start;
  for (let n = 0; n < lines && at < end; n++) {
    const newline = buffer.indexOf(NEWLINE, at);
    at = newline === -1 || newline >= end ? end : newline + 1;
  }
  return at;
}

/** What the writer needs of a list: its lines as they are to be stored. */
export interface StoredList {
  /** The stored bytes, when nothing but additions changed; else undefined. */
  untouched(): Buffer | undefined;
  /** The stored lines joined by ",\n", parsed items written anew (runs of unchanged lines as one piece). */
  pieces(stringify: (item: unknown) => string): Iterable<string | Buffer>;
  /** Items added since the list was read. */
  added(): readonly unknown[];
  /** Whether the list was parsed whole (it is then an ordinary array). */
  whole(): boolean;
}

export const STORED = Symbol.for('orgsim.stored');

export function storedListOf(value: unknown): StoredList | undefined {
  return Array.isArray(value) ? (value as unknown as { [STORED]?: StoredList })[STORED] : undefined;
}

/** The section's text and where each line starts; for ASCII text, the bytes it was decoded from. */
interface Lines {
  text: string;
  starts: number[];
  ascii?: { buffer: Buffer; offset: number };
}

/** A list backed by `source`; `parse` turns line `index` into an item (and checks it). */
export function lazyList<T>(source: StoredSource, parse: (line: string, index: number) => T): T[] {
  let loaded: StoredLines | undefined = typeof source === 'function' ? undefined : source;
  const bytes = (): StoredLines => (loaded ??= (source as () => StoredLines)());
  let skipped = 0; // lines dropped from the front before the text was decoded
  let lines: Lines | undefined;
  let dropped = 0; // lines dropped from the front since
  const parsed = new Map<number, T>();
  const indexOf = new Map<T, number>();
  const removed = new Set<number>();
  const appended: T[] = [];
  const columns = new Map<string, Cell[]>();
  const indexes = new Map<string, Map<unknown, number[]>>();
  let whole = false;
  const target: T[] = [];

  const decoded = (): Lines => {
    if (!lines) {
      const { buffer, start, end } = bytes();
      const from = skipTo(buffer, start, end, skipped);
      const text = from >= end ? '' : buffer.toString('utf8', from, end);
      const starts: number[] = text ? [0] : [];
      for (let at = text.indexOf(SEPARATOR); at !== -1; at = text.indexOf(SEPARATOR, at + 2)) starts.push(at + 2);
      // One byte a character: unchanged lines can be written from the bytes, not encoded again.
      lines = { text, starts, ascii: text.length === end - from ? { buffer, offset: from } : undefined };
    }
    return lines;
  };
  const count = () => decoded().starts.length;
  const endOf = (i: number) => {
    const { text, starts } = decoded();
    return i + 1 < starts.length ? starts[i + 1]! - SEPARATOR.length : text.length;
  };
  const lineAt = (i: number) => decoded().text.slice(decoded().starts[i], endOf(i));
  const countStored = (): number => {
    if (lines) return count() - dropped - [...removed].filter((i) => i >= dropped).length;
    const { buffer, start, end } = bytes();
    if (start >= end) return 0;
    let n = 1;
    for (let at = buffer.indexOf(NEWLINE, start); at !== -1 && at < end; at = buffer.indexOf(NEWLINE, at + 1)) n++;
    return Math.max(0, n - skipped);
  };
  const itemAt = (i: number): T => {
    let item = parsed.get(i);
    if (item === undefined) {
      item = parse(lineAt(i), i);
      parsed.set(i, item);
      indexOf.set(item, i);
    }
    return item;
  };
  const isLive = (i: number) => i >= dropped && !removed.has(i);

  /** The first member `key` of every stored line, found in one pass over the text. */
  const column = (key: string): Cell[] => {
    let found = columns.get(key);
    if (found) return found;
    const { text, starts } = decoded();
    found = new Array<Cell>(starts.length).fill(undefined);
    const needle = `"${key}"`;
    let line = 0;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      while (line + 1 < starts.length && starts[line + 1]! <= at) line++;
      const value = valueAt(text, at, needle.length);
      if (value === NOT_MEMBER) continue;
      found[line] = value;
      if (line + 1 >= starts.length) break;
      at = starts[line + 1]! - 1; // the first member of this name is all a line needs
    }
    columns.set(key, found);
    return found;
  };
  /** Line indices whose stored `key` is `value`, and every parsed line (it may have changed since). */
  const indexed = (key: string, value: unknown): number[] => {
    let index = indexes.get(key);
    if (!index) {
      index = new Map();
      const cells = column(key);
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        const v = cell === UNKNOWN ? peekOf(itemAt(i), [key])[key] : cell;
        const bucket = index.get(v);
        if (bucket) bucket.push(i);
        else index.set(v, [i]);
      }
      indexes.set(key, index);
    }
    const candidates = new Set(index.get(value) ?? []);
    for (const i of parsed.keys()) candidates.add(i);
    return [...candidates].filter(isLive).sort((a, b) => a - b);
  };
  const live = (): number[] => {
    const all: number[] = [];
    for (let i = dropped; i < count(); i++) if (!removed.has(i)) all.push(i);
    return all;
  };
  /**
   * Calls `found` for each item the question is about, in order. The peek it gets is its own only
   * when `keepPeeks` (else one object is reused, so that counting a large list allocates little).
   */
  const visit = ({ keys: asked, test: tested, mentions, equal }: Question, keepPeeks: boolean, found: (peek: Peek, item: () => T) => void) => {
    const mentioned = mentions && mentionPattern(mentions);
    const keys = equal ? [...asked, equal.key] : asked;
    const test = equal ? (peek: Peek) => peek[equal.key] === equal.value && tested(peek) : tested;
    const consider = (item: T) => {
      const peek = peekOf(item, keys);
      if (test(peek) && (!mentions || mentionsAny(item, mentions))) found(peek, () => item);
    };
    if (whole) return target.forEach(consider);
    const cells = keys.map(column);
    const shared: Peek = {};
    for (const i of equal ? indexed(equal.key, equal.value) : live()) {
      const known = parsed.get(i);
      if (known !== undefined) {
        consider(known);
        continue;
      }
      const peek: Peek = keepPeeks ? {} : shared;
      let unknown = false;
      for (let k = 0; k < keys.length; k++) {
        const cell = cells[k]![i];
        if (cell === UNKNOWN) unknown = true;
        else peek[keys[k]!] = cell;
      }
      if (unknown) {
        consider(itemAt(i));
        continue;
      }
      if (!test(peek)) continue;
      if (mentions) {
        // The text holds every string of the item: one that mentions none of them (and escapes
        // nothing that could hide one) is not asked about.
        const line = lineAt(i);
        if (!mentioned!.test(line) && !line.includes('\\')) continue;
        if (!mentionsAny(itemAt(i), mentions)) continue;
      }
      found(peek, () => itemAt(i));
    }
    appended.forEach(consider);
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
      const items: T[] = [];
      visit(question, false, (_peek, item) => void items.push(item()));
      return items;
    },
    each(question, found) {
      visit(question, false, found);
    },
    count(question) {
      let n = 0;
      visit(question, false, () => void n++);
      return n;
    },
    scan(question) {
      const found: { peek: Peek; item: () => T }[] = [];
      visit(question, true, (peek, item) => void found.push({ peek, item }));
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
    dropFirst(n) {
      if (whole) {
        target.splice(0, n);
        return;
      }
      let left = n;
      if (!lines) {
        // Whole lines are skipped in the stored bytes when they are written or decoded, never read.
        const skip = Math.min(left, countStored());
        skipped += skip;
        left -= skip;
      } else {
        while (left > 0 && dropped < count()) {
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
    *pieces(stringify) {
      const { text, starts, ascii } = decoded();
      let run: number | undefined; // first line of a run of unchanged lines
      let first = true;
      const flush = function* (upTo: number): Generator<string | Buffer> {
        if (run === undefined) return;
        if (!first) yield SEPARATOR;
        const [from, to] = [starts[run]!, endOf(upTo - 1)];
        yield ascii ? ascii.buffer.subarray(ascii.offset + from, ascii.offset + to) : text.slice(from, to);
        first = false;
        run = undefined;
      };
      for (let i = dropped; i < starts.length; i++) {
        if (removed.has(i) || parsed.has(i)) {
          yield* flush(i);
          if (removed.has(i)) continue;
          yield (first ? '' : SEPARATOR) + stringify(parsed.get(i));
          first = false;
        } else run ??= i;
      }
      yield* flush(starts.length);
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
