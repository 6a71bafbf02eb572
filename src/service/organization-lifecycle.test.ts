// CreateOrganization and DeleteOrganization (organization.md ).
import { describe, expect, it } from 'vitest';
import { ANIKA, BILL, JUAN, SUSAN, TestWorld } from './testing/world.js';

const ROOT = 'r-exam';
const ORG = 'o-exampleorgid';

const withMember = () => TestWorld.withJuan();

const create = (w: TestWorld, parent: string, name: string) => w.call('CreateOrganizationalUnit', BILL, { ParentId: parent, Name: name }).OrganizationalUnit as { Id: string };

describe('create- and delete-organization', () => {
  it('a standalone account makes an organization: it manages it and sits in its new root', () => {
    const world = new TestWorld();
    const created = world.call('CreateOrganization', ANIKA, { FeatureSet: 'CONSOLIDATED_BILLING' }).Organization;
    expect(created).toMatchObject({ FeatureSet: 'CONSOLIDATED_BILLING', MasterAccountId: ANIKA, MasterAccountEmail: 'anika@example.com', AvailablePolicyTypes: [] });
    expect(created.Id).toMatch(/^o-[a-z0-9]{10}$/);
    expect(created.Arn).toBe(`arn:aws:organizations::${ANIKA}:organization/${created.Id}`);
    const rootId = world.call('ListRoots', ANIKA).Roots[0].Id;
    expect(world.call('DescribeAccount', ANIKA, { AccountId: ANIKA }).Account).toMatchObject({ JoinedMethod: 'INVITED', Status: 'ACTIVE', Paths: [`${created.Id}/${rootId}/${ANIKA}/`] });
    expect(world.state.Events.map((e) => e.eventName).slice(-2)).toEqual(['AccountJoinedOrganization', 'CreateOrganization']);
    expect(world.call('DescribeOrganization', ANIKA).Organization.FeatureSet).toBe('CONSOLIDATED_BILLING');
    expect(world.call('CreateOrganization', SUSAN).Organization.FeatureSet).toBe('ALL');
  });

  it.each([
    [BILL, {}, 'AlreadyInOrganizationException'],
    [JUAN, {}, 'AlreadyInOrganizationException'],
    [ANIKA, { FeatureSet: 'SOME' }, 'InvalidInputException:INVALID_ENUM:FEATURE_SET'],
  ])('%s %o → %s', (caller, input, expected) => {
    expect(withMember().outcome('CreateOrganization', caller, input)).toBe(expected);
  });

  it('deletes an organization left with its management account alone; OUs go with it; what it sent is canceled', () => {
    const world = withMember();
    create(world, ROOT, 'Workloads');
    expect(world.outcome('DeleteOrganization', JUAN)).toBe('AccessDeniedException');
    expect(world.outcome('DeleteOrganization', BILL)).toBe('OrganizationNotEmptyException');
    const pending = world.invite({ Id: SUSAN, Type: 'ACCOUNT' });
    world.call('RemoveAccountFromOrganization', BILL, { AccountId: JUAN });
    expect(world.call('DeleteOrganization', BILL)).toEqual({});
    expect(world.state.Organizations.map((o) => o.Id)).not.toContain(ORG);
    expect(world.outcome('DescribeOrganization', BILL)).toBe('AWSOrganizationsNotInUseException');
    expect(world.call('DescribeHandshake', SUSAN, { HandshakeId: pending }).Handshake.State).toBe('CANCELED');
    expect(world.outcome('AcceptHandshake', SUSAN, { HandshakeId: pending })).toBe('InvalidHandshakeTransitionException');
    expect(world.state.Events.at(-2)).toMatchObject({ eventName: 'AccountDepartedOrganization', serviceEventDetails: { accountId: BILL, departedMethod: 'Left' } });
    // The former management account may start again.
    expect(world.outcome('CreateOrganization', BILL)).toBe('ok');
  });

  it('a closed member still blocks the deletion', () => {
    const world = withMember();
    world.state.Accounts.find((a) => a.Id === JUAN)!.State = 'CLOSED';
    expect(world.outcome('DeleteOrganization', BILL)).toBe('OrganizationNotEmptyException');
  });
});
