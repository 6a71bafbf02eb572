// When time next changes the handshakes is kept with the stored world (in its index) and carried
// over each change, so that a command before that time sweeps nothing; kept or carried, it is never
// later than the truth: a world read from its file shows every expiry and deletion the same world
// kept in memory shows, at every time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrgState } from '../model/types.js';
import { BILL, TestWorld } from '../service/testing/world.js';
import { FileStore } from './file-store.js';
import { IndexedList } from './world-index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-next-change-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HOUR_MS = 3_600_000;
const clone = (state: OrgState) => JSON.parse(JSON.stringify(state)) as OrgState;

/** The same steps on a world in memory and on one stored in `dir`, each step on the stored one a command of its own. */
function twins() {
  const memory = new TestWorld();
  memory.state.Organizations[0]!.Quotas = { Accounts: 1000, InvitationsPerDay: 1000 };
  new FileStore(dir, () => memory.state).overwrite(clone(memory.state));
  const command = <T>(step: (world: TestWorld) => T, write: boolean): T => {
    // Every list is read as stored lines, through the index the last command left.
    const store = new FileStore(dir, () => memory.state, { lazyFromBytes: 0 });
    const world = new TestWorld();
    world.now = memory.now;
    if (write) {
      return store.transact((state) => {
        world.state = state;
        return { write: true, result: step(world) };
      });
    }
    world.state = store.read();
    const result = step(world);
    store.keepLearned();
    return result;
  };
  const listing = (world: TestWorld) => {
    const all: unknown[] = [];
    let token: string | undefined;
    do {
      const page = world.call('ListHandshakesForOrganization', BILL, { MaxResults: 20, ...(token ? { NextToken: token } : {}) });
      all.push(...page.Handshakes.map((h: { Id: string; State: string }) => `${h.Id} ${h.State}`));
      token = page.NextToken;
    } while (token);
    return all;
  };
  return {
    memory,
    /** A change made to both; what each answered. */
    change: <T>(step: (world: TestWorld) => T) => [step(memory), command(step, true)] as const,
    /** Both listed; the stored one by a read that writes nothing back. */
    listings: () => [listing(memory), command(listing, false)] as const,
    read: <T>(step: (world: TestWorld) => T) => command(step, false),
  };
}

describe('when time next changes the handshakes', () => {
  it('is kept with the stored world, carried over every change, and never later than the truth', () => {
    const world = twins();
    const invite = (n: number) => (w: TestWorld) => w.invite({ Id: `user${n}@example.com`, Type: 'EMAIL' });
    const agree = () => {
      const [inMemory, stored] = world.listings();
      expect(stored).toEqual(inMemory);
      return inMemory;
    };
    for (let n = 0; n < 12; n++) world.change(invite(n));
    agree();
    world.memory.advanceDays(1);
    const [canceled] = world.change((w) => w.call('CancelHandshake', BILL, { HandshakeId: w.state.Handshakes[3]!.Handshake.Id }).Handshake.Id as string);
    world.memory.advanceDays(5);
    for (let n = 12; n < 16; n++) world.change(invite(n));
    agree();
    // The first invitations lapse at fifteen days, the later ones at twenty-one; the canceled one
    // is deleted thirty days after it ended. Each step reads the stored world as a command would.
    for (const at of [14 * 24 + 23, 15 * 24, 15 * 24 + 1, 20 * 24, 21 * 24 + 6, 31 * 24 + 1, 45 * 24 + 1, 51 * 24 + 7]) {
      world.memory.now = Date.parse('2026-11-21T12:00:00Z') + at * HOUR_MS;
      const listed = agree();
      if (at === 15 * 24 + 1) {
        expect(listed.filter((line) => String(line).endsWith('EXPIRED')).length).toBe(11);
        // A change after the expiry: it writes what the read only saw.
        world.change(invite(16 + at));
        agree();
      }
      if (at === 31 * 24 + 1) expect(listed.some((line) => String(line).startsWith(canceled))).toBe(false);
    }
    expect(agree().filter((line) => String(line).endsWith('OPEN')).length).toBe(0);
  });

  it('is brought forward by a change that makes it sooner', () => {
    const world = twins();
    const [first] = world.change((w) => w.invite({ Id: 'first@example.com', Type: 'EMAIL' }));
    world.memory.advanceDays(10);
    world.change((w) => w.call('CancelHandshake', BILL, { HandshakeId: first }));
    // A read once the first would have lapsed works it out exactly: nothing is pending, and time
    // next deletes the canceled invitation, thirty days after it ended.
    world.memory.advanceDays(6);
    world.listings();
    // An invitation that lapses before that.
    const [second] = world.change((w) => w.invite({ Id: 'second@example.com', Type: 'EMAIL' }));
    world.memory.advanceDays(16);
    const [inMemory, stored] = world.listings();
    expect(inMemory).toContain(`${second} EXPIRED`);
    expect(stored).toEqual(inMemory);
  });

  it('lets a command before that time leave the handshakes unread', () => {
    const world = twins();
    for (let n = 0; n < 5; n++) world.change((w) => w.invite({ Id: `user${n}@example.com`, Type: 'EMAIL' }));
    world.memory.advanceDays(3);
    const decoded = vi.spyOn(IndexedList.prototype, 'column');
    try {
      world.read((w) => w.call('DescribeOrganization', BILL));
      const times = decoded.mock.calls.filter(([key]) => key === 'ExpirationTimestamp' || key === 'EndedTimestamp');
      expect(times).toEqual([]);
      // At the time it names, the sweep looks again.
      world.memory.advanceDays(12);
      world.read((w) => w.call('DescribeOrganization', BILL));
      expect(decoded.mock.calls.some(([key]) => key === 'ExpirationTimestamp')).toBe(true);
    } finally {
      decoded.mockRestore();
    }
    expect(world.listings()[1].every((line) => String(line).endsWith('EXPIRED'))).toBe(true);
  });
});

