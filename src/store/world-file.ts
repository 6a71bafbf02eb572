// The state file's layout: ordinary JSON that any JSON tool reads, written one member a line and
// one list item a line, in ASCII (other characters as \u escapes):
//
//   {
//   "SchemaVersion":3,
//   "Handshakes":[
//   {"Handshake":{...},...},
//   {"Handshake":{...},...}
//   ],
//   ...
//   }
//
// Read back in that layout, the lists stay as their stored lines and are parsed an item at a time
// (store/lazy-list.ts), so a command pays for what it touches rather than for the whole world. A
// file in any other layout (an older orgsim's, one edited by hand) is parsed whole.
import { lazyList, lineStarts, storedListOf, type LinesKnown, type StoredLines } from './lazy-list.js';
import { isAscii } from 'node:buffer';
import { asciiJson } from './ascii-json.js';
import type { LinesLayout, MemberAt, Segment } from './layout.js';

const NEWLINE = 0x0a;

function lineAt(buffer: Buffer, start: number): { text: string; next: number } | undefined {
  const end = buffer.indexOf(NEWLINE, start);
  if (end === -1) return undefined;
  return { text: buffer.toString('utf8', start, end), next: end + 1 };
}

const MEMBER = /^"([A-Za-z]+)":(.*)$/;

/**
 * The list written last, which a command reads only if it uses it (the event log: most commands
 * only add to it). A last member names where its lines lie; it is a hint about the file, not
 * part of the world, and is checked against the bytes before it is trusted.
 */
export const TAIL_LIST = 'Events';
export const LAYOUT_MEMBER = 'StoreLayout';
const TAIL_HEADER = `"${TAIL_LIST}":[\n`;

/** Where the tail list's lines are, as the file's last member says; undefined if it says nothing usable. */
export function tailHint(end: Buffer, size: number): { start: number; end: number } | undefined {
  const text = end.toString('latin1');
  const match = new RegExp(`\\n"${LAYOUT_MEMBER}":\\{"${TAIL_LIST}":\\[(\\d+),(\\d+)\\]\\}\\n\\}\\n$`).exec(text);
  if (!match) return undefined;
  const [start, stop] = [Number(match[1]), Number(match[2])];
  return start >= TAIL_HEADER.length && start <= stop && stop < size ? { start, end: stop } : undefined;
}

/** The bytes that must follow the tail list's lines for the hint to be true. */
export const tailCloser = (empty: boolean) => `${empty ? '' : '\n'}],\n"${LAYOUT_MEMBER}":`;

/**
 * The world in `buffer` with its lists kept as stored lines, or undefined when the file is not in
 * this layout. `parseItem` parses one line of list `key` (and checks it). With `tail`, `buffer`
 * holds the file up to the tail list's lines, which are read by `tail` when first needed.
 * `members` hears where each member lies (the tail list's end is the caller's to know).
 */
