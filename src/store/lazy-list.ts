// One list of the state file kept as its stored lines (one JSON item a line), parsed an item at a
// time when asked. It is an array to whoever uses it: anything beyond the table's questions
// (model/table.ts), `length` and `push` parses every item first, so correctness never depends on
// which path a caller takes. Only items that were parsed, added or removed are written anew.
import { mentionsAny, peekOf, TABLE, type Peek, type Peeked, type Question, type Table } from '../model/table.js';
import { linesOf, mentionOffsets, PASS_RUN } from './byte-search.js';
import { asciiJson } from './ascii-json.js';

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
/** A cell whose value the text does not give plainly (an object, a list, an escaped string): parse the item. */
export const UNKNOWN = Symbol('unknown');
export type Cell = Peeked | typeof UNKNOWN;

/**
 * What an earlier pass over the very same file found out about a list's lines (the store's index,
 * store/world-index.ts): where each starts, and the columns it looked at. With it, a list reads
 * only the lines it is asked for, by their offsets.
 */
export interface KnownLines {
  /** Where each line starts, in bytes from the start of the list's lines. */
  starts: number[];
  /** The bytes of the list's lines. */
  length: number;
  /** The columns known, each decoded when first asked for (undefined: not known, or not usable). */
  column(key: string): Cell[] | undefined;
  /** The lines whose `key` may be `value` (stored as it, or as what only the item says), without decoding the column. */
  holding?(key: string, value: string | number): number[] | undefined;
  /** The index they came from, passed on to the next index (none: a scan of the file found them). */
  indexed?: { keys(): readonly string[] };
  /** The numbers worked out from these very lines (Table.note), as the index kept them. */
  notes?: Readonly<Record<string, number>>;
  /** Bytes [from, to) of the list's lines, read from the file (into `into` when given). */
  read(from: number, to: number, into?: Buffer): Buffer;
}

/** What a list knows of its stored lines, for an index of the file they came from. */
export interface LinesKnown {
  starts: number[];
  /** The bytes of the lines. */
  length: number;
  /** The columns found or decoded in this process. */
  columns: ReadonlyMap<string, Cell[]>;
  /** The index they came from, when they did (store/world-index.ts IndexedList): its other columns are copied from it. */
  indexed?: { keys(): readonly string[] };
}

/** `value` and everything in it, frozen: a change to an item that is not kept would be lost, so it fails instead. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/** Where the lines of `bytes` [start, end) start, relative to `start` (lines joined by ",\n"). */
export function lineStarts(buffer: Buffer, start: number, end: number): number[] {
  if (start >= end) return [];
  const starts = [0];
  for (let at = buffer.indexOf(NEWLINE, start); at !== -1 && at < end; at = buffer.indexOf(NEWLINE, at + 1)) starts.push(at + 1 - start);
  return starts;
}

/**
 * Stored lines read for a write go through one buffer, reused: a piece is valid until the next is
 * asked for. Half a megabyte, larger than a pass's run (byte-search.ts PASS_RUN): these bytes are
 * copied to the new file and never decoded, and runs of 64 KiB made no write measurably sooner.
 */
const COPY_CHUNK = 1 << 19;
/**
 * Look-ups of one key answered from the index's bytes before the column is decoded and indexed:
 * in a profile at 10,000 lines one cost about a twentieth of decoding and indexing the column. An
 * invitation looks up three accounts by id; a listing of every handshake, thousands.
 */
