// An index of the state file, kept beside it: where each member lies, where each list's lines
// start and the columns found of them (store/lazy-list.ts), so that a command on a large world
// reads only the lines it asks for. It is a cache, never the world: it names the exact file it
// describes (device, inode, size, modification and change times, as a bigint stat gives them),
// and a file with any other identity, an edited one included, is read as if there were no index.
// Any index that cannot be read or does not make sense is ignored; the next command writes a new one.
import { renameSync, unlinkSync, writeFileSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { UNKNOWN, type Cell } from './lazy-list.js';
import { readBounded } from './read-file.js';
import { MAX_STATE_BYTES } from './limits.js';
import { asciiJson, type MemberAt } from './world-file.js';

export const INDEX_FILE = 'state.index';
const VERSION = 1;

/** The file an index describes: a rewrite (a rename) or an edit in place changes it. */
export const fileIdentity = (stat: BigIntStats) => [stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join(':');

// A column as stored: its distinct cells, and each line's as one character (its number among
// them), or, with too many distinct cells for that, the cells themselves. Cells that are not JSON
// values are stored as these markers.
const ABSENT_CELL = { absent: true };
const UNKNOWN_CELL = { unknown: true };
// Codes are the characters from '0' on, so that the index stays ASCII (it is read fastest so).
const FIRST_CODE = 0x30;
const MAX_CODES = 0x7f - FIRST_CODE;

type StoredCell = Peeked | typeof ABSENT_CELL | typeof UNKNOWN_CELL;
type Peeked = string | number | boolean | null;
// With many distinct cells, strings are written as the length of the part they share with the
// string before and the rest ("70:h-…"): ARNs and ids of one organization share long prefixes.
type StoredColumn = { values: StoredCell[]; codes: string } | { front: (StoredCell | string)[] };

const toStored = (cell: Cell): StoredCell => (cell === UNKNOWN ? UNKNOWN_CELL : cell === undefined ? ABSENT_CELL : cell);

function fromStored(cell: unknown): Cell {
  if (cell === null || typeof cell === 'string' || typeof cell === 'boolean' || (typeof cell === 'number' && Number.isFinite(cell))) return cell;
  if (cell && typeof cell === 'object' && 'absent' in cell) return undefined;
  return UNKNOWN;
}

const NONE = Symbol('none');

function encodeColumn(cells: readonly Cell[]): StoredColumn {
  const numbers = new Map<Cell, number>();
  const codes: string[] = [];
  let last: Cell | typeof NONE = NONE;
  let lastCode = '';
  for (const cell of cells) {
    // Neighbours mostly agree (one state, one organization): the look-up is skipped for a repeat.
    if (cell !== last) {
      let code = numbers.get(cell);
      if (code === undefined) {
        if (numbers.size >= MAX_CODES) return { front: frontCoded(cells) };
        numbers.set(cell, (code = numbers.size));
      }
      last = cell;
      lastCode = String.fromCharCode(FIRST_CODE + code);
    }
    codes.push(lastCode);
  }
  return { values: [...numbers.keys()].map(toStored), codes: codes.join('') };
}

function frontCoded(cells: readonly Cell[]): (StoredCell | string)[] {
  let before = '';
  return cells.map((cell) => {
    if (typeof cell !== 'string') return toStored(cell);
    let shared = 0;
    const most = Math.min(before.length, cell.length);
    while (shared < most && before.charCodeAt(shared) === cell.charCodeAt(shared)) shared++;
    before = cell;
    return `${shared}:${cell.slice(shared)}`;
  });
}

function frontDecoded(front: unknown[]): Cell[] | undefined {
  let before = '';
  const cells = new Array<Cell>(front.length);
  for (let i = 0; i < front.length; i++) {
    const entry = front[i];
    if (typeof entry !== 'string') {
      cells[i] = fromStored(entry);
      continue;
    }
    const colon = entry.indexOf(':');
    const shared = Number(entry.slice(0, colon));
    if (colon < 1 || !Number.isSafeInteger(shared) || shared > before.length) return undefined;
    cells[i] = before = before.slice(0, shared) + entry.slice(colon + 1);
  }
  return cells;
}

function decodeColumn(stored: unknown, lines: number): Cell[] | undefined {
  if (!stored || typeof stored !== 'object') return undefined;
  if ('front' in stored) {
    const front = (stored as { front: unknown }).front;
    return Array.isArray(front) && front.length === lines ? frontDecoded(front) : undefined;
  }
  const { values, codes } = stored as { values?: unknown; codes?: unknown };
  if (!Array.isArray(values) || typeof codes !== 'string' || codes.length !== lines) return undefined;
  const cells = values.map(fromStored);
  const column = new Array<Cell>(lines);
  for (let i = 0; i < lines; i++) {
    const code = codes.charCodeAt(i) - FIRST_CODE;
    if (!(code >= 0 && code < cells.length)) return undefined;
    column[i] = cells[code];
  }
  return column;
}

interface StoredMember {
  key: string;
  at: [number, number];
  list?: true;
  /** Each line's length in bytes (lines are joined by ",\n"). */
  lengths?: number[];
  columns?: Record<string, string>;
}

const SEPARATOR_BYTES = 2;

function encodeMember({ key, start, end, list, lines }: MemberAt): StoredMember {
  const member: StoredMember = { key, at: [start, end] };
  if (!list) return member;
  member.list = true;
  if (!lines) return member;
  const { starts, columns } = lines;
  member.lengths = starts.map((at, i) => (i + 1 < starts.length ? starts[i + 1]! - SEPARATOR_BYTES : end - start) - at);
  member.columns = {};
  // Each column as JSON text of its own: reading the index makes one string of it, and only a
  // column a command asks for is parsed.
  for (const [name, cells] of columns) if (cells.length === starts.length) member.columns[name] = JSON.stringify(encodeColumn(cells));
  return member;
}

const isOffset = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

function decodeMember(value: unknown, size: number): MemberAt | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { key, at, list, lengths, columns } = value as Partial<Record<keyof StoredMember, unknown>>;
  if (typeof key !== 'string' || !Array.isArray(at) || at.length !== 2 || !at.every(isOffset)) return undefined;
  const [start, end] = at as [number, number];
  if (start < 2 || start > end || end + 2 > size) return undefined;
  if (list !== true) return { key, start, end, list: false };
  if (lengths === undefined) return { key, start, end, list: true };
  if (!Array.isArray(lengths) || !lengths.every(isOffset)) return undefined;
  const starts: number[] = [];
  let offset = 0;
  for (const length of lengths as number[]) {
    starts.push(offset);
    offset += length + SEPARATOR_BYTES;
  }
  // The lines fill the list exactly.
  if ((lengths.length ? offset - SEPARATOR_BYTES : 0) !== end - start) return undefined;
  const texts = new Map(columns && typeof columns === 'object' ? Object.entries(columns).filter((entry): entry is [string, string] => typeof entry[1] === 'string') : []);
  const column = (name: string): Cell[] | undefined => {
    const text = texts.get(name);
    if (text === undefined) return undefined;
    try {
      return decodeColumn(JSON.parse(text), starts.length);
    } catch {
      return undefined;
    }
  };
  return { key, start, end, list: true, known: { starts, column, keys: () => [...texts.keys()] } };
}

/** The members the index in `dir` gives for the file of `identity` and `size`; undefined without a usable one. */
export function readIndex(dir: string, identity: string, size: number): MemberAt[] | undefined {
  try {
    const parsed = JSON.parse(readBounded(join(dir, INDEX_FILE), { maxBytes: MAX_STATE_BYTES, regularOnly: true }).toString('latin1')) as Record<string, unknown>;
    if (parsed.version !== VERSION || parsed.file !== identity || !Array.isArray(parsed.members)) return undefined;
    const members: MemberAt[] = [];
    for (const stored of parsed.members) {
      const member = decodeMember(stored, size);
      if (!member) return undefined;
      members.push(member);
    }
    return members;
  } catch {
    return undefined;
  }
}

/** Writes the index of the file of `identity`; a cache, so a failure is no error. */
export function writeIndex(dir: string, identity: string, members: readonly MemberAt[]): void {
  const tmp = join(dir, `${INDEX_FILE}.${process.pid}.${Math.random().toString(16).slice(2)}.tmp`);
  try {
    // ASCII, as the state file is: it is read back as one byte a character.
    writeFileSync(tmp, asciiJson({ version: VERSION, file: identity, members: members.map(encodeMember) }), { mode: 0o600, flag: 'wx' });
    renameSync(tmp, join(dir, INDEX_FILE));
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      /* never made */
    }
  }
}

/** Removes the index (a world replaced by other means than a write of the store). */
export function dropIndex(dir: string): void {
  try {
    unlinkSync(join(dir, INDEX_FILE));
  } catch {
    /* none */
  }
}