export function decodeLayout(
  buffer: Buffer,
  parseItem: (key: string, line: string, index: number) => unknown,
  tail?: () => StoredLines,
  members?: MemberAt[],
): Record<string, unknown> | undefined {
  const first = lineAt(buffer, 0);
  if (first?.text !== '{') return undefined;
  const world: Record<string, unknown> = {};
  const item = (key: string) => (text: string, index: number) => parseItem(key, text, index);
  let at = first.next;
  for (;;) {
    const line = lineAt(buffer, at);
    if (!line) return undefined;
    if (line.text === '}') return line.next === buffer.length ? world : undefined;
    const member = MEMBER.exec(line.text);
    if (!member || Object.hasOwn(world, member[1]!)) return undefined;
    const key = member[1]!;
    const value = member[2]!;
    if (value === '[') {
      const start = line.next;
      if (tail && key === TAIL_LIST) {
        // The head ends with the tail list's first line; anything else is another layout.
        if (start !== buffer.length) return undefined;
        world[key] = lazyList(tail, item(key));
        members?.push({ key, start, end: -1, list: true });
        return world;
      }
      // Items are objects on lines of their own, so the list ends at the first line starting "]".
      const closing = buffer[start] === 0x5d ? start - 1 : buffer.indexOf('\n]', start);
      if (closing === -1) return undefined;
      const close = lineAt(buffer, closing + 1);
      if (!close || (close.text !== ']' && close.text !== '],')) return undefined;
      world[key] = lazyList({ buffer, start, end: Math.max(start, closing) }, item(key));
      members?.push({ key, start, end: Math.max(start, closing), list: true });
      at = close.next;
      if (close.text === ']') {
        const end = lineAt(buffer, at);
        return end?.text === '}' && end.next === buffer.length ? world : undefined;
      }
      continue;
    }
    const last = !value.endsWith(',');
    let parsed: unknown;
    try {
      parsed = JSON.parse(last ? value : value.slice(0, -1));
    } catch {
      return undefined;
    }
    if (key !== LAYOUT_MEMBER) {
      world[key] = parsed;
      const from = at + Buffer.byteLength(`"${key}":`);
      members?.push({ key, start: from, end: line.next - 1 - (last ? 0 : 1), list: false });
    }
    at = line.next;
    if (last) {
      const end = lineAt(buffer, at);
      return end?.text === '}' && end.next === buffer.length ? world : undefined;
    }
  }
}

const SCAN_CHUNK = 1 << 20;
const CLOSE = 0x5d; // "]"

/**
 * Where the members of a file in this layout lie and where each list's lines start, found by
 * reading it a chunk at a time, for a file with no index: its lists then read only the lines they
 * are asked for, as with an index, and the file is never all in memory (a world of 100,000
 * handshakes is about 90 MB). With `tail`, the tail list's lines are there (its hint was checked)
 * and are not scanned. Undefined when the file is not in this layout, or is not all ASCII (a
 * line's offsets are then not its text's): it is then decoded from its bytes as usual.
 */
export function scanLayout(read: (from: number, to: number, into?: Buffer) => Buffer, size: number, tail?: { start: number; end: number }): MemberAt[] | undefined {
  const stop = tail ? tail.start : size;
  let into = Buffer.allocUnsafeSlow(SCAN_CHUNK);
  let window: Buffer = into.subarray(0, 0);
  let windowAt = 0;
  let ascii = true;
  /** The offset of the newline that ends the line starting at `at` (-1: none before `stop`), with the line in `window`. */
  const lineEnd = (at: number): number => {
    for (let want = SCAN_CHUNK; ; want *= 2) {
      const from = at - windowAt;
      const newline = from >= 0 && from < window.length ? window.indexOf(NEWLINE, from) : -1;
      if (newline !== -1) return windowAt + newline;
      if (at >= stop || (from >= 0 && windowAt + window.length >= stop)) return -1;
      if (want > into.length) into = Buffer.allocUnsafeSlow(want);
      window = read(at, Math.min(stop, at + want), into);
      windowAt = at;
      ascii &&= isAscii(window);
      if (!window.length) return -1;
    }
  };
  const text = (from: number, to: number) => window.toString('latin1', from - windowAt, to - windowAt);
  const members: MemberAt[] = [];
  const seen = new Set<string>();
  let end = lineEnd(0);
  if (end === -1 || text(0, end) !== '{') return undefined;
  let at = end + 1;
  for (;;) {
    end = lineEnd(at);
    if (end === -1) return undefined;
    const line = text(at, end);
    if (line === '}') return end + 1 === size && ascii ? members : undefined;
    const member = MEMBER.exec(line);
    if (!member || seen.has(member[1]!)) return undefined;
    const key = member[1]!;
    const value = member[2]!;
    seen.add(key);
    let last: boolean;
    if (value === '[') {
      const start = end + 1;
      if (tail && key === TAIL_LIST) {
        // The head ends with the tail list's first line; anything else is another layout.
        if (start !== stop) return undefined;
        members.push({ key, start, end: tail.end, list: true });
        return ascii ? members : undefined;
      }
      // Items are objects on lines of their own, so the list ends at the first line starting "]".
      const starts: number[] = [];
      let line = start;
      for (;;) {
        end = lineEnd(line);
        if (end === -1) return undefined;
        if (window[line - windowAt] === CLOSE) break;
        starts.push(line - start);
        line = end + 1;
      }
      const close = text(line, end);
      if (close !== ']' && close !== '],') return undefined;
      members.push({ key, start, end: Math.max(start, line - 1), list: true, starts });
      last = close === ']';
    } else {
      last = !value.endsWith(',');
      if (key !== LAYOUT_MEMBER) members.push({ key, start: at + key.length + 3, end: end - (last ? 0 : 1), list: false });
    }
    at = end + 1;
    if (last) {
      end = lineEnd(at);
      return end !== -1 && text(at, end) === '}' && end + 1 === size && ascii ? members : undefined;
    }
  }
}

