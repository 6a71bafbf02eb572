import { describe, expect, it } from 'vitest';
import { ANIKA, BILL, JUAN, SUSAN, TestWorld } from './testing/world.js';

const LIST = 'ListHandshakesForOrganization';

function started(members = [JUAN, ANIKA]) {
  const world = TestWorld.consolidatedBilling(members);
  const parent = world.call('EnableAllFeatures', BILL).Handshake;
  const children = world.call(LIST, BILL, { Filter: { ParentHandshakeId: parent.Id } }).Handshakes;
  const childOf = (account: string) => children.find((c: { Parties: { Id: string }[] }) => c.Parties[1]!.Id === account).Id as string;
  const state = (id: string) => world.call('DescribeHandshake', BILL, { HandshakeId: id }).Handshake.State;
  return { world, parent, children, childOf, state };
}

describe('enable-all-features', () => {
  it('creates a REQUESTED parent for 90 days and one OPEN approval per invited member', () => {
    const { parent, children } = started();
    expect(parent).toMatchObject({
      State: 'REQUESTED',
      Action: 'ENABLE_ALL_FEATURES',
      Parties: [{ Id: 'exampleorgid', Type: 'ORGANIZATION' }],
      Resources: [{ Value: 'o-exampleorgid', Type: 'ORGANIZATION' }],
    });
    expect(parent.Arn).toContain('/enable_all_features/');
    expect(parent.ExpirationTimestamp - parent.RequestedTimestamp).toBe(90 * 86400);
    expect(children).toHaveLength(2);
    for (const child of children) {
      expect(child.State).toBe('OPEN');
      expect(child.Action).toBe('APPROVE_ALL_FEATURES');
      expect(child.ExpirationTimestamp).toBe(parent.ExpirationTimestamp);
      expect(child.Resources[0]).toEqual({ Value: parent.Id, Type: 'PARENT_HANDSHAKE' });
      expect(child.Resources[1]).toEqual({ Value: 'o-exampleorgid', Type: 'ORGANIZATION' });
      expect(child.Resources[2]).toEqual({ Value: child.Parties[1].Id, Type: 'ACCOUNT' });
    }
  });

  it('turns the parent OPEN when every member accepted; the management account then finalises it to ALL', () => {
    const { world, parent, childOf, state } = started();
    expect(world.outcome('AcceptHandshake', BILL, { HandshakeId: parent.Id })).toBe('InvalidHandshakeTransitionException');
    world.call('AcceptHandshake', JUAN, { HandshakeId: childOf(JUAN) });
    expect(state(parent.Id)).toBe('REQUESTED');
    world.call('AcceptHandshake', ANIKA, { HandshakeId: childOf(ANIKA) });
    expect(state(parent.Id)).toBe('OPEN');
    expect(world.call('AcceptHandshake', BILL, { HandshakeId: parent.Id }).Handshake.State).toBe('ACCEPTED');
    expect(world.call('DescribeOrganization', JUAN).Organization.FeatureSet).toBe('ALL');
  });

  it('with no invited members the parent can be finalised at once', () => {
    const { world, parent } = started([]);
    expect(parent.State).toBe('OPEN');
    world.call('AcceptHandshake', BILL, { HandshakeId: parent.Id });
    expect(world.call('DescribeOrganization', BILL).Organization.FeatureSet).toBe('ALL');
  });

  it('cancels pending invitations when it starts; invitations sent during it offer ALL', () => {
    const world = TestWorld.consolidatedBilling([JUAN]);
    const pending = world.invite({ Id: ANIKA, Type: 'ACCOUNT' });
    world.call('EnableAllFeatures', BILL);
    expect(world.call('DescribeHandshake', BILL, { HandshakeId: pending }).Handshake.State).toBe('CANCELED');
    const during = world.call('InviteAccountToOrganization', BILL, { Target: { Id: SUSAN, Type: 'ACCOUNT' } }).Handshake;
    expect(during.Resources[0].Resources[2]).toEqual({ Value: 'ALL', Type: 'ORGANIZATION_FEATURE_SET' });
  });

  it.each([
    ['already all features', (w: TestWorld) => (w.state.Organizations[0]!.FeatureSet = 'ALL'), BILL, 'HandshakeConstraintViolationException:ORGANIZATION_ALREADY_HAS_ALL_FEATURES'],
    ['a migration pending', (w: TestWorld) => w.call('EnableAllFeatures', BILL), BILL, 'HandshakeConstraintViolationException:ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION'],
    ['a member calling', () => undefined, JUAN, 'AccessDeniedException'],
    ['a standalone account calling', () => undefined, SUSAN, 'AWSOrganizationsNotInUseException'],
  ])('refuses: %s', (_name, setup, caller, expected) => {
    const world = TestWorld.consolidatedBilling([JUAN]);
    setup(world);
    expect(world.outcome('EnableAllFeatures', caller)).toBe(expected);
  });

  it('keeps each side to its own handshake: members cannot finalise, management cannot approve for a member', () => {
    const { world, parent, childOf } = started();
    expect(world.outcome('AcceptHandshake', JUAN, { HandshakeId: parent.Id })).toBe('AccessDeniedException');
    expect(world.outcome('AcceptHandshake', BILL, { HandshakeId: childOf(JUAN) })).toBe('AccessDeniedException');
    expect(world.call('ListHandshakesForAccount', JUAN).Handshakes.map((h: { Id: string }) => h.Id)).toEqual([childOf(JUAN)]);
  });

  it('a declined approval leaves the parent REQUESTED; cancelling the parent cancels what is pending', () => {
    const { world, parent, childOf, state } = started();
    world.call('DeclineHandshake', JUAN, { HandshakeId: childOf(JUAN) });
    expect(state(parent.Id)).toBe('REQUESTED');
    world.call('CancelHandshake', BILL, { HandshakeId: parent.Id });
    expect([state(parent.Id), state(childOf(JUAN)), state(childOf(ANIKA))]).toEqual(['CANCELED', 'DECLINED', 'CANCELED']);
    expect(world.outcome('EnableAllFeatures', BILL)).toBe('ok');
  });

  it('after 90 days the parent expires and pending approvals are canceled', () => {
    const { world, parent, childOf, state } = started();
    world.advanceDays(70);
    world.call('AcceptHandshake', JUAN, { HandshakeId: childOf(JUAN) });
    world.advanceDays(20);
    expect([state(parent.Id), state(childOf(JUAN)), state(childOf(ANIKA))]).toEqual(['EXPIRED', 'ACCEPTED', 'CANCELED']);
  });

  it('a member leaving mid-migration no longer blocks the parent', () => {
    const { world, parent, childOf, state } = started();
    world.call('AcceptHandshake', JUAN, { HandshakeId: childOf(JUAN) });
    world.call('LeaveOrganization', ANIKA);
    expect(state(childOf(ANIKA))).toBe('CANCELED');
    expect(state(parent.Id)).toBe('OPEN');
  });
});