export const HOLDING_LOOKUPS = 8;

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
function valueAt(text: string, at: number, needleLength: number, slice = (from: number, to: number) => text.slice(from, to)): Cell | typeof NOT_MEMBER {
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
    const value = slice(k + 1, close);
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
const isPlain = (s: string) => /^[A-Za-z0-9@._+-]*$/.test(s);
function mentionPattern(strings: readonly string[]): RegExp {
  if (!strings.every(isPlain)) return /[^]/; // anything: every line is parsed and checked
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

/** Hears of the lines a list writes: runs of its stored lines [from, to), and items written anew. */
export interface LinesNote {
  stored(from: number, to: number): void;
  item(item: unknown, length: number): void;
}

/** What the writer needs of a list: its lines as they are to be stored. */
export interface StoredList {
  /** The stored bytes, when nothing but additions changed; else undefined. */
  untouched(): Buffer | undefined;
  /**
   * The stored lines joined by ",\n", parsed items written anew (runs of unchanged lines as one
   * piece, or read from the file a chunk at a time: a piece is valid until the next is asked for).
   * `note` hears of the lines written, in order.
   */
  pieces(stringify: (item: unknown) => string, note?: LinesNote): Iterable<string | Buffer>;
  /** Where the stored lines start and the columns found of them, when the lines were located. */
  known(): LinesKnown | undefined;
  /** Whether the list found out anything of its lines that it was not given (KnownLines). */
  learned(): boolean;
  /**
   * The notes (Table.note) that hold for the stored lines as they were read (`ofStored`), or for
   * the list as it is now: each was taken of the list as it was then, and holds only while it is so.
   */
  notes(ofStored: boolean): Record<string, number> | undefined;
  /** Items added since the list was read. */
  added(): readonly unknown[];
  /** Whether the list was parsed whole (it is then an ordinary array). */
  whole(): boolean;
  /**
   * The list will not be written (a read's snapshot): items parsed from now on are handed out
   * frozen and not kept, so that a read going through every item holds only those it is using.
   */
  keepNoMore(): void;
}

export const STORED = Symbol.for('orgsim.stored');
/** A list with no change to its stored lines. */
const AS_STORED = '';

export function storedListOf(value: unknown): StoredList | undefined {
  return Array.isArray(value) ? (value as unknown as { [STORED]?: StoredList })[STORED] : undefined;
}

/**
 * Where each line of the section starts and how long it is; its text once decoded (for ASCII
 * text, with the bytes it was decoded from), or a way to read its bytes (from an index).
 */
interface Lines {
  starts: number[];
  length: number;
  text?: string;
  ascii?: { buffer: Buffer; offset: number };
  read?: (from: number, to: number, into?: Buffer) => Buffer;
}

/**
 * A list backed by `source`; `parse` turns line `index` into an item (and checks it). With
 * `known`, the lines are found and read by their offsets, and the columns known are not looked for.
 */
export function lazyList<T>(source: StoredSource, parse: (line: string, index: number) => T, known?: KnownLines): T[] {
  let loaded: StoredLines | undefined = typeof source === 'function' ? undefined : source;
  const bytes = (): StoredLines => (loaded ??= (source as () => StoredLines)());
  let skipped = 0; // lines dropped from the front before the text was decoded
  let lines: Lines | undefined = known && { starts: known.starts, length: known.length, read: known.read };
  let dropped = 0; // lines dropped from the front since
  const parsed = new Map<number, T>();
  const indexOf = new Map<T, number>();
  const removed = new Set<number>();
  const appended: T[] = [];
  const columns = new Map<string, Cell[]>();
  let learned = false; // whether this list found out what it was not given
  const indexes = new Map<string, Map<unknown, number[]>>();
  const lookups = new Map<string, number>(); // look-ups of each key by a value so far
  let whole = false;
  let keeping = true;
  const target: T[] = [];
  // Notes, each with what the list was when it was taken: the index's are of the stored lines.
  const notes = new Map<string, { value: number; of: string }>(Object.entries(known?.notes ?? {}).map(([key, value]) => [key, { value, of: AS_STORED }]));

  /** The lines with their text. */
  const decoded = (): Lines & { text: string } => {
    if (lines?.text === undefined) {
      const { buffer, start, end } = bytes();
      if (lines) {
        // Known lines are ASCII (an index is kept only of such): their offsets are the text's.
        lines.text = buffer.toString('latin1', start, end);
        lines.ascii = { buffer, offset: start };
      } else {
        const from = skipTo(buffer, start, end, skipped);
        const text = from >= end ? '' : buffer.toString('utf8', from, end);
        const starts: number[] = text ? [0] : [];
        for (let at = text.indexOf(SEPARATOR); at !== -1; at = text.indexOf(SEPARATOR, at + 2)) starts.push(at + 2);
        // One byte a character: unchanged lines can be written from the bytes, not encoded again.
        lines = { text, starts, length: text.length, ascii: text.length === end - from ? { buffer, offset: from } : undefined };
        learned = true;
      }
    }
    return lines as Lines & { text: string };
  };
  /** The lines, located (from an index, or by decoding the text). */
  const located = (): Lines => lines ?? decoded();
  const count = () => located().starts.length;
  const endOf = (i: number) => {
    const { length, starts } = located();
    return i + 1 < starts.length ? starts[i + 1]! - SEPARATOR.length : length;
  };
  const lineAt = (i: number) => {
    const at = located();
    if (at.text !== undefined) return at.text.slice(at.starts[i], endOf(i));
    return at.read!(at.starts[i]!, endOf(i)).toString('latin1');
  };
  // The stored bytes never change: their lines are counted once (`serve` adds to the event log, and asks its length, at every call).
  let storedLineCount: number | undefined;
  const countStored = (): number => {
    if (lines) return count() - dropped - [...removed].filter((i) => i >= dropped).length;
    if (storedLineCount === undefined) {
      const { buffer, start, end } = bytes();
      storedLineCount = lineStarts(buffer, start, end).length;
    }
    return Math.max(0, storedLineCount - skipped);
  };
  const itemAt = (i: number): T => {
    let item = parsed.get(i);
    if (item === undefined) {
      item = parse(lineAt(i), i);
      if (!keeping) return deepFreeze(item);
      parsed.set(i, item);
      indexOf.set(item, i);
    }
    return item;
  };
  const isLive = (i: number) => i >= dropped && !removed.has(i);
  /** What the list is now, as the changes made to its stored lines: AS_STORED when there are none. */
  const state = (): string => {
    const changes: string[] = [];
    if (skipped || dropped || removed.size) changes.push(`-${skipped},${dropped},${[...removed].sort((a, b) => a - b).join(',')}`);
    for (const i of [...parsed.keys()].sort((a, b) => a - b)) {
      if (!isLive(i)) continue;
      const text = asciiJson(parsed.get(i));
      if (text !== lineAt(i)) changes.push(`${i}:${text}`);
    }
    for (const item of appended) changes.push(`+${asciiJson(item)}`);
    return changes.join('\n');
  };

  /**
   * The columns of `keys` not known yet, found in one pass over the stored bytes, a run of whole
   * lines at a time in one buffer: the lines are never all in memory, nor decoded as one text.
   */
  const learnFromBytes = (keys: readonly string[]): void => {
    const wanted = keys.filter((key) => !columns.has(key) && !known?.column(key));
    if (!wanted.length || !lines?.read || lines.text !== undefined) return;
    learned = true;
    const { starts, read } = lines;
    const found = wanted.map(() => new Array<Cell>(starts.length).fill(undefined));
    let chunk = Buffer.allocUnsafeSlow(PASS_RUN);
    for (let first = 0; first < starts.length; ) {
      // Whole lines, at least one, up to the run's size.
      let last = first + 1;
      while (last < starts.length && endOf(last) - starts[first]! <= PASS_RUN) last++;
      const from = starts[first]!;
      const to = endOf(last - 1);
      if (to - from > chunk.length) chunk = Buffer.allocUnsafeSlow(to - from);
      const bytes = read(from, to, chunk);
      const text = bytes.toString('latin1');
      // A cell is copied out of the bytes: a slice of the text would keep all of the text alive.
      const copy = (a: number, b: number) => bytes.toString('latin1', a, b);
      wanted.forEach((key, k) => {
        const needle = `"${key}"`;
        let line = first;
        for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
          while (line + 1 < last && starts[line + 1]! - from <= at) line++;
          const value = valueAt(text, at, needle.length, copy);
          if (value === NOT_MEMBER) continue;
          found[k]![line] = value;
          if (line + 1 >= last) break;
          at = starts[line + 1]! - from - 1; // the first member of this name is all a line needs
        }
      });
      first = last;
    }
    wanted.forEach((key, k) => columns.set(key, found[k]!));
  };
  const column = (key: string): Cell[] => {
    let found = columns.get(key) ?? known?.column(key);
    if (found) {
      columns.set(key, found);
      return found;
    }
    learned = true;
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
  /** `lines` and every parsed line (it may have changed since), those still in the list, in order. */
  const andParsed = (lines: Iterable<number>): number[] => [...new Set([...lines, ...parsed.keys()])].filter(isLive).sort((a, b) => a - b);
  /** Line indices whose stored `key` is `value`, and every parsed line. */
  const indexed = (key: string, value: unknown): number[] => {
    learnFromBytes([key]);
    let index = indexes.get(key);
    if (!index && !lookups.get(key)) {
      // The first question of a key is answered by a look at each cell; a second builds the index.
      lookups.set(key, 1);
      const cells = column(key);
      const found: number[] = [];
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (cell === value || (cell === UNKNOWN && peekOf(itemAt(i), [key])[key] === value)) found.push(i);
      }
      return andParsed(found);
    }
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
    return andParsed(index.get(value) ?? []);
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
    // The first few look-ups by a value of a column the index keeps and this list has not
    // decoded: only the lines that may hold it are parsed (and every parsed one: it may have
    // changed since). Then the column is decoded and indexed (a listing looks up once a page).
    const made = equal ? (lookups.get(equal.key) ?? 0) : 0;
    const holding = equal && made < HOLDING_LOOKUPS && !columns.has(equal.key) ? known?.holding?.(equal.key, equal.value) : undefined;
    if (holding) {
      lookups.set(equal!.key, made + 1);
      for (const i of andParsed(holding)) consider(itemAt(i));
      return appended.forEach(consider);
    }
    // Which lines mention one of the strings: found in the bytes, when only they are at hand;
    // else by a look at each line's text, decoded at once rather than a line at a time.
    const plain = mentions && mentions.every(isPlain);
    const mentioning = plain && lines?.text === undefined && lines?.read ? linesOf(mentionOffsets(lines.read, lines.length, mentions), lines.starts) : undefined;
    if (mentions && !mentioning) decoded();
    learnFromBytes(keys);
    const cells = keys.map(column);
    const shared: Peek = {};
    // Only the lines that mention one of the strings (and every parsed one: it may have changed) can be asked about.
    const candidates = (): number[] => andParsed(mentioning!);
    if (!equal && !mentions && !keepPeeks && !parsed.size && !removed.size) {
      // The question most asked (a count, a sweep) of a list nothing has touched: every stored
      // line in turn, looked at through the columns alone (measured: a third less time at 10,000).
      const lineCount = count();
      for (let i = dropped; i < lineCount; i++) {
        let unknown = false;
        for (let k = 0; k < keys.length; k++) {
          const cell = cells[k]![i];
          if (cell === UNKNOWN) {
            unknown = true;
            break;
          }
          shared[keys[k]!] = cell;
        }
        if (unknown) consider(itemAt(i));
        else if (test(shared)) found(shared, () => itemAt(i));
      }
      return appended.forEach(consider);
    }
    for (const i of equal ? indexed(equal.key, equal.value) : mentioning ? candidates() : live()) {
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
        if (mentioning ? !mentioning.has(i) : !mentioned!.test(lineAt(i)) && !lineAt(i).includes('\\')) continue;
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
    noted: (key) => notes.get(key)?.value,
    note: (key, value) => void notes.set(key, { value, of: state() }),
    forgetNotes: () => notes.clear(),
    touched: () => [...[...parsed].filter(([i]) => isLive(i)).map(([, item]) => item), ...appended],
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
    *pieces(stringify, note) {
      const { text, starts, ascii, read } = located();
      let run: number | undefined; // first line of a run of unchanged lines
      let first = true;
      let chunk: Buffer | undefined;
      const copy = function* (from: number, to: number): Generator<string | Buffer> {
        if (ascii) return yield ascii.buffer.subarray(ascii.offset + from, ascii.offset + to);
        if (text !== undefined) return yield text.slice(from, to);
        // Fresh memory costs more than reading into memory already used.
        chunk ??= Buffer.allocUnsafeSlow(COPY_CHUNK);
        for (let at = from; at < to; at += COPY_CHUNK) yield read!(at, Math.min(to, at + COPY_CHUNK), chunk);
      };
      const flush = function* (upTo: number): Generator<string | Buffer> {
        if (run === undefined) return;
        if (!first) yield SEPARATOR;
        note?.stored(run, upTo);
        yield* copy(starts[run]!, endOf(upTo - 1));
        first = false;
        run = undefined;
      };
      for (let i = dropped; i < starts.length; i++) {
        if (removed.has(i) || parsed.has(i)) {
          yield* flush(i);
          if (removed.has(i)) continue;
          const line = stringify(parsed.get(i));
          note?.item(parsed.get(i), line.length);
          yield (first ? '' : SEPARATOR) + line;
          first = false;
        } else run ??= i;
      }
      yield* flush(starts.length);
    },
    // Offsets in bytes: the text's own only when it is ASCII.
    known: () => (lines && !skipped && (lines.ascii || lines.read) ? { starts: lines.starts, length: lines.length, columns, indexed: known?.indexed } : undefined),
    learned: () => learned || Object.entries(storedList.notes(true) ?? {}).some(([key, value]) => known?.notes?.[key] !== value),
    notes: (ofStored) => {
      if (whole || !notes.size) return undefined;
      const now = ofStored ? AS_STORED : state();
      const holding = [...notes].filter(([, note]) => note.of === now && Number.isFinite(note.value));
      return holding.length ? Object.fromEntries(holding.map(([key, note]) => [key, note.value])) : undefined;
    },
    added: () => appended,
    whole: () => whole,
    keepNoMore: () => {
      keeping = false;
    },
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