/**
 * The world from where an index (or a scan, scanLayout) says its members lie, reading only what is
 * asked for; undefined when the bytes there do not look as it says (the file is then decoded as usual).
 */
export function decodeIndexed(
  members: readonly MemberAt[],
  read: (from: number, to: number, into?: Buffer) => Buffer,
  parseItem: (key: string, line: string, index: number) => unknown,
): Record<string, unknown> | undefined {
  const world: Record<string, unknown> = {};
  for (const { key, start, end, list, known: indexed, starts: scanned } of members) {
    if (Object.hasOwn(world, key)) return undefined;
    if (!list) {
      if (read(start - 1, start).toString('latin1') !== ':') return undefined;
      try {
        world[key] = JSON.parse(read(start, end).toString('latin1'));
      } catch {
        return undefined;
      }
      continue;
    }
    const opening = read(start - 2, start).toString('latin1');
    const closing = read(end, end + 2).toString('latin1');
    if (opening !== '[\n' || (start < end ? closing !== '\n]' : closing[0] !== ']')) return undefined;
    const parse = (line: string, index: number) => parseItem(key, line, index);
    const section = (): StoredLines => ({ buffer: read(start, end), start: 0, end: end - start });
    const readLines = (from: number, to: number, into?: Buffer) => read(start + from, start + to, into);
    const starts = indexed ? indexed.lineStarts() : scanned;
    const known = starts && (indexed ? { starts, length: end - start, column: (name: string) => indexed.column(name), holding: (name: string, value: string | number) => indexed.linesHolding(name, value), indexed, notes: indexed.notes(), read: readLines } : { starts, length: end - start, column: () => undefined, read: readLines });
    world[key] = lazyList(section, parse, known);
  }
  return world;
}

const byteLength = (piece: string | Buffer) => (typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length);

/**
 * The file's content for `world`, as pieces to write in order; unchanged lists are copied as
 * stored. `check` sees every item written anew (with its list's key) and may throw. The tail list
 * goes last, followed by the member that says where its lines are.
 */
export function* encodeLayout(
  world: Record<string, unknown>,
  check: (key: string, item: unknown, index: number) => void = () => {},
  members?: MemberAt[],
): Generator<string | Buffer> {
  let offset = 0;
  const counted = (piece: string | Buffer) => ((offset += byteLength(piece)), piece);
  yield counted('{\n');
  const entries = Object.entries(world).filter(([key, value]) => value !== undefined && key !== LAYOUT_MEMBER);
  const tail = entries.findIndex(([key, value]) => key === TAIL_LIST && Array.isArray(value));
  if (tail !== -1) entries.push(...entries.splice(tail, 1));
  let tailAt: [number, number] | undefined;
  for (const [n, [key, value]] of entries.entries()) {
    const comma = n < entries.length - 1 || tail !== -1 ? ',' : '';
    if (!Array.isArray(value)) {
      const name = `${JSON.stringify(key)}:`;
      const text = asciiJson(value);
      members?.push({ key, start: offset + name.length, end: offset + name.length + text.length, list: false });
      yield counted(`${name}${text}${comma}\n`);
      continue;
    }
    yield counted(`${JSON.stringify(key)}:[\n`);
    const start = offset;
    const lines = new LinesWritten(storedListOf(value));
    for (const piece of listPieces(key, value, check, lines)) yield counted(piece);
    members?.push({ key, start, end: offset, list: true, layout: lines.layout() });
    if (key === TAIL_LIST && tail !== -1) tailAt = [start, offset];
    yield counted(offset > start ? `\n]${comma}\n` : `]${comma}\n`);
  }
  if (tailAt) yield `"${LAYOUT_MEMBER}":{"${TAIL_LIST}":[${tailAt[0]},${tailAt[1]}]}\n`;
  yield '}\n';
}

