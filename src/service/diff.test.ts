// world diff names what changed in the service's terms, matching things by what they are.
import { describe, expect, it } from 'vitest';
import { diffWorlds } from './diff.js';
import { ANIKA, BILL, JUAN, TestWorld } from './testing/world.js';

const invite = (world: TestWorld, account: string) => world.call('InviteAccountToOrganization', BILL, { Target: { Id: account, Type: 'ACCOUNT' } }).Handshake.Id;

describe('world diff', () => {
  it('shows handshakes that moved and who joined, not ids or times', () => {
    const before = new TestWorld();
    const juan = invite(before, JUAN);
    invite(before, ANIKA);
    const after = structuredClone(before.state);
    const later = new TestWorld();
    later.state = after;
    later.now += 5000;
    later.call('AcceptHandshake', JUAN, { HandshakeId: juan });
    expect(diffWorlds(before.state, after)).toEqual([
      { Change: 'AccountJoined', Subject: 'Juan <juan@example.com>', Before: null, After: 'the organization of Master Account <bill@example.com>' },
      { Change: 'HandshakeStateChanged', Subject: 'INVITE from the organization of Master Account <bill@example.com> to Juan <juan@example.com>', Before: 'OPEN', After: 'ACCEPTED' },
    ]);
  });

  it('matches two reruns with other ids and times as the same; --ids and --times tell them apart', () => {
    const a = new TestWorld();
    invite(a, JUAN);
    const b = new TestWorld();
    b.now += 60_000;
    b.state.IdSequence += 1000;
    invite(b, JUAN);
    expect(a.state.Handshakes[0]!.Handshake.Id).not.toBe(b.state.Handshakes[0]!.Handshake.Id);
    expect(diffWorlds(a.state, b.state)).toEqual([]);
    expect(diffWorlds(a.state, b.state, { ids: true }).map((c) => c.Change)).toContain('IdChanged');
    expect(diffWorlds(a.state, b.state, { times: true }).map((c) => c.Change)).toContain('TimeChanged');
  });

  it('shows a handshake one world has and the other lacks, and a changed feature set', () => {
    const a = new TestWorld();
    const b = new TestWorld();
    invite(b, ANIKA);
    b.state.Organizations[0]!.FeatureSet = 'CONSOLIDATED_BILLING' as never;
    expect(diffWorlds(a.state, b.state).map((c) => `${c.Change} ${c.Before} ${c.After}`)).toEqual(['FeatureSetChanged ALL CONSOLIDATED_BILLING', 'HandshakeAdded null OPEN']);
  });
});
