// Responders answer in world time, as the account's own call, and never after expiry.
import { describe, expect, it } from 'vitest';
import { ANIKA, BILL, JUAN, SUSAN, TestWorld } from './testing/world.js';
import { mixResponders } from './responders.js';

function invite(world: TestWorld, account: string): string {
  return world.call('InviteAccountToOrganization', BILL, { Target: { Id: account, Type: 'ACCOUNT' } }).Handshake.Id;
}

const stateOf = (world: TestWorld, id: string) => world.call('DescribeHandshake', BILL, { HandshakeId: id }).Handshake.State;

describe('responders', () => {
  it('accept when world time passes their moment, as the account, at that moment', () => {
    const world = new TestWorld();
    world.state.Responders = [{ AccountId: JUAN, Answer: 'ACCEPT', AfterSeconds: 2 * 86_400, Answered: [] }];
    const id = invite(world, JUAN);
    world.advanceDays(1);
    expect(stateOf(world, id)).toBe('OPEN');
    world.advanceDays(1.5);
    expect(stateOf(world, id)).toBe('ACCEPTED');
    const accepted = world.state.Events.find((e) => e.eventName === 'AcceptHandshake')!;
    expect(accepted.userIdentity?.accountId).toBe(JUAN);
    expect(accepted.eventTime).toBe('2026-11-23T12:00:00Z');
    expect(world.state.Accounts.find((a) => a.Id === JUAN)!.OrganizationId).toBe(world.state.Organizations[0]!.Id);
  });

  it('decline, or never answer; an answer due after expiry is never given', () => {
    const world = new TestWorld();
    world.state.Responders = [
      { AccountId: JUAN, Answer: 'DECLINE', AfterSeconds: 3600, Answered: [] },
      { AccountId: ANIKA, Answer: 'NEVER', AfterSeconds: 0, Answered: [] },
      { AccountId: SUSAN, Answer: 'ACCEPT', AfterSeconds: 20 * 86_400, Answered: [] },
    ];
    const [juan, anika, susan] = [JUAN, ANIKA, SUSAN].map((a) => invite(world, a)) as [string, string, string];
    world.advanceDays(16);
    expect([juan, anika, susan].map((id) => stateOf(world, id))).toEqual(['DECLINED', 'EXPIRED', 'EXPIRED']);
  });

  it('answer each handshake once, and a second invitation again', () => {
    const world = new TestWorld();
    world.state.Responders = [{ AccountId: JUAN, Answer: 'DECLINE', AfterSeconds: 60, Answered: [] }];
    invite(world, JUAN);
    world.advanceDays(1);
    invite(world, JUAN);
    world.advanceDays(1);
    world.call('DescribeOrganization', BILL);
    world.call('DescribeOrganization', BILL);
    expect(world.state.Events.filter((e) => e.eventName === 'DeclineHandshake')).toHaveLength(2);
    expect(world.state.Responders[0]!.Answered).toHaveLength(2);
  });

  it('mix: the same seed draws the same accounts and times; the counts are as asked', () => {
    const accounts = Array.from({ length: 20 }, (_, i) => String(100000000000 + i));
    const mix = { accept: 10, decline: 4, never: 3, within: [86_400, 5 * 86_400] as [number, number] };
    const a = mixResponders(accounts, mix, 'seed');
    expect(mixResponders(accounts, mix, 'seed')).toEqual(a);
    expect(mixResponders(accounts, mix, 'other')).not.toEqual(a);
    expect(a.filter((r) => r.Answer === 'ACCEPT')).toHaveLength(10);
    expect(a.filter((r) => r.Answer === 'DECLINE')).toHaveLength(4);
    expect(a.filter((r) => r.Answer === 'NEVER')).toHaveLength(3);
    expect(new Set(a.map((r) => r.AccountId)).size).toBe(17);
    for (const r of a.filter((r) => r.Answer !== 'NEVER')) {
      expect(r.AfterSeconds).toBeGreaterThanOrEqual(86_400);
      expect(r.AfterSeconds).toBeLessThanOrEqual(5 * 86_400);
    }
  });
});
