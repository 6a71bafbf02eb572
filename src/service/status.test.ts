// The rollout at a glance, on in-memory worlds at a fixed time.
import { describe, expect, it } from 'vitest';
import { rolloutStatus } from './status.js';
import { ANIKA, BILL, DAY_MS, JUAN, SUSAN, TestWorld } from './testing/world.js';

describe('the rollout status', () => {
  it('counts the invitations by how they ended and lists who has not answered, longest waiting first', () => {
    const world = new TestWorld();
    const byMail = world.invite({ Id: 'susan@example.com', Type: 'EMAIL' });
    world.now += DAY_MS;
    const stranger = world.invite({ Id: 'nobody@example.org', Type: 'EMAIL' });
    world.call('AcceptHandshake', JUAN, { HandshakeId: world.invite({ Id: JUAN, Type: 'ACCOUNT' }) });
    world.call('CancelHandshake', BILL, { HandshakeId: world.invite({ Id: ANIKA, Type: 'ACCOUNT' }) });
    world.now += DAY_MS;
    const [org] = rolloutStatus(world.state, world.now / 1000).Organizations;
    expect(org!.Members).toBe(2);
    expect(org!.Invitations).toEqual({ Pending: 2, Accepted: 1, Declined: 0, Expired: 0, Canceled: 1 });
    expect(org!.Pending.map((p) => [p.HandshakeId, p.AccountId, p.AccountName, p.Email, p.AgeSeconds])).toEqual([
      [byMail, SUSAN, 'Susan', 'susan@example.com', 2 * 86400],
      [stranger, undefined, undefined, 'nobody@example.org', 86400],
    ]);
    expect(org!.Pending[1]!.ExpiresInSeconds).toBe(14 * 86400);
    expect(org!.AllFeatures).toBeUndefined();
  });

  it('follows the all-features migration: approvals accepted of those asked, and who is still waited for', () => {
    const world = TestWorld.consolidatedBilling([JUAN, ANIKA]);
    const parent = world.call('EnableAllFeatures', BILL).Handshake.Id;
    const approval = world.call('ListHandshakesForAccount', JUAN).Handshakes[0].Id;
    world.call('AcceptHandshake', JUAN, { HandshakeId: approval });
    const [org] = rolloutStatus(world.state, world.now / 1000).Organizations;
    expect(org!.AllFeatures).toEqual({ HandshakeId: parent, State: 'REQUESTED', Approved: 1, Of: 2, Waiting: ['anika (333333333333)'] });
  });
});
