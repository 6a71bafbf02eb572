// An index of the state file, kept beside it: where each member lies, where each list's lines
// start, the columns found of them, and the numbers the service worked out from them (its notes:
// when time next changes the handshakes) (store/lazy-list.ts), so that a command on a large world
// reads only the lines it asks for. It is a cache, never the world: it names the exact file it
// describes (device, inode, size, modification and change times, as a bigint stat gives them),
// and a file with any other identity, an edited one included, is read as if there were no index.
// (An edit in place that keeps the size, made within the same tick of the file system's clock as
// orgsim's own write, is the one change such an identity cannot see.) Any index that cannot be
// read or does not make sense is ignored; the next command writes a new one.
//
// The file: the sections, then a header (JSON) saying where each lies, then the header's offset.
// A section holds one list's line lengths or one column, a line of the list a fixed number of
// bytes, so that a run of lines is a run of bytes: a write copies the runs it kept from the old
// index, and a command reads only the sections it asks for.
//   - codes: one byte a line, its number among the column's few distinct values (in the header);
//   - wide: each line's value as JSON, padded with spaces to the section's width, then a comma.
import { closeSync, fstatSync, openSync, renameSync, unlinkSync, writeSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { peekOf } from '../model/table.js';
import { UNKNOWN, type Cell } from './lazy-list.js';
import { openRegular, readAt } from './read-file.js';
import { MAX_STATE_BYTES } from './limits.js';
import { asciiJson } from './ascii-json.js';
import type { LinesLayout, ListIndex, MemberAt, Segment } from './layout.js';

export const INDEX_FILE = 'state.index';
const VERSION = 2;

/** The file an index describes: a rewrite (a rename) or an edit in place changes it. */
export const fileIdentity = (stat: BigIntStats) => [stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join(':');

// Cells that are not JSON values are stored as these markers.
const ABSENT_TEXT = '{"absent":1}';
const UNKNOWN_TEXT = '{"unknown":1}';
// Codes are the characters from '0' on, so that the index stays ASCII.
const FIRST_CODE = 0x30;
const MAX_CODES = 0x7f - FIRST_CODE;
const TRAILER_DIGITS = 15;

type Stored = string | number | boolean | null | { absent: 1 } | { unknown: 1 };
type Section = { at: [number, number]; values: Stored[] } | { at: [number, number]; width: number };
interface ListHead {
  count: number;
  lengths: Section;
  columns: Record<string, Section>;
  /** Numbers worked out from the lines (Table.note), that hold for them as they are in this file. */
  notes?: Record<string, number>;
}
interface MemberHead {
  key: string;
  at: [number, number];
  list?: true;
  lines?: ListHead;
}

const cellText = (cell: Cell): string => (cell === UNKNOWN ? UNKNOWN_TEXT : cell === undefined ? ABSENT_TEXT : asciiJson(cell));
const cellKey = (cell: Cell): string => (cell === UNKNOWN ? UNKNOWN_TEXT : cell === undefined ? ABSENT_TEXT : JSON.stringify(cell));

function fromStored(value: unknown): Cell {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  if (value && typeof value === 'object' && 'absent' in value) return undefined;
  return UNKNOWN;
}

const isOffset = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isRange = (at: unknown, size: number): at is [number, number] => Array.isArray(at) && at.length === 2 && at.every(isOffset) && (at[0] as number) <= (at[1] as number) && (at[1] as number) <= size;

/** A section's shape is right for `count` lines in an index of `size` bytes. */
function fits(section: unknown, count: number, size: number): section is Section {
  if (!section || typeof section !== 'object') return false;
  const { at, values, width } = section as { at?: unknown; values?: unknown; width?: unknown };
  if (!isRange(at, size)) return false;
  if (Array.isArray(values)) return values.length <= MAX_CODES && at[1] - at[0] === count;
  return isOffset(width) && width > 0 && at[1] - at[0] === count * (width + 1);
}

const QUOTE = 0x22;
const SPACE = 0x20;

/** The cells of a section's bytes (undefined when they do not read as one). */
function decodeSection(section: Section, bytes: Buffer, count: number): Cell[] | undefined {
  const cells = new Array<Cell>(count);
  if ('values' in section) {
    const values = section.values.map(fromStored);
    for (let i = 0; i < count; i++) {
      const code = bytes[i]! - FIRST_CODE;
      if (!(code >= 0 && code < values.length)) return undefined;
      cells[i] = values[code];
    }
    return cells;
  }
  // A cell at a time, from the section's text decoded once (measured: about half the time of
  // decoding each cell from the bytes): a plain string (most of them: ids, ARNs) is taken as it
  // is; anything else is parsed as the JSON it is.
  const text = bytes.toString('latin1');
  const stride = section.width + 1;
  let escape = text.indexOf('\\');
  for (let i = 0, at = 0; i < count; i++, at += stride) {
    let end = at + section.width;
    if (text.charCodeAt(end) !== 0x2c) return undefined;
    while (end > at && text.charCodeAt(end - 1) === SPACE) end--;
    if (escape !== -1 && escape < at) escape = text.indexOf('\\', at);
    const first = text.charCodeAt(at);
    if (end - at >= 2 && first === QUOTE && text.charCodeAt(end - 1) === QUOTE && (escape === -1 || escape >= end)) {
      cells[i] = text.slice(at + 1, end - 1);
      continue;
    }
    if (first === 0x2d || (first >= 0x30 && first <= 0x39)) {
      // A number (request and expiry times): as JSON reads it.
      const value = Number(text.slice(at, end));
      if (!Number.isFinite(value)) return undefined;
      cells[i] = value;
      continue;
    }
    try {
      cells[i] = fromStored(JSON.parse(text.slice(at, end)));
    } catch {
      return undefined;
    }
  }
  return cells;
}

/**
 * The lines of a section whose cell may be `value`: stored as it, or as a value the section does
 * not give (the item then says). Found in the bytes, nothing decoded: one look-up by id costs a
 * search, not the whole column.
 */
function linesHolding(section: Section, bytes: Buffer, count: number, value: string | number): number[] {
  const found: number[] = [];
  if ('values' in section) {
    const wanted = section.values.flatMap((stored, code) => (fromStored(stored) === value || fromStored(stored) === UNKNOWN ? [FIRST_CODE + code] : []));
    for (const code of wanted) for (let at = bytes.indexOf(code); at !== -1 && at < count; at = bytes.indexOf(code, at + 1)) found.push(at);
    return found.sort((a, b) => a - b);
  }
  const stride = section.width + 1;
  for (const text of [cellText(value), UNKNOWN_TEXT]) {
    if (text.length > section.width) continue;
    const needle = Buffer.from(text.padEnd(section.width) + ',', 'latin1');
    // A match that does not start a cell straddles two: look on from the next byte.
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) if (at % stride === 0) found.push(at / stride);
  }
  return found.sort((a, b) => a - b);
}

/**
 * One list as an index gives it: its line starts and columns, each read from the index file and
 * decoded when first asked for; and its sections, for the next index to copy runs of.
 */
export class IndexedList implements ListIndex {
  private startsFound: number[] | undefined;
  private readonly decoded = new Map<string, Cell[] | undefined>();

  constructor(
    private readonly readIndex: (from: number, to: number) => Buffer,
    readonly head: ListHead,
    /** The bytes of the list's lines in the state file. */
    readonly length: number,
  ) {}

  /** Where each line starts (lines joined by ",\n"); undefined when the lengths do not fill the list. */
  lineStarts(): number[] | undefined {
    if (this.startsFound) return this.startsFound;
    const lengths = this.cells(this.head.lengths);
    if (!lengths || !lengths.every(isOffset)) return undefined;
    const starts = new Array<number>(lengths.length);
    let offset = 0;
    for (let i = 0; i < lengths.length; i++) {
      starts[i] = offset;
      offset += (lengths[i] as number) + 2;
    }
    if ((lengths.length ? offset - 2 : 0) !== this.length) return undefined;
    return (this.startsFound = starts);
  }

  keys(): readonly string[] {
    return Object.keys(this.head.columns);
  }

  notes(): Readonly<Record<string, number>> | undefined {
    return this.head.notes;
  }

  column(key: string): Cell[] | undefined {
    if (!this.decoded.has(key)) {
      const section = Object.hasOwn(this.head.columns, key) ? this.head.columns[key] : undefined;
      this.decoded.set(key, section && this.cells(section));
    }
    return this.decoded.get(key);
  }

  /** The lines whose `key` may be `value` (see linesHolding); undefined when the column is not kept. */
  linesHolding(key: string, value: string | number): number[] | undefined {
    const section = Object.hasOwn(this.head.columns, key) ? this.head.columns[key] : undefined;
    return section && linesHolding(section, this.bytes(section, 0, this.head.count), this.head.count, value);
  }

  /** Lines [from, to) of a section, as stored. */
  bytes(section: Section, from: number, to: number): Buffer {
    const width = 'values' in section ? 1 : section.width + 1;
    return this.readIndex(section.at[0] + from * width, section.at[0] + to * width);
  }

  private cells(section: Section): Cell[] | undefined {
    return decodeSection(section, this.bytes(section, 0, this.head.count), this.head.count);
  }
}

/**
 * The members the index in `dir` gives for the file of `identity` and `size`, or undefined
 * without a usable one. The index file stays open while the world it describes is in use.
 */
export function readIndex(dir: string, identity: string, size: number): MemberAt[] | undefined {
  let fd: number;
  let indexSize: number;
  try {
    ({ fd, size: indexSize } = openRegular(join(dir, INDEX_FILE), MAX_STATE_BYTES));
  } catch {
    return undefined;
  }
  let keep = false;
  try {
    const read = (from: number, to: number) => readAt(fd, from, to);
    const trailer = read(Math.max(0, indexSize - TRAILER_DIGITS - 1), indexSize).toString('latin1');
    const headAt = Number(trailer.slice(0, TRAILER_DIGITS));
    if (!/^\d+\n$/.test(trailer) || !isOffset(headAt) || headAt > indexSize - TRAILER_DIGITS - 1) return undefined;
    const head = JSON.parse(read(headAt, indexSize - TRAILER_DIGITS - 1).toString('latin1')) as Record<string, unknown>;
    if (head.version !== VERSION || head.file !== identity || !Array.isArray(head.members)) return undefined;
    const members: MemberAt[] = [];
    for (const stored of head.members as MemberHead[]) {
      const { key, at, list, lines } = (stored ?? {}) as Partial<MemberHead>;
      if (typeof key !== 'string' || !isRange(at, size) || at[0] < 2 || at[1] + 2 > size) return undefined;
      if (list !== true) {
        members.push({ key, start: at[0], end: at[1], list: false });
        continue;
      }
      if (lines === undefined) {
        members.push({ key, start: at[0], end: at[1], list: true });
        continue;
      }
      const { count, lengths, columns, notes } = lines;
      if (!isOffset(count) || !fits(lengths, count, headAt) || !columns || typeof columns !== 'object') return undefined;
      // A column that does not fit is not known: the list finds it in its text.
      const usable: Record<string, Section> = {};
      for (const [name, section] of Object.entries(columns)) if (fits(section, count, headAt)) usable[name] = section;
      // Notes that are not all numbers are not known: they are worked out again.
      const noted = notes && typeof notes === 'object' && Object.values(notes).every((n) => Number.isFinite(n)) ? { notes } : {};
      members.push({ key, start: at[0], end: at[1], list: true, known: new IndexedList(read, { count, lengths, columns: usable, ...noted }, at[1] - at[0]) });
    }
    keep = true;
    return members;
  } catch {
    return undefined;
  } finally {
    if (!keep) closeSync(fd);
  }
}

type Piece = string | Buffer;
const count = (segments: readonly Segment[]) => segments.reduce((n, s) => n + ('from' in s ? s.to - s.from : 'item' in s ? 1 : s.lengths.length), 0);

/** A column's cell for an item written anew: what its text would give. */
function cellOf(item: unknown, key: string): Cell {
  const value = peekOf(item, [key])[key];
  return value !== null && typeof value === 'object' ? UNKNOWN : value;
}

/** A section written anew from its cells: codes when few distinct, else wide. */
function encodeCells(cells: readonly Cell[]): { pieces: Iterable<Piece>; section: (at: [number, number]) => Section } {
  const numbers = new Map<string, number>();
  const values: Stored[] = [];
  const codes: string[] = [];
  let last: Cell | symbol = Symbol('none');
  let lastCode = '';
  for (const cell of cells) {
    // Neighbours mostly agree (one state, one organization): the look-up is skipped for a repeat.
    if (cell !== last) {
      const key = cellKey(cell);
      let code = numbers.get(key);
      if (code === undefined) {
        if (numbers.size >= MAX_CODES) return encodeWide(cells);
        numbers.set(key, (code = numbers.size));
        values.push(JSON.parse(cellText(cell)) as Stored);
      }
      last = cell;
      lastCode = String.fromCharCode(FIRST_CODE + code);
    }
    codes.push(lastCode);
  }
  return { pieces: [codes.join('')], section: (at) => ({ at, values }) };
}

/**
 * Cells of a wide section, made and written a batch at a time: a column of 100,000 ARNs is 10 MB
 * of text, and its cells as strings half as much again. Each cell's text is made twice (once for
 * the width) rather than kept.
 */
const WIDE_BATCH = 4096;

function encodeWide(cells: readonly Cell[]): { pieces: Iterable<Piece>; section: (at: [number, number]) => Section } {
  let width = 1;
  for (const cell of cells) width = Math.max(width, cellText(cell).length);
  function* pieces(): Generator<Piece> {
    for (let from = 0; from < cells.length; from += WIDE_BATCH) {
      let batch = '';
      for (let i = from; i < Math.min(cells.length, from + WIDE_BATCH); i++) batch += cellText(cells[i]!).padEnd(width) + ',';
      yield batch;
    }
  }
  return { pieces: pieces(), section: (at) => ({ at, width }) };
}

/**
 * A section for the written lines, copying the runs of an old section (`old`, of list `indexed`)
 * when the new cells fit it; else written anew from every cell (`all`).
 */
function patchSection(layout: LinesLayout, old: Section | undefined, indexed: IndexedList | undefined, fresh: (segment: { item: unknown; length: number }) => Cell, all: () => Cell[]): { pieces: Iterable<Piece>; section: (at: [number, number]) => Section } {
  const copyable = old && indexed && layout.segments.every((s) => !('lengths' in s));
  if (copyable) {
    const pieces: Piece[] = [];
    const values = 'values' in old ? [...old.values] : undefined;
    const codes = new Map(values?.map((v, i) => [JSON.stringify(v), i]));
    let fits = true;
    for (const segment of layout.segments) {
      if ('from' in segment) {
        if (segment.to > segment.from) pieces.push(indexed.bytes(old, segment.from, segment.to));
        continue;
      }
      if (!('item' in segment)) continue;
      const cell = fresh(segment);
      if (values) {
        const key = cellKey(cell);
        let code = codes.get(key);
        if (code === undefined) {
          if (values.length >= MAX_CODES) {
            fits = false;
            break;
          }
          codes.set(key, (code = values.length));
          values.push(JSON.parse(cellText(cell)) as Stored);
        }
        pieces.push(String.fromCharCode(FIRST_CODE + code));
      } else {
        const { width } = old as { width: number };
        const text = cellText(cell);
        if (text.length > width) {
          fits = false;
          break;
        }
        pieces.push(text.padEnd(width) + ',');
      }
    }
    if (fits) return { pieces, section: (at) => (values ? { at, values } : { ...(old as Section), at }) };
  }
  return encodeCells(all());
}

/** Every cell of `key` for the written lines, from the cells known of the old ones. */
function allCells(layout: LinesLayout, column: (from: number, to: number) => Cell[], fresh: (segment: { item: unknown; length: number }) => Cell): Cell[] {
  const cells: Cell[] = [];
  for (const segment of layout.segments) {
    if ('from' in segment) for (const cell of column(segment.from, segment.to)) cells.push(cell);
    else if ('item' in segment) cells.push(fresh(segment));
    else for (let i = 0; i < segment.lengths.length; i++) cells.push(UNKNOWN);
  }
  return cells;
}

function listSections(layout: LinesLayout, write: (pieces: Iterable<Piece>) => [number, number]): ListHead | undefined {
  const before = layout.before;
  const indexed = before?.indexed as IndexedList | undefined;
  const oldStarts = before?.starts;
  const oldLength = (i: number) => (i + 1 < oldStarts!.length ? oldStarts![i + 1]! - 2 : before!.length) - oldStarts![i]!;
  if (layout.segments.some((s) => 'from' in s) && !oldStarts) return undefined;
  const lengths = patchSection(
    layout,
    indexed?.head.lengths,
    indexed,
    (s) => s.length,
    () => {
      const all: Cell[] = [];
      for (const s of layout.segments) {
        if ('from' in s) for (let i = s.from; i < s.to; i++) all.push(oldLength(i));
        else if ('item' in s) all.push(s.length);
        else for (const length of s.lengths) all.push(length);
      }
      return all;
    },
  );
  const head: ListHead = { count: count(layout.segments), lengths: lengths.section(write(lengths.pieces)), columns: {}, ...(layout.notes ? { notes: { ...layout.notes } } : {}) };
  for (const key of layout.keys) {
    const old = indexed && Object.hasOwn(indexed.head.columns, key) ? indexed.head.columns[key] : undefined;
    const known = before?.columns.get(key);
    const column = (from: number, to: number): Cell[] => {
      const cells = known ?? indexed?.column(key);
      return cells ? cells.slice(from, to) : new Array<Cell>(to - from).fill(UNKNOWN);
    };
    const fresh = (s: { item: unknown }) => cellOf(s.item, key);
    const written = patchSection(layout, old, indexed, fresh, () => allCells(layout, column, fresh));
    head.columns[key] = written.section(write(written.pieces));
  }
  return head;
}

/** Writes the index of the file of `identity`; a cache, so a failure is no error. */
const WRITE_RUN = 1 << 20;

export function writeIndex(dir: string, identity: string, members: readonly MemberAt[]): void {
  const tmp = join(dir, `${INDEX_FILE}.${process.pid}.${Math.random().toString(16).slice(2)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o600);
    let offset = 0;
    const put = (piece: Piece) => {
      const buffer = typeof piece === 'string' ? Buffer.from(piece, 'latin1') : piece;
      for (let done = 0; done < buffer.length; ) done += writeSync(fd!, buffer, done, buffer.length - done);
      offset += buffer.length;
    };
    // Runs of strings (a cell each, or a batch of cells) are written as one, up to WRITE_RUN characters.
    const write = (pieces: Iterable<Piece>): [number, number] => {
      const start = offset;
      let text: string[] = [];
      let length = 0;
      const flush = () => {
        if (text.length) put(text.join(''));
        text = [];
        length = 0;
      };
      for (const piece of pieces) {
        if (typeof piece !== 'string') {
          flush();
          put(piece);
          continue;
        }
        text.push(piece);
        length += piece.length;
        if (length >= WRITE_RUN) flush();
      }
      flush();
      return [start, offset];
    };
    const heads: MemberHead[] = members.map(({ key, start, end, list, layout }) => {
      const head: MemberHead = { key, at: [start, end] };
      if (!list) return head;
      head.list = true;
      const lines = layout && listSections(layout, write);
      if (lines) head.lines = lines;
      return head;
    });
    const headAt = offset;
    put(asciiJson({ version: VERSION, file: identity, members: heads }));
    put(`\n${String(headAt).padStart(TRAILER_DIGITS, '0')}\n`);
    if (fstatSync(fd).size !== offset) throw new Error('short write');
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, join(dir, INDEX_FILE));
  } catch {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* never made */
    }
  }
}
