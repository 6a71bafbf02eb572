// The page's picture of the world, worked out on in-memory worlds at a fixed time.
import { describe, expect, it } from 'vitest';
import { PICTURE_LIMITS } from '../model/picture.js';
import { partyAccounts, worldPicture } from './picture.js';
import { BILL, JUAN, SUSAN, TestWorld } from './testing/world.js';

describe('the picture of the world', () => {
  it('draws each organization as its tree, and the standalone accounts beside it', () => {
    const world = TestWorld.withJuan();
    const ou = world.call('CreateOrganizationalUnit', BILL, { ParentId: 'r-exam', Name: 'Workloads' }).OrganizationalUnit.Id;
    world.call('MoveAccount', BILL, { AccountId: JUAN, SourceParentId: 'r-exam', DestinationParentId: ou });
    const p = worldPicture(world.state, world.now / 1000);
    const [org] = p.organizations;
    expect(org!.management).toBe('bill (111111111111)');
    expect(org!.root.accounts.map((a) => [a.id, a.management])).toEqual([[BILL, true]]);
    expect(org!.root.units.map((u) => [u.name, u.accounts.map((a) => a.id)])).toEqual([['Workloads', [JUAN]]]);
    expect(org!.root.units[0]!.accounts[0]!.profiles).toEqual(['juan']);
    expect(p.standalone.map((a) => a.id)).not.toContain(JUAN);
    expect(p.standalone.map((a) => a.id)).toContain(SUSAN);
  });

  it('gives every handshake its machine, who makes each next move, and its deadline; ended ones have no moves', () => {
    const world = new TestWorld();
    const open = world.invite({ Id: JUAN, Type: 'ACCOUNT' });
    const declined = world.invite({ Id: SUSAN, Type: 'ACCOUNT' });
    world.call('DeclineHandshake', SUSAN, { HandshakeId: declined });
    const p = worldPicture(world.state, world.now / 1000);
    expect(p.handshakes.map((h) => [h.id, h.state])).toEqual([
      [open, 'OPEN'],
      [declined, 'DECLINED'],
    ]);
    const [first, second] = p.handshakes;
    expect(first!.next).toEqual([
      { to: 'ACCEPTED', label: 'accept', who: 'juan (222222222222)' },
      { to: 'DECLINED', label: 'decline', who: 'juan (222222222222)' },
      { to: 'CANCELED', label: 'cancel', who: 'bill (111111111111)' },
      { to: 'EXPIRED', label: 'time runs out' },
    ]);
    expect(first!.deadline).toEqual({ kind: 'expires', at: world.state.Handshakes.find((r) => r.Handshake.Id === open)!.Handshake.ExpirationTimestamp });
    expect(first!.machine.edges.some((e) => e.to === 'EXPIRED')).toBe(true);
    expect(second!.next).toEqual([]);
    expect(second!.deadline.kind).toBe('deleted');
    expect(partyAccounts(world.state, open)).toEqual([BILL, JUAN]);
    expect(partyAccounts(world.state, 'h-nosuchthing')).toEqual([]);
  });

  it('names who answers an all-features migration: the members approve, the management account finishes', () => {
    const world = TestWorld.consolidatedBilling([JUAN]);
    const parent = world.call('EnableAllFeatures', BILL).Handshake.Id;
    const p = worldPicture(world.state, world.now / 1000);
    const approval = p.handshakes.find((h) => h.action === 'APPROVE_ALL_FEATURES')!;
    expect(approval.next.filter((n) => n.who).map((n) => [n.label, n.who])).toEqual([
      ['accept', 'juan (222222222222)'],
      ['decline', 'juan (222222222222)'],
      ['cancel', 'bill (111111111111)'],
    ]);
    const enable = p.handshakes.find((h) => h.id === parent)!;
    expect(enable.state).toBe('REQUESTED');
    expect(enable.next.map((n) => [n.label, n.who])).toEqual([
      ['every member approved', undefined],
      ['decline', 'bill (111111111111)'],
      ['cancel', 'bill (111111111111)'],
      ['time runs out', undefined],
    ]);
  });

  it('shows a large world in part: the pending first, the newest events first, and how many more there are', () => {
    const world = new TestWorld();
    world.state.Organizations[0]!.Quotas = { ...world.state.Organizations[0]!.Quotas, Accounts: 10_000, InvitationsPerDay: 10_000 };
    for (let i = 0; i < PICTURE_LIMITS.handshakes + 5; i++) {
      const id = world.invite({ Id: `x${i}@example.com`, Type: 'EMAIL' });
      if (i % 2) world.call('CancelHandshake', BILL, { HandshakeId: id });
      world.now += 1000;
    }
    const p = worldPicture(world.state, world.now / 1000);
    expect(p.handshakes).toHaveLength(PICTURE_LIMITS.handshakes);
    expect(p.moreHandshakes).toBe(5);
    const pending = p.handshakes.findIndex((h) => h.state !== 'OPEN');
    expect(p.handshakes.slice(pending).every((h) => h.state !== 'OPEN')).toBe(true);
    expect(p.events).toHaveLength(PICTURE_LIMITS.events);
    expect(p.events[0]).toBe(world.state.Events.at(-1));
    expect(p.moreEvents).toBe(world.state.Events.length - PICTURE_LIMITS.events);
  });
});