/** How one list is written, for its index (store/world-index.ts): runs of its stored lines, and items anew. */
class LinesWritten {
  private readonly segments: Segment[] = [];
  private before: LinesKnown | undefined;
  private unknown = false;

  constructor(private readonly list: ReturnType<typeof storedListOf>) {
    // What the list knew before it was written: the same lines, or (untouched) none located yet.
    this.before = list?.known();
  }

  /** An item written anew, in `length` bytes. */
  item(item: unknown, length: number): void {
    this.segments.push({ item, length });
  }

  /** Stored lines [from, to) of the list, copied as they were; the list has located them by now. */
  stored(from: number, to: number): void {
    this.before ??= this.list?.known();
    // Lines of text that is not ASCII: their offsets are not bytes.
    if (!this.before) this.unknown = true;
    this.segments.push({ from, to });
  }

  /** Lines copied as bytes, not located (so no column was found of them): found by their newlines. */
  bytes(buffer: Buffer): void {
    // An index is kept of ASCII lines only: they are read back one byte a character.
    if (!isAscii(buffer)) this.unknown = true;
    const starts = lineStarts(buffer, 0, buffer.length);
    this.segments.push({ lengths: starts.map((start, i) => (i + 1 < starts.length ? starts[i + 1]! - 2 : buffer.length) - start) });
  }

  layout(): LinesLayout | undefined {
    return this.unknown ? undefined : { segments: this.segments, keys: columnKeys(this.before), before: this.before, notes: this.list?.notes(false) };
  }
}

/** The columns worth keeping of lines: those their index had, and those found since. */
const columnKeys = (before: LinesKnown | undefined) => [...new Set([...(before?.indexed?.keys() ?? []), ...(before?.columns.keys() ?? [])])];

/** A list as it is stored, for its index: all its lines one run, with every column known (what a read learned). */
export function storedLayout(list: unknown): LinesLayout | undefined {
  const before = storedListOf(list)?.known();
  return before && { segments: [{ from: 0, to: before.starts.length }], keys: columnKeys(before), before, notes: storedListOf(list)?.notes(true) };
}

function* listPieces(key: string, value: unknown[], check: (key: string, item: unknown, index: number) => void, lines: LinesWritten): Generator<string | Buffer> {
  const stored = storedListOf(value);
  let any = false;
  const fresh = (item: unknown) => {
    const text = asciiJson(item);
    lines.item(item, text.length);
    return text;
  };
  if (stored && !stored.whole()) {
    const bytes = stored.untouched();
    if (bytes) {
      if (bytes.length) {
        lines.bytes(bytes);
        yield bytes;
        any = true;
      }
    } else {
      for (const piece of stored.pieces((item) => (check(key, item, -1), asciiJson(item)), lines)) {
        yield piece;
        any = true;
      }
    }
    for (const item of stored.added()) {
      check(key, item, -1);
      const text = fresh(item);
      yield any ? `,\n${text}` : text;
      any = true;
    }
    return;
  }
  for (const [index, item] of value.entries()) {
    check(key, item, index);
    const text = fresh(item);
    yield any ? `,\n${text}` : text;
    any = true;
  }
}
