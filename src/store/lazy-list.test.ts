// A list kept as stored lines answers every question as the same list parsed whole would, and
// writes back exactly what a plain array of its items would have written.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { peekOf, type Question } from '../model/table.js';
import { countWhere, dropFirst, removeItems, scan, where } from '../service/table.js';
import { sampleWorld } from '../service/sample-world.js';
import { FileStore } from './file-store.js';
import { peekText, storedListOf } from './lazy-list.js';
import { decodeLayout, encodeLayout, tailCloser, tailHint } from './world-file.js';

const KEYS = ['Id', 'State', 'N', 'Name', 'Deep'];
const scalar = fc.oneof(fc.string(), fc.constantFrom('OPEN', 'a"b', 'x\\y', 'ünï', '"State":', '{"Id":1}'), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: scalar,
  node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...KEYS, 'Other'), tie('node'), { maxKeys: 3 })),
})).node;
const item = fc.dictionary(fc.constantFrom(...KEYS, 'Tags', 'More'), value, { maxKeys: 5 });

function stored(items: unknown[]): Record<string, unknown[]> {
  const text = Buffer.concat([...encodeLayout({ Items: items })].map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
  const world = decodeLayout(text, (_key, line) => JSON.parse(line));
  if (!world) throw new Error('not in the layout');
  return world as Record<string, unknown[]>;
}

const written = (world: Record<string, unknown>) => JSON.parse(Buffer.concat([...encodeLayout(world)].map((p) => (typeof p === 'string' ? Buffer.from(p) : p))).toString('utf8'));

describe('peeks read from the stored text', () => {
  it('equal the first member of that name in the parsed item, for any item', () => {
    fc.assert(
      fc.property(item, fc.constantFrom(...KEYS), (raw, key) => {
        // The item as the store has it: parsed from its line (-0 is stored as 0).
        const line = JSON.stringify(raw);
        const it = JSON.parse(line) as unknown;
        const fromText = peekText(line, key);
        const fromItem = peekOf(it, [key])[key];
        // The text may decline (an object, a list, an escaped string); when it answers, it agrees.
        if (typeof fromText !== 'symbol') expect(fromText).toStrictEqual(typeof fromItem === 'object' && fromItem !== null ? undefined : fromItem);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a stored list', () => {
  const question = (key: string, wanted: unknown, mentions?: string[]): Question => ({ keys: [key], test: (peek) => peek[key] === wanted, mentions });

  it('answers where, scan and count as the plain array does', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.constantFrom(...KEYS), scalar, fc.option(fc.constantFrom('OPEN', 'ünï', 'a"b')), (items, key, wanted, mention) => {
        const plain = JSON.parse(JSON.stringify(items)) as unknown[];
        const lazy = stored(items).Items!;
        const q = question(key, wanted, mention ? [mention] : undefined);
        expect(where(lazy, q)).toEqual(where(plain, q));
        expect(countWhere(lazy, q)).toBe(countWhere(plain, q));
        expect(scan(lazy, q).map((f) => f.peek)).toEqual(scan(plain, q).map((f) => f.peek));
        expect(where(lazy, { ...q, keys: [], test: () => true, equal: { key, value: wanted as string } })).toEqual(where(plain, { ...q, keys: [], test: () => true, equal: { key, value: wanted as string } }));
      }),
      { numRuns: 500 },
    );
  });

  it('writes back what the plain array would after the same changes', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), fc.array(item, { maxLength: 3 }), fc.nat(4), fc.nat(10), (items, addedRaw, drop, pick) => {
        const plain = JSON.parse(JSON.stringify(items)) as Record<string, unknown>[];
        // Items added are JSON values as every item in the world is (-0 is written as 0).
        const added = JSON.parse(JSON.stringify(addedRaw)) as Record<string, unknown>[];
        const world = stored(items);
        const lazy = world.Items as Record<string, unknown>[];
        // Change one item found by a question, remove another, add some, drop the oldest.
        const all = { keys: [], test: () => true };
        const [changed] = where(lazy, all).slice(pick % lazy.length);
        const [plainChanged] = plain.slice(pick % plain.length);
        changed!.Touched = 'yes';
        plainChanged!.Touched = 'yes';
        const doomed = where(lazy, all)[0]!;
        removeItems(lazy, new Set([doomed]));
        removeItems(plain, new Set([plain[0]!]));
        lazy.push(...added);
        plain.push(...added);
        dropFirst(lazy, drop);
        dropFirst(plain, drop);
        expect(lazy.length).toBe(plain.length);
        expect(written(world).Items).toEqual(plain);
        // Parsed whole afterwards (any array method), it is the same list.
        expect(lazy.map((x) => x)).toEqual(plain);
        expect(written(world).Items).toEqual(plain);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a parsed item by a member it was given after it was read', () => {
    const world = stored([{ Id: 'a', OrganizationId: 'o-1' }, { Id: 'b' }]);
    const lazy = world.Items as Record<string, unknown>[];
    const members = () => where(lazy, { keys: [], test: () => true, equal: { key: 'OrganizationId', value: 'o-1' } }).map((x) => x.Id);
    expect(members()).toEqual(['a']);
    where(lazy, { keys: [], test: () => true, equal: { key: 'Id', value: 'b' } })[0]!.OrganizationId = 'o-1';
    expect(members()).toEqual(['a', 'b']);
  });

  it('counts its stored lines once, however often its length is asked as items are added', () => {
    const lazy = stored(Array.from({ length: 200 }, (_, i) => ({ Id: `e${i}` }))).Items!;
    const searches = vi.spyOn(Buffer.prototype, 'indexOf');
    try {
      const lengths: number[] = [];
      for (let i = 0; i < 5; i++) {
        lazy.push({ Id: `new${i}` });
        lengths.push(lazy.length);
      }
      expect(lengths).toEqual([201, 202, 203, 204, 205]);
      // One pass over the 200 lines' newlines; a count at every question made five.
      expect(searches.mock.calls.length).toBeGreaterThanOrEqual(200);
      expect(searches.mock.calls.length).toBeLessThan(400);
    } finally {
      searches.mockRestore();
    }
    expect(lazy.map((x) => (x as { Id: string }).Id).slice(198)).toEqual(['e198', 'e199', 'new0', 'new1', 'new2', 'new3', 'new4']);
  });

  it('kept no more (a read), still answers alike; what it parses then is frozen and not held', () => {
    const world = stored([{ Id: 'a', Deep: { N: 1 } }, { Id: 'b', Deep: { N: 2 } }, { Id: 'c', Deep: { N: 3 } }]);
    const lazy = world.Items as { Id: string; Deep: { N: number } }[];
    const byId = (id: string) => where(lazy, { keys: [], test: () => true, equal: { key: 'Id', value: id } })[0]!;
    const a = byId('a');
    a.Deep.N = 10; // parsed before: kept, as changed
    storedListOf(lazy)!.keepNoMore();
    expect(byId('a')).toBe(a);
    const b = byId('b');
    expect(b).toEqual({ Id: 'b', Deep: { N: 2 } });
    expect(byId('b')).not.toBe(b); // parsed again: nothing held it
    expect(() => {
      b.Deep.N = 20;
    }).toThrow(TypeError);
    expect(where(lazy, { keys: ['Id'], test: () => true }).map((x) => [x.Id, x.Deep.N])).toEqual([
      ['a', 10],
      ['b', 2],
      ['c', 3],
    ]);
  });
});

describe('the state file', () => {
  it('is one JSON document; its event log is read only when used, and a hint that lies is not trusted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgsim-layout-'));
    try {
      const world = sampleWorld(1_795_262_400);
      world.Events.push({ eventVersion: '1.11', eventID: 'e1', eventTime: '2026-11-21T12:00:00Z', eventSource: 'organizations.amazonaws.com', eventName: 'Test', eventType: 'AwsServiceEvent', awsRegion: 'us-east-1', recipientAccountId: '111111111111' });
      new FileStore(dir, () => world).overwrite(world);
      const file = join(dir, 'state.json');
      const text = readFileSync(file);
      const parsed = JSON.parse(text.toString('utf8'));
      expect(parsed.Events).toEqual(world.Events);
      const hint = tailHint(text.subarray(text.length - 256), text.length)!;
      expect(text.subarray(hint.end, hint.end + tailCloser(false).length).toString()).toBe(tailCloser(false));
      let read = 0;
      const lazy = decodeLayout(text.subarray(0, hint.start), (_k, line) => JSON.parse(line), () => (read++, { buffer: text, start: hint.start, end: hint.end }))!;
      expect(lazy.Accounts).toEqual(world.Accounts);
      expect(read).toBe(0);
      expect(lazy.Events).toEqual(world.Events);
      expect(read).toBe(1);
      // A hint pointing elsewhere (the file edited by hand) is ignored: the file is read whole.
      writeFileSync(file, text.toString('utf8').replace(/"StoreLayout":\{"Events":\[\d+,/, '"StoreLayout":{"Events":[12,'));
      const again = new FileStore(dir, () => world, { lazyFromBytes: 0 }).read();
      expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(world)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('listings of a stored world', () => {
  it('page exactly as the same world in memory, ties in request time and filters included', async () => {
    const { TestWorld, BILL } = await import('../service/testing/world.js');
    const world = new TestWorld();
    world.state.Organizations[0]!.Quotas = { Accounts: 1000, InvitationsPerDay: 1000 };
    // Three request times, many invitations at each (a rehearsal under a pinned clock), some ended.
    for (let i = 0; i < 57; i++) {
      if (i % 20 === 0) world.now += 1000;
      const id = world.invite({ Id: `user${i}@example.com`, Type: 'EMAIL' });
      if (i % 7 === 0) world.call('CancelHandshake', BILL, { HandshakeId: id });
    }
    world.advanceDays(20); // the first ones have expired, the canceled ones are still kept
    const dir = mkdtempSync(join(tmpdir(), 'orgsim-pages-'));
    try {
      new FileStore(dir, () => world.state).overwrite(world.state);
      const stored = new FileStore(dir, () => world.state, { lazyFromBytes: 0 }).read();
      expect(storedListOf(stored.Handshakes)).toBeDefined();
      const plain = JSON.parse(JSON.stringify(world.state));
      const pages = (state: typeof world.state, input: Record<string, unknown>) => {
        const ids: string[][] = [];
        let token: string | undefined;
        do {
          world.state = state;
          const page = world.call('ListHandshakesForOrganization', BILL, { ...input, ...(token ? { NextToken: token } : {}) });
          ids.push(page.Handshakes.map((h: { Id: string }) => h.Id));
          token = page.NextToken;
        } while (token);
        return ids;
      };
      for (const input of [{}, { MaxResults: 7 }, { MaxResults: 1, Filter: { ActionType: 'INVITE' } }, { MaxResults: 20 }]) {
        const expected = pages(plain, input);
        expect(expected.flat().length).toBeGreaterThan(0);
        expect(pages(stored, input)).toEqual(expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
