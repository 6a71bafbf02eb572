// Trusted access and delegated administrators (transfer-and-delegation.md ).
import { describe, expect, it } from 'vitest';
import { ANIKA, BILL, JUAN, TestWorld } from './testing/world.js';

const SSO = 'sso.amazonaws.com';

function withDelegate(): TestWorld {
  const world = TestWorld.withJuan();
  world.call('EnableAWSServiceAccess', BILL, { ServicePrincipal: SSO });
  world.call('RegisterDelegatedAdministrator', BILL, { AccountId: JUAN, ServicePrincipal: SSO });
  return world;
}

describe('trusted access', () => {
  it('enable, list, enable again (the first date stays), disable', () => {
    const world = TestWorld.withJuan();
    world.call('EnableAWSServiceAccess', BILL, { ServicePrincipal: SSO });
    const first = world.call('ListAWSServiceAccessForOrganization', BILL).EnabledServicePrincipals;
    expect(first).toEqual([{ ServicePrincipal: SSO, DateEnabled: world.now / 1000 }]);
    world.now += 60_000;
    world.call('EnableAWSServiceAccess', BILL, { ServicePrincipal: SSO });
    expect(world.call('ListAWSServiceAccessForOrganization', BILL).EnabledServicePrincipals).toEqual(first);
    world.call('DisableAWSServiceAccess', BILL, { ServicePrincipal: SSO });
    expect(world.call('ListAWSServiceAccessForOrganization', BILL).EnabledServicePrincipals).toEqual([]);
  });

  it('refusals: an unknown principal, a member, consolidated billing, a delegate still registered, a policy type still enabled', () => {
    const world = withDelegate();
    expect(world.outcome('EnableAWSServiceAccess', BILL, { ServicePrincipal: 'stacksets.cloudformation.amazonaws.com' })).toBe('InvalidInputException:UNRECOGNIZED_SERVICE_PRINCIPAL');
    expect(world.outcome('EnableAWSServiceAccess', BILL, { ServicePrincipal: 'bad principal' })).toBe('InvalidInputException:INVALID_PATTERN:SERVICE_PRINCIPAL');
    expect(world.outcome('EnableAWSServiceAccess', JUAN, { ServicePrincipal: SSO })).toBe('AccessDeniedException');
    expect(world.outcome('DisableAWSServiceAccess', BILL, { ServicePrincipal: SSO })).toBe('ConstraintViolationException:DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE');
    expect(TestWorld.consolidatedBilling([JUAN]).outcome('EnableAWSServiceAccess', BILL, { ServicePrincipal: SSO })).toBe('ConstraintViolationException:ORGANIZATION_NOT_IN_ALL_FEATURES_MODE');
    expect(world.outcome('EnablePolicyType', BILL, { RootId: 'r-exam', PolicyType: 'SECURITYHUB_POLICY' })).toBe('ConstraintViolationException:SERVICE_ACCESS_NOT_ENABLED');
    world.call('EnableAWSServiceAccess', BILL, { ServicePrincipal: 'securityhub.amazonaws.com' });
    world.call('EnablePolicyType', BILL, { RootId: 'r-exam', PolicyType: 'SECURITYHUB_POLICY' });
    expect(world.outcome('DisableAWSServiceAccess', BILL, { ServicePrincipal: 'securityhub.amazonaws.com' })).toBe('ConstraintViolationException:POLICY_TYPE_ENABLED_FOR_THIS_SERVICE');
  });
});