describe('created members and the service-linked role (semantics R-25)', () => {
  it('a created member without the role gets an ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE child; accepting it adds the role, and the parent waits for it', () => {
    const world = TestWorld.consolidatedBilling([JUAN]);
    const request = world.call('CreateAccount', BILL, { Email: 'made@example.com', AccountName: 'Made' }).CreateAccountStatus.Id;
    const made = world.call('DescribeCreateAccountStatus', BILL, { CreateAccountRequestId: request }).CreateAccountStatus.AccountId;
    // Consolidated billing: created without the role (organization.md R-193).
    expect(world.state.Roles!.map((r) => r.RoleName)).toEqual(['OrganizationAccountAccessRole']);
    const parent = world.call('EnableAllFeatures', BILL).Handshake;
    expect(parent.State).toBe('REQUESTED');
    const children = world.call('ListHandshakesForOrganization', BILL, { Filter: { ParentHandshakeId: parent.Id } }).Handshakes;
    expect(children.map((h: { Action: string }) => h.Action).sort()).toEqual(['ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE', 'APPROVE_ALL_FEATURES']);
    const slr = children.find((h: { Action: string }) => h.Action === 'ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE');
    expect(slr.Parties).toEqual([{ Id: 'exampleorgid', Type: 'ORGANIZATION' }, { Id: made, Type: 'ACCOUNT' }]);
    const approval = children.find((h: { Action: string }) => h.Action === 'APPROVE_ALL_FEATURES');
    world.call('AcceptHandshake', JUAN, { HandshakeId: approval.Id });
    expect(world.call('DescribeHandshake', BILL, { HandshakeId: parent.Id }).Handshake.State).toBe('REQUESTED');
    expect(world.call('AcceptHandshake', made, { HandshakeId: slr.Id }).Handshake.State).toBe('ACCEPTED');
    expect(world.state.Roles!.some((r) => r.AccountId === made && r.RoleName === 'AWSServiceRoleForOrganizations')).toBe(true);
    expect(world.call('DescribeHandshake', BILL, { HandshakeId: parent.Id }).Handshake.State).toBe('OPEN');
  });

  it('a member created with all features has the role, so a later migration asks nothing of it', () => {
    const world = new TestWorld();
    const request = world.call('CreateAccount', BILL, { Email: 'made@example.com', AccountName: 'Made' }).CreateAccountStatus.Id;
    const made = world.call('DescribeCreateAccountStatus', BILL, { CreateAccountRequestId: request }).CreateAccountStatus.AccountId;
    expect(world.state.Roles!.filter((r) => r.AccountId === made).map((r) => r.RoleName)).toEqual(['OrganizationAccountAccessRole', 'AWSServiceRoleForOrganizations']);
    world.state.Organizations[0]!.FeatureSet = 'CONSOLIDATED_BILLING';
    expect(world.call('EnableAllFeatures', BILL).Handshake.State).toBe('OPEN');
  });
});
