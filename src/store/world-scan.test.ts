// A large world with no index (a copied file, one another tool wrote in the layout) is located by
// a scan a chunk at a time (store/world-file.ts scanLayout): it finds what the whole file's
// decoding finds, its lists read only the lines asked for, and it answers as the world parsed whole.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { OrgState } from '../model/types.js';
import { countWhere, scan, where } from '../service/table.js';
import { sampleWorld } from '../service/sample-world.js';
import { PASS_RUN } from './byte-search.js';
import { FileStore } from './file-store.js';
import { storedListOf } from './lazy-list.js';
import type { MemberAt } from './layout.js';
import { INDEX_FILE } from './world-index.js';
import { decodeLayout, encodeLayout, scanLayout, tailHint } from './world-file.js';

const KEYS = ['Id', 'State', 'N', 'Name'];
const scalar = fc.oneof(fc.string(), fc.constantFrom('OPEN', 'a"b', 'x\\y', 'ünï', '"State":', '{"Id":1}'), fc.integer(), fc.boolean(), fc.constant(null));
const item = fc.dictionary(fc.constantFrom(...KEYS, 'Tags'), fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })), { maxKeys: 4 }).map((x) => JSON.parse(JSON.stringify(x)) as Record<string, unknown>);

const bytesOf = (world: Record<string, unknown>) => Buffer.concat([...encodeLayout(world)].map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
/** Reads of `bytes` as the store reads a file, each one counted with its length. */
function reader(bytes: Buffer, lengths: number[] = []) {
  return (from: number, to: number, into?: Buffer) => {
    lengths.push(to - from);
    const buffer = into && into.length >= to - from ? into.subarray(0, to - from) : Buffer.alloc(to - from);
    return buffer.subarray(0, bytes.copy(buffer, 0, from, Math.min(to, bytes.length)));
  };
}
/** What decoding the whole file finds: each member's place, and each list's line starts. */
function decoded(bytes: Buffer, tail?: { start: number; end: number }) {
  const members: MemberAt[] = [];
  const head = tail ? bytes.subarray(0, tail.start) : bytes;
  const world = decodeLayout(head, (_key, line) => JSON.parse(line), tail && (() => ({ buffer: bytes, start: tail.start, end: tail.end })), members);
  if (!world) return undefined;
  return members.map((m) => ({ ...m, end: m.end === -1 ? tail!.end : m.end, ...(m.list && m.end !== -1 ? { starts: starts(bytes, m) } : {}) }));
}
const starts = (bytes: Buffer, m: MemberAt) => (m.start === m.end ? [] : [0, ...[...bytes.subarray(m.start, m.end).toString('latin1').matchAll(/\n/g)].map((x) => x.index! + 1)]);

/** How many bytes each call of a spied `Buffer.prototype.toString` decoded. */
function decodedLengths(toString: MockInstance<Buffer['toString']>): number[] {
  return toString.mock.calls.map((args, i) => {
    const self = toString.mock.contexts[i] as Buffer;
    return (typeof args[2] === 'number' ? args[2] : self.length) - (typeof args[1] === 'number' ? args[1] : 0);
  });
}

describe('a scan of a file in the layout', () => {
  it('finds every member, and every line of each list, where decoding the whole file does', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), fc.array(item, { maxLength: 3 }), fc.boolean(), (items, events, withTail) => {
        const bytes = bytesOf({ SchemaVersion: 3, Items: items, Note: { a: [1, 'x'] }, Events: events });
        const tail = withTail ? tailHint(bytes.subarray(Math.max(0, bytes.length - 256)), bytes.length) : undefined;
        if (withTail) expect(tail).toBeDefined();
        expect(scanLayout(reader(bytes), bytes.length, tail)).toEqual(decoded(bytes, tail));
      }),
      { numRuns: 200 },
    );
  });

  it('reads a chunk at a time, and finds lines longer than a chunk', () => {
    const items = [10, 2_500_000, 300, 1_200_000, 5].map((n, i) => ({ Id: `i${i}`, Pad: 'x'.repeat(n) }));
    const bytes = bytesOf({ SchemaVersion: 3, Items: items, Long: 'y'.repeat(1_500_000), Events: [] });
    const lengths: number[] = [];
    expect(scanLayout(reader(bytes, lengths), bytes.length)).toEqual(decoded(bytes));
    // Only the longest line needs a read of more than 1 MiB.
    expect(lengths.filter((n) => n > 1 << 20).length).toBeLessThanOrEqual(4);
    expect(Math.max(...lengths)).toBeLessThan(2 * 2_500_000 + (1 << 20));
  });

  it('says when the file is not in the layout, or not ASCII, as decoding would', () => {
    const bytes = bytesOf({ SchemaVersion: 3, Items: [{ Id: 'a' }, { Id: 'b' }], Events: [] });
    const text = bytes.toString('latin1');
    const variants = [
      text + ' ', // something after the end
      text.slice(0, -2), // no end
      text.replace('"Items":[', '"SchemaVersion":2,\n"Items":['), // a member twice
      text.replace('\n],\n"Events"', '\n]x,\n"Events"'), // a list that does not end as a list does
      ' ' + text,
    ];
    for (const variant of variants) {
      const buffer = Buffer.from(variant, 'latin1');
      expect(decoded(buffer)).toBeUndefined();
      expect(scanLayout(reader(buffer), buffer.length)).toBeUndefined();
    }
    // A character that is not ASCII (written by hand): the layout, but its offsets are not the text's.
    const accented = Buffer.from(text.replace('{"Id":"a"}', '{"Id":"\u00e4"}'), 'utf8');
    expect(decoded(accented)).toBeDefined();
    expect(scanLayout(reader(accented), accented.length)).toBeUndefined();
    // The tail's hint is the caller's to check: a tail that does not start where the head ends is another layout.
    expect(scanLayout(reader(bytes), bytes.length, { start: 3, end: 3 })).toBeUndefined();
  });
});

