// A world read through its index (store/world-index.ts) answers every question, and writes back,
// exactly as the same world parsed whole; an index that does not describe the very file it sits
// beside, or that cannot be read, changes nothing but speed.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Question } from '../model/table.js';
import type { OrgState } from '../model/types.js';
import { countWhere, dropFirst, removeItems, scan, where } from '../service/table.js';
import { sampleWorld } from '../service/sample-world.js';
import { FileStore } from './file-store.js';
import { HOLDING_LOOKUPS, storedListOf } from './lazy-list.js';
import { INDEX_FILE, IndexedList } from './world-index.js';

const KEYS = ['Id', 'State', 'N', 'Name', 'Deep'];
const scalar = fc.oneof(fc.string(), fc.constantFrom('OPEN', 'a"b', 'x\\y', 'ünï', '"State":', 'Juan@Example.com', 'juan@example.com'), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: scalar,
  node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...KEYS, 'Other'), tie('node'), { maxKeys: 3 })),
})).node;
// Items as the world holds them: JSON values (-0 is stored as 0).
const item = fc.dictionary(fc.constantFrom(...KEYS, 'Tags', 'More'), value, { maxKeys: 5 }).map((x) => JSON.parse(JSON.stringify(x)) as Record<string, unknown>);

type World = OrgState & { Items: Record<string, unknown>[] };

