import { describe, expect, it } from 'vitest';
import { ANIKA, BILL, JUAN, SUSAN, TestWorld } from './testing/world.js';

function withMember(): TestWorld {
  const world = new TestWorld();
  world.call('AcceptHandshake', JUAN, { HandshakeId: world.invite({ Id: JUAN, Type: 'ACCOUNT' }, { Tags: [{ Key: 'team', Value: 'blue' }] }) });
  return world;
}

const juan = (w: TestWorld) => w.state.Accounts.find((a) => a.Id === JUAN)!;

describe('leave-organization', () => {
  it('a member leaves: standalone again, tags dropped, a Left event logged, the quota slot freed', () => {
    const world = withMember();
    expect(world.call('LeaveOrganization', JUAN)).toEqual({});
    expect(juan(world)).toMatchObject({ Tags: [] });
    expect(juan(world).OrganizationId).toBeUndefined();
    expect(world.call('ListAccounts', BILL).Accounts.map((a: { Id: string }) => a.Id)).toEqual([BILL]);
    // The service event is logged as it happens, the API call when it completes.
    expect(world.state.Events.at(-2)).toMatchObject({ eventName: 'AccountDepartedOrganization', recipientAccountId: BILL, serviceEventDetails: { accountId: JUAN, departedMethod: 'Left' } });
    expect(world.state.Events.at(-1)).toMatchObject({ eventName: 'LeaveOrganization', eventType: 'AwsApiCall', recipientAccountId: BILL });
  });

  it.each([
    [BILL, 'MasterCannotLeaveOrganizationException'],
    [ANIKA, 'AWSOrganizationsNotInUseException'],
  ])('%s cannot leave: %s', (caller, expected) => {
    expect(withMember().outcome('LeaveOrganization', caller)).toBe(expected);
  });

  it('an account created in the organization waits four days', () => {
    const world = withMember();
    Object.assign(juan(world), { JoinedMethod: 'CREATED', CreatedTimestamp: world.now / 1000 });
    expect(world.outcome('LeaveOrganization', JUAN)).toBe('ConstraintViolationException:WAIT_PERIOD_ACTIVE');
    world.advanceDays(4);
    expect(world.outcome('LeaveOrganization', JUAN)).toBe('ok');
  });
});

describe('remove-account-from-organization and describe-account', () => {
  it('the management account removes a member (Removed event) and describes accounts', () => {
    const world = withMember();
    expect(world.call('DescribeAccount', BILL, { AccountId: JUAN }).Account).toMatchObject({ Id: JUAN, JoinedMethod: 'INVITED', State: 'ACTIVE' });
    world.call('RemoveAccountFromOrganization', BILL, { AccountId: JUAN });
    expect(juan(world).OrganizationId).toBeUndefined();
    expect(world.state.Events.at(-2)).toMatchObject({ serviceEventDetails: { departedMethod: 'Removed' } });
    expect(world.outcome('DescribeAccount', BILL, { AccountId: JUAN })).toBe('AccountNotFoundException');
  });

  it.each([
    [BILL, { AccountId: '123' }, 'InvalidInputException:INVALID_PATTERN:ACCOUNT_ID'],
    [BILL, {}, 'InvalidInputException:INPUT_REQUIRED:ACCOUNT_ID'],
    [BILL, { AccountId: BILL }, 'ConstraintViolationException:ACCOUNT_CANNOT_LEAVE_ORGANIZATION'],
    [BILL, { AccountId: SUSAN }, 'AccountNotFoundException'],
    [JUAN, { AccountId: JUAN }, 'AccessDeniedException'],
    [ANIKA, { AccountId: JUAN }, 'AWSOrganizationsNotInUseException'],
  ])('%s removing %j → %s', (caller, input, expected) => {
    expect(withMember().outcome('RemoveAccountFromOrganization', caller, input)).toBe(expected);
  });

  it('describe-account is for the management account only', () => {
    const world = withMember();
    expect(world.outcome('DescribeAccount', JUAN, { AccountId: JUAN })).toBe('AccessDeniedException');
    expect(world.outcome('DescribeAccount', ANIKA, { AccountId: JUAN })).toBe('AWSOrganizationsNotInUseException');
  });
});

describe('the event log', () => {
  it('records every API call that changed something, with who called and for which organization', () => {
    const world = withMember();
    const id = world.invite({ Id: ANIKA, Type: 'ACCOUNT' });
    world.call('DeclineHandshake', ANIKA, { HandshakeId: id });
    world.call('DescribeHandshake', BILL, { HandshakeId: id });
    expect(world.state.Events.map((e) => e.eventName)).toEqual([
      'InviteAccountToOrganization',
      'AccountJoinedOrganization',
      'AcceptHandshake',
      'InviteAccountToOrganization',
      'DeclineHandshake',
    ]);
    expect(world.state.Events[4]).toMatchObject({ userIdentity: { accountId: ANIKA }, recipientAccountId: BILL, requestParameters: { handshakeId: id } });
  });
});