describe('a large world with no index', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'orgsim-scan-'));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });
  type World = OrgState & { Items: Record<string, unknown>[] };
  const store = (scanFromBytes = 0) => new FileStore(dir, () => sampleWorld(1_795_262_400), { lazyFromBytes: 0, scanFromBytes });
  /** The world written by orgsim, then its index gone (as for a file copied into a new home). */
  const withoutIndex = (items: Record<string, unknown>[]) => {
    store().overwrite({ ...sampleWorld(1_795_262_400), Items: items } as World);
    unlinkSync(join(dir, INDEX_FILE));
  };

  it('has its lists located at once and answers as the world parsed whole, then keeps an index', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 10 }), fc.constantFrom(...KEYS), scalar, (items, key, wanted) => {
        withoutIndex(items);
        const s = store();
        const read = (s.read() as World).Items;
        // Where every line starts is known before any question: no line was decoded to find it.
        expect(storedListOf(read)!.known()?.starts.length).toBe(items.length);
        const question = { keys: [key], test: (peek: Record<string, unknown>) => peek[key] === wanted };
        const plain = JSON.parse(JSON.stringify(items)) as Record<string, unknown>[];
        expect(where(read, question)).toEqual(where(plain, question));
        expect(countWhere(read, question)).toBe(countWhere(plain, question));
        s.keepLearned();
        expect(readFileSync(join(dir, INDEX_FILE)).length).toBeGreaterThan(0);
        expect(where((store().read() as World).Items, question)).toEqual(where(plain, question));
      }),
      { numRuns: 100 },
    );
  });

  it('never decodes a list whole to answer a question or be written', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ Id: `i${i}`, State: i % 3 ? 'OPEN' : 'DONE', Pad: 'p'.repeat(1000) }));
    withoutIndex(items);
    const toString = vi.spyOn(Buffer.prototype, 'toString');
    const read = (store().read() as World).Items;
    expect(scan(read, { keys: ['Id', 'State'], test: (peek) => peek.State === 'DONE' }).length).toBe(1000);
    const longest = () => Math.max(...decodedLengths(toString));
    // The list is 3 MB: what is decoded at once is a chunk of it at most.
    expect(longest()).toBeLessThanOrEqual(1 << 20);
    store().transact((state) => ((state as World).Items.push({ Id: 'new' }), { write: true, result: undefined }));
    expect(longest()).toBeLessThanOrEqual(1 << 20);
    toString.mockRestore();
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).Items).toEqual([...items, { Id: 'new' }]);
  });

  it('learns a column a run of 64 KiB at a time, and a line longer than a run whole', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ Id: `i${i}`, State: i % 3 ? 'OPEN' : 'DONE', Pad: 'p'.repeat(i === 1500 ? 200_000 : 1000) }));
    withoutIndex(items);
    const read = (store().read() as World).Items;
    const toString = vi.spyOn(Buffer.prototype, 'toString');
    expect(scan(read, { keys: ['Id', 'State'], test: (peek) => peek.State === 'DONE' }).length).toBe(1000);
    const decoded = decodedLengths(toString);
    toString.mockRestore();
    // 3 MB went by in runs (byte-search.ts PASS_RUN): only the run of the long line is longer.
    expect(decoded.filter((n) => n > 20_000).length).toBeGreaterThan(40);
    expect(decoded.filter((n) => n > PASS_RUN)).toEqual([JSON.stringify(items[1500]).length]);
  });

  it('is held whole below the size from which a scan pays', () => {
    withoutIndex([{ Id: 'a' }, { Id: 'b' }]);
    const read = (store(1 << 30).read() as World).Items;
    expect(storedListOf(read)!.known()).toBeUndefined();
    expect(where(read, { keys: ['Id'], test: (peek) => peek.Id === 'b' })).toEqual([{ Id: 'b' }]);
  });

  it('that is not of this schema is read whole, as before', () => {
    withoutIndex([{ Id: 'a' }]);
    const file = join(dir, 'state.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"SchemaVersion":3', '"SchemaVersion":99'));
    expect(() => store().read()).toThrow(/SchemaVersion|schema|version/i);
  });
});