/** The index file's header and the bytes before it (store/world-index.ts). */
function indexFile(path: string): { sections: Buffer; head: any } {
  const bytes = readFileSync(path);
  const at = Number(bytes.subarray(bytes.length - 16).toString('latin1'));
  return { sections: bytes.subarray(0, at), head: JSON.parse(bytes.subarray(at, bytes.length - 17).toString('latin1')) };
}
const withHead = (sections: Buffer, head: unknown) => {
  const text = JSON.stringify(head);
  return Buffer.concat([sections, Buffer.from(`${text}\n${String(sections.length).padStart(15, '0')}\n`)]);
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-index-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const store = () => new FileStore(dir, () => sampleWorld(1_795_262_400), { lazyFromBytes: 0 });
const plainCopy = (world: unknown) => JSON.parse(JSON.stringify(world)) as World;
const questions = (key: string, wanted: unknown, mention: string | undefined): Question[] => [
  { keys: [key], test: (peek) => peek[key] === wanted },
  { keys: [key], test: () => true, mentions: mention === undefined ? undefined : [mention] },
  { keys: [], test: () => true, equal: { key, value: wanted as string } },
];
const answers = (items: Record<string, unknown>[], qs: Question[]) =>
  qs.map((q) => ({ where: where(items, q), count: countWhere(items, q), peeks: scan(items, q).map((f) => f.peek) }));

/** A world read through an index that knows `key`'s column: written, read and asked once, the index kept. */
function indexedWorld(items: Record<string, unknown>[], key: string): World {
  const world = { ...sampleWorld(1_795_262_400), Items: items } as World;
  store().overwrite(world);
  const first = store();
  where(first.read().Handshakes, { keys: ['State'], test: () => true });
  const read = first.read() as World;
  where(read.Items, { keys: [key], test: () => true });
  first.keepLearned();
  return store().read() as World;
}

describe('a world read through its index', () => {
  it('answers where, count, scan and equal as the plain world does, without looking for the columns it knew', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.constantFrom(...KEYS), scalar, fc.option(fc.constantFrom('OPEN', 'ünï', 'a"b', 'JUAN@example.com')), (items, key, wanted, mention) => {
        const plain = plainCopy(items) as unknown as Record<string, unknown>[];
        const read = indexedWorld(items, key);
        const qs = questions(key, wanted, mention ?? undefined);
        expect(answers(read.Items, qs)).toEqual(answers(plain, qs));
        // The column came from the index: the list found out nothing it was not given.
        expect(storedListOf(read.Items)!.learned()).toBe(false);
        expect(storedListOf(read.Items)!.known()).toBeDefined();
      }),
      { numRuns: 150 },
    );
  });

  it('finds an item by a value of a column it knew in the index bytes, the first few times decoding no column, and answers alike', () => {
    const decoded = vi.spyOn(IndexedList.prototype, 'column');
    try {
      fc.assert(
        fc.property(fc.array(item, { maxLength: 12 }), fc.constantFrom(...KEYS), scalar, fc.nat(12), (items, key, wanted, pick) => {
          const plain = plainCopy(items) as unknown as Record<string, unknown>[];
          // Sometimes a value the list holds, sometimes one it may not.
          const value = (pick < items.length && items[pick]![key] !== undefined && typeof items[pick]![key] !== 'object' ? items[pick]![key] : wanted) as string;
          const read = indexedWorld(items, key);
          decoded.mockClear();
          const question = { keys: [], test: () => true, equal: { key, value } };
          for (let n = 0; n < HOLDING_LOOKUPS; n++) expect(where(read.Items, question)).toEqual(where(plain, question));
          expect(decoded.mock.calls.filter(([name]) => name === key)).toEqual([]);
          // The look-ups after those (a listing makes one a page) decode the column once, and search no more bytes.
          const searched = vi.spyOn(IndexedList.prototype, 'linesHolding');
          try {
            expect(where(read.Items, question)).toEqual(where(plain, question));
            expect(where(read.Items, question)).toEqual(where(plain, question));
            expect(searched).not.toHaveBeenCalled();
          } finally {
            searched.mockRestore();
          }
        }),
        { numRuns: 150 },
      );
    } finally {
      decoded.mockRestore();
    }
  });

  it('finds the columns it was not given in the stored bytes, a run of lines at a time, and answers alike', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.constantFrom(...KEYS), scalar, (items, key, wanted) => {
        const plain = plainCopy(items) as unknown as Record<string, unknown>[];
        // The index of a write knows where the lines are, but no column yet.
        store().overwrite({ ...sampleWorld(1_795_262_400), Items: items } as World);
        const read = (store().read() as World).Items;
        const qs = questions(key, wanted, undefined);
        expect(answers(read, qs)).toEqual(answers(plain, qs));
        expect(storedListOf(read)!.learned()).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('finds them across runs of lines larger than one read, and a line larger than the buffer', () => {
    const big = (n: number) => 'x'.repeat(n);
    const items = [300_000, 500_000, 2_500_000, 10, 400_000, 700_000].map((n, i) => (i % 2 ? { Pad: big(n), Id: `i${i}`, State: i } : { Id: `i${i}`, Pad: big(n), State: i }));
    store().overwrite({ ...sampleWorld(1_795_262_400), Items: items } as World);
    const read = (store().read() as World).Items;
    expect(scan(read, { keys: ['Id', 'State'], test: () => true }).map((f) => f.peek)).toEqual(items.map((x) => ({ Id: x.Id, State: x.State })));
    expect(storedListOf(read)!.learned()).toBe(true);
  });

  it('writes back what the plain world would after the same changes, and its next index agrees', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), fc.array(item, { maxLength: 3 }), fc.nat(4), fc.nat(10), fc.constantFrom(...KEYS), scalar, (items, added, drop, pick, key, wanted) => {
        const plain = plainCopy(items) as unknown as Record<string, unknown>[];
        const s = store();
        // Written, read and asked once: the index knows the column.
        s.overwrite({ ...sampleWorld(1_795_262_400), Items: items } as World);
        const learner = store();
        where((learner.read() as World).Items, { keys: [key], test: () => true });
        learner.keepLearned();
        const all = { keys: [], test: () => true };
        store().transact((state) => {
          const lazy = (state as World).Items;
          expect(storedListOf(lazy)!.known()).toBeDefined();
          const changed = where(lazy, all)[pick % lazy.length]!;
          changed.Touched = 'yes';
          plain[pick % plain.length]!.Touched = 'yes';
          removeItems(lazy, new Set([where(lazy, all)[0]!]));
          removeItems(plain, new Set([plain[0]!]));
          lazy.push(...added);
          plain.push(...added);
          dropFirst(lazy, drop);
          dropFirst(plain, drop);
          return { write: true, result: undefined };
        });
        const file = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as World;
        expect(file.Items).toEqual(plain);
        // The index the write left answers as the plain list does.
        const next = store().read() as World;
        const qs = questions(key, wanted, undefined);
        expect(answers(next.Items, qs)).toEqual(answers(plain, qs));
      }),
      { numRuns: 100 },
    );
  });
});