describe('delegated administrators', () => {
  it('register checks in order (R-142)', () => {
    const world = TestWorld.withJuan();
    expect(world.outcome('RegisterDelegatedAdministrator', BILL, { AccountId: 'x', ServicePrincipal: SSO })).toBe('InvalidInputException:INVALID_PATTERN:ACCOUNT_ID');
    expect(world.outcome('RegisterDelegatedAdministrator', JUAN, { AccountId: JUAN, ServicePrincipal: SSO })).toBe('AccessDeniedException');
    expect(world.outcome('RegisterDelegatedAdministrator', BILL, { AccountId: JUAN, ServicePrincipal: 'ds.amazonaws.com' })).toBe('InvalidInputException:UNRECOGNIZED_SERVICE_PRINCIPAL');
    expect(world.outcome('RegisterDelegatedAdministrator', BILL, { AccountId: ANIKA, ServicePrincipal: SSO })).toBe('AccountNotFoundException');
    expect(world.outcome('RegisterDelegatedAdministrator', BILL, { AccountId: BILL, ServicePrincipal: SSO })).toBe('ConstraintViolationException:CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR');
    expect(world.outcome('RegisterDelegatedAdministrator', BILL, { AccountId: JUAN, ServicePrincipal: SSO })).toBe('ConstraintViolationException:SERVICE_ACCESS_NOT_ENABLED');
    world.call('EnableAWSServiceAccess', BILL, { ServicePrincipal: SSO });
    expect(world.outcome('RegisterDelegatedAdministrator', BILL, { AccountId: JUAN, ServicePrincipal: SSO })).toBe('ok');
    expect(world.outcome('RegisterDelegatedAdministrator', BILL, { AccountId: JUAN, ServicePrincipal: SSO })).toBe('AccountAlreadyRegisteredException');
  });

  it('a delegate reads the organization as its management account does, and changes nothing (R-138 to R-141)', () => {
    const world = withDelegate();
    const invited = world.invite({ Id: 'anika@example.com', Type: 'EMAIL' });
    expect(world.call('ListHandshakesForOrganization', JUAN).Handshakes.map((h: { Id: string }) => h.Id)).toEqual(world.call('ListHandshakesForOrganization', BILL).Handshakes.map((h: { Id: string }) => h.Id));
    expect(world.call('DescribeHandshake', JUAN, { HandshakeId: invited }).Handshake.Id).toBe(invited);
    expect(world.call('ListAccounts', JUAN).Accounts).toHaveLength(2);
    expect(world.call('ListRoots', JUAN).Roots[0].Id).toBe('r-exam');
    expect(world.call('DescribeAccount', JUAN, { AccountId: BILL }).Account.Id).toBe(BILL);
    for (const [op, input] of [
      ['InviteAccountToOrganization', { Target: { Id: 'x@example.com', Type: 'EMAIL' } }],
      ['CancelHandshake', { HandshakeId: invited }],
      ['CreateOrganizationalUnit', { ParentId: 'r-exam', Name: 'x' }],
      ['EnableAWSServiceAccess', { ServicePrincipal: SSO }],
    ] as const) {
      expect(world.outcome(op, JUAN, input), op).toBe('AccessDeniedException');
    }
    // Leaving or being removed waits for the deregistration.
    expect(world.outcome('LeaveOrganization', JUAN)).toBe('ConstraintViolationException:CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG');
    expect(world.outcome('RemoveAccountFromOrganization', BILL, { AccountId: JUAN })).toBe('ConstraintViolationException:CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG');
    world.call('DeregisterDelegatedAdministrator', BILL, { AccountId: JUAN, ServicePrincipal: SSO });
    expect(world.outcome('ListHandshakesForOrganization', JUAN)).toBe('AccessDeniedException');
    expect(world.outcome('DeregisterDelegatedAdministrator', BILL, { AccountId: JUAN, ServicePrincipal: SSO })).toBe('AccountNotRegisteredException');
  });

  it('lists: each account once with its earliest date, or narrowed to a service; the services of an account (R-144, R-145)', () => {
    const world = withDelegate();
    const first = world.now / 1000;
    world.now += 60_000;
    world.call('EnableAWSServiceAccess', BILL, { ServicePrincipal: 'guardduty.amazonaws.com' });
    world.call('RegisterDelegatedAdministrator', BILL, { AccountId: JUAN, ServicePrincipal: 'guardduty.amazonaws.com' });
    const all = world.call('ListDelegatedAdministrators', BILL).DelegatedAdministrators;
    expect(all).toEqual([expect.objectContaining({ Id: JUAN, State: 'ACTIVE', Status: 'ACTIVE', DelegationEnabledDate: first })]);
    expect(world.call('ListDelegatedAdministrators', JUAN, { ServicePrincipal: 'guardduty.amazonaws.com' }).DelegatedAdministrators[0].DelegationEnabledDate).toBe(first + 60);
    expect(world.call('ListDelegatedServicesForAccount', BILL, { AccountId: JUAN }).DelegatedServices.map((s: { ServicePrincipal: string }) => s.ServicePrincipal)).toEqual([SSO, 'guardduty.amazonaws.com']);
    expect(world.outcome('ListDelegatedServicesForAccount', BILL, { AccountId: BILL })).toBe('AccountNotRegisteredException');
    expect(world.outcome('ListDelegatedServicesForAccount', BILL, { AccountId: ANIKA })).toBe('AccountNotFoundException');
    expect(world.outcome('ListDelegatedAdministrators', BILL, { ServicePrincipal: 'nope.amazonaws.com' })).toBe('InvalidInputException:UNRECOGNIZED_SERVICE_PRINCIPAL');
  });
});