describe('a column of many distinct values', () => {
  // More values than one byte can number: stored wide, without the prefix they share.
  // Names that need escapes in JSON (a quote, a backslash, a character beyond ASCII) are among them.
  const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ Id: `${prefix}${i}`, N: i % 3 ? i : `n${i}`, Name: i % 5 ? (i % 7 ? `name ${i}` : `"n\\${i}\u00fc`) : null }));
  it('reads, and is carried through writes, as the plain list', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 80, max: 140 }),
        fc.constantFrom('arn:aws:organizations::111111111111:handshake/o-exampleorgid/invite/h-', '', 'x'),
        fc.array(fc.oneof(fc.constant('arn:aws:organizations::111111111111:handshake/o-exampleorgid/invite/h-new'), fc.constant('other'), fc.constant('arn:aws:organizations::111111111111:handshake/o-exampleorgid/invite/h-a-much-longer-id-than-any-before'), fc.integer()), { maxLength: 3 }),
        fc.nat(200),
        (n, prefix, added, pick) => {
          const items = many(n, prefix);
          const plain = plainCopy(items) as unknown as Record<string, unknown>[];
          store().overwrite({ ...sampleWorld(1_795_262_400), Items: items } as World);
          const learner = store();
          const learnt = (learner.read() as World).Items;
          for (const key of ['Id', 'N', 'Name']) where(learnt, { keys: [key], test: () => true });
          learner.keepLearned();
          store().transact((state) => {
            const lazy = (state as World).Items;
            const changed = where(lazy, { keys: [], test: () => true })[pick % lazy.length]!;
            changed.Id = `${prefix}changed`;
            plain[pick % plain.length]!.Id = `${prefix}changed`;
            for (const id of added) {
              lazy.push({ Id: id, N: 1 });
              plain.push({ Id: id, N: 1 });
            }
            return { write: true, result: undefined };
          });
          const next = store().read() as World;
          // Looked up in the wide section's bytes, before any column is decoded.
          expect(where(next.Items, { keys: [], test: () => true, equal: { key: 'Id', value: `${prefix}${pick % n === 3 ? 4 : 3}` } })).toEqual([plain[pick % n === 3 ? 4 : 3]]);
          expect(where(next.Items, { keys: [], test: () => true, equal: { key: 'N', value: 1 } })).toEqual(plain.filter((x) => x.N === 1));
          for (const key of ['Id', 'N', 'Name']) {
            const ask = { keys: [key], test: () => true };
            expect(scan(next.Items, ask).map((f) => f.peek)).toEqual(scan(plain, ask).map((f) => f.peek));
          }
          expect(storedListOf(next.Items)!.learned()).toBe(false);
          expect(where(next.Items, { keys: [], test: () => true, equal: { key: 'Id', value: `${prefix}changed` } })).toEqual([plain[pick % n]]);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('an index that does not describe the file', () => {
  const world = () => ({ ...sampleWorld(1_795_262_400), Items: [{ Id: 'a', Name: 'Quill' }, { Id: 'b', Name: 'Rowan' }] }) as World;
  const names = () => where((store().read() as World).Items, { keys: ['Name'], test: (peek) => peek.Name === 'Quill' }).map((x) => x.Id);
  const learn = () => {
    const s = store();
    expect(names()).toEqual(['a']);
    where((s.read() as World).Items, { keys: ['Name'], test: () => true });
    s.keepLearned();
    expect(indexFile(join(dir, INDEX_FILE)).head.members.find((m: { key: string }) => m.key === 'Items').lines.columns.Name).toBeDefined();
  };

  it('is not used once the file is edited, even in place and to the same size', async () => {
    store().overwrite(world());
    learn();
    const file = join(dir, 'state.json');
    const before = statSync(file, { bigint: true });
    // Past the file system's clock tick, as an edit by hand is (an edit within the tick of the
    // write itself is the one an index by file identity cannot tell: store/world-index.ts).
    await new Promise((resolve) => setTimeout(resolve, 30));
    const text = readFileSync(file, 'latin1');
    writeFileSync(file, text.replace('"Name":"Quill"', '"Name":"Qiull"').replace('"Name":"Rowan"', '"Name":"Quill"'));
    expect(statSync(file, { bigint: true }).ino).toBe(before.ino);
    expect(statSync(file).size).toBe(Number(before.size));
    expect(names()).toEqual(['b']);
    expect(where((store().read() as World).Items, { keys: ['Name'], test: (peek) => peek.Name === 'Qiull' }).map((x) => x.Id)).toEqual(['a']);
  });

  it('is not used for a copy of the file put in its place', () => {
    store().overwrite(world());
    learn();
    const file = join(dir, 'state.json');
    const copy = readFileSync(file, 'latin1').replace('"Name":"Quill"', '"Name":"Qiull"');
    writeFileSync(`${file}.copy`, copy);
    rmSync(file);
    writeFileSync(file, copy, { mode: 0o600 });
    expect(names()).toEqual([]);
  });

  it('is ignored when it cannot be read, lies about where things are, or is not an index at all', () => {
    store().overwrite(world());
    learn();
    const path = join(dir, INDEX_FILE);
    const { sections, head } = indexFile(path);
    const items = (change: (lines: any) => unknown) => ({ ...head, members: head.members.map((m: { key: string; lines?: unknown }) => (m.key === 'Items' ? { ...m, lines: change(m.lines) } : m)) });
    const variants: (string | Buffer)[] = [
      'not an index',
      readFileSync(path).subarray(0, 40),
      withHead(sections, { ...head, version: 99 }),
      // The right file, but every member a byte later.
      withHead(sections, { ...head, members: head.members.map((m: { at: number[] }) => ({ ...m, at: [m.at[0]! + 1, m.at[1]! + 1] })) }),
      // Lines that do not fill their list.
      withHead(sections, items((lines) => ({ ...lines, count: lines.count + 1 }))),
      // A column whose section lies outside the sections, and one that is not a section.
      withHead(sections, items((lines) => ({ ...lines, columns: { Name: { at: [0, sections.length + 5], width: 3 }, Id: 'x' } }))),
      // A column whose bytes do not read as its values.
      withHead(Buffer.alloc(sections.length, 0x7e), head),
    ];
    for (const variant of variants) {
      writeFileSync(path, variant);
      expect(names()).toEqual(['a']);
      expect(JSON.parse(JSON.stringify((store().read() as World).Items))).toEqual(world().Items);
    }
    // One that does not fit is read past, and what the command learned replaces it.
    writeFileSync(path, variants[3]!);
    const reader = store();
    where((reader.read() as World).Items, { keys: ['Name'], test: () => true });
    reader.keepLearned();
    expect(indexFile(path).head.members.map((m: { at: number[] }) => m.at)).toEqual(head.members.map((m: { at: number[] }) => m.at));
  });

  it('keeps no lines of a list that is not ASCII (written so by hand), and reads it as written', async () => {
    store().overwrite({ ...sampleWorld(1_795_262_400), Items: [{ Id: 'a', Name: 'J\u00fcrgen' }, { Id: 'b', Name: 'Zo\u00eb' }] } as World);
    const file = join(dir, 'state.json');
    await new Promise((resolve) => setTimeout(resolve, 30));
    writeFileSync(file, readFileSync(file, 'latin1').replaceAll('\\u00fc', '\u00c3\u00bc').replaceAll('\\u00eb', '\u00c3\u00ab'), 'latin1');
    expect(readFileSync(file, 'utf8')).toContain('"Name":"J\u00fcrgen"');
    // A write that leaves the list as it is copies its bytes.
    store().transact((state) => ((state.IdSequence += 1), { write: true, result: undefined }));
    for (let i = 0; i < 2; i++) {
      const read = (store().read() as World).Items;
      expect(where(read, { keys: ['Name'], test: (peek) => peek.Name === 'Zo\u00eb' }).map((x) => x.Id)).toEqual(['b']);
      expect(JSON.parse(JSON.stringify(read))).toEqual([{ Id: 'a', Name: 'J\u00fcrgen' }, { Id: 'b', Name: 'Zo\u00eb' }]);
    }
  });

  it('is as private as the world', () => {
    store().overwrite(world());
    expect(statSync(join(dir, INDEX_FILE)).mode & 0o777).toBe(0o600);
  });
});
