// STS for rehearsals (organization.md §28): who the caller is, and AssumeRole decided by the
// role registry and its trust, with sessions that expire in world time.
import { describe, expect, it } from 'vitest';
import { assumedRolePrincipal, profilePrincipal, rootPrincipal, stableId, userPrincipal } from './identity.js';
import { putRole } from './roles.js';
import { BILL, DAY_MS, JUAN, SUSAN, T0, TestWorld } from './testing/world.js';

const ROLE = `arn:aws:iam::${JUAN}:role/MigrationRole`;
const bill = userPrincipal(BILL, 'bill');
const juan = userPrincipal(JUAN, 'juan');

function withRole(trust?: string[], max?: number): TestWorld {
  const world = TestWorld.withJuan();
  putRole(world.state, { AccountId: JUAN, RoleName: 'MigrationRole', Trust: trust, MaxSessionDuration: max }, T0 / 1000);
  return world;
}

const failure = (world: TestWorld, principal: ReturnType<typeof userPrincipal>, input: Record<string, unknown>) => {
  try {
    world.callAs('AssumeRole', principal, input);
    return 'ok';
  } catch (error) {
    const e = error as { code: string; message: string; httpStatus: number };
    return `${e.httpStatus} ${e.code}: ${e.message}`;
  }
};

describe('GetCallerIdentity', () => {
  it('names the principal: an IAM user per profile, the root, an assumed role', () => {
    const world = new TestWorld();
    expect(world.callAs('GetCallerIdentity', bill)).toEqual({ UserId: bill.UserId, Account: BILL, Arn: `arn:aws:iam::${BILL}:user/bill` });
    expect(bill.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(world.call('GetCallerIdentity', SUSAN)).toEqual({ UserId: SUSAN, Account: SUSAN, Arn: `arn:aws:iam::${SUSAN}:root` });
    const session = assumedRolePrincipal({ AccountId: JUAN, RoleName: 'R', RoleId: 'AROAEXAMPLE' }, 's1');
    expect(world.callAs('GetCallerIdentity', session)).toEqual({ UserId: 'AROAEXAMPLE:s1', Account: JUAN, Arn: `arn:aws:sts::${JUAN}:assumed-role/R/s1` });
  });

  it('ids are stable for an account and a name, and differ between them', () => {
    expect(stableId('AIDA', `${BILL}:bill`)).toBe(stableId('AIDA', `${BILL}:bill`));
    expect(stableId('AIDA', `${BILL}:bill`)).not.toBe(stableId('AIDA', `${BILL}:default`));
    expect(rootPrincipal(BILL).Arn).toBe(`arn:aws:iam::${BILL}:root`);
  });

  it('a profile that stands for a role signs as a session of it named after the profile', () => {
    const world = withRole();
    expect(profilePrincipal(world.state, { Name: 'ops', AccountId: JUAN, AccessKeyId: 'AKIAORGSIMOPS0000000', RoleName: 'MigrationRole' }).Arn).toBe(`arn:aws:sts::${JUAN}:assumed-role/MigrationRole/ops`);
  });
});

describe('AssumeRole', () => {
  it('issues credentials that expire in world time, and keeps the session', () => {
    const world = withRole();
    const out = world.callAs('AssumeRole', bill, { RoleArn: ROLE, RoleSessionName: 'migrate' });
    expect(out.Credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(out.Credentials.Expiration).toBe(Math.floor(T0 / 1000) + 3600);
    const role = world.state.Roles!.find((r) => r.RoleName === 'MigrationRole')!;
    expect(out.AssumedRoleUser).toEqual({ AssumedRoleId: `${role.RoleId}:migrate`, Arn: `arn:aws:sts::${JUAN}:assumed-role/MigrationRole/migrate` });
    expect(out.PackedPolicySize).toBeUndefined();
    expect(world.state.Sessions).toEqual([expect.objectContaining({ AccessKeyId: out.Credentials.AccessKeyId, AccountId: JUAN, SessionName: 'migrate' })]);
    expect(world.callAs('AssumeRole', bill, { RoleArn: ROLE, RoleSessionName: 'pp', DurationSeconds: 900, Policy: '{}' }).PackedPolicySize).toBeGreaterThan(0);
  });

  it('expired sessions are dropped when the next one is made', () => {
    const world = withRole();
    world.callAs('AssumeRole', bill, { RoleArn: ROLE, RoleSessionName: 'old' });
    world.now += 2 * 3600 * 1000;
    world.callAs('AssumeRole', bill, { RoleArn: ROLE, RoleSessionName: 'new' });
    expect(world.state.Sessions!.map((s) => s.SessionName)).toEqual(['new']);
  });

  it('refuses alike a role that does not trust the caller, one that does not exist, an unknown account and a closed one (R-248)', () => {
    const world = withRole();
    const denied = (arn: string, who = juan) => `403 AccessDenied: User: ${who.Arn} is not authorized to perform: sts:AssumeRole on resource: ${arn}`;
    expect(failure(world, juan, { RoleArn: ROLE, RoleSessionName: 'self' })).toBe(denied(ROLE));
    expect(failure(world, bill, { RoleArn: `arn:aws:iam::${JUAN}:role/Nope`, RoleSessionName: 'ab' })).toBe(denied(`arn:aws:iam::${JUAN}:role/Nope`, bill));
    expect(failure(world, bill, { RoleArn: 'arn:aws:iam::999999999999:role/MigrationRole', RoleSessionName: 'ab' })).toBe(denied('arn:aws:iam::999999999999:role/MigrationRole', bill));
    expect(failure(world, bill, { RoleArn: 'not-an-arn-but-long-enough', RoleSessionName: 'ab' })).toBe(denied('not-an-arn-but-long-enough', bill));
    world.state.Accounts.find((a) => a.Id === JUAN)!.State = 'CLOSED';
    expect(failure(world, bill, { RoleArn: ROLE, RoleSessionName: 'ab' })).toBe(denied(ROLE, bill));
  });

  it('a trust entry for one principal admits that principal only; a role name matches in any case', () => {
    const world = withRole([bill.Arn]);
    expect(failure(world, bill, { RoleArn: `arn:aws:iam::${JUAN}:role/migrationrole`, RoleSessionName: 'ab' })).toBe('ok');
    expect(failure(world, userPrincipal(BILL, 'default'), { RoleArn: ROLE, RoleSessionName: 'ab' })).toMatch(/^403 AccessDenied/);
  });

  it("durations: 900 to the role's maximum; an hour at most when chaining (R-247, R-251)", () => {
    const world = withRole([`arn:aws:iam::${BILL}:root`, ROLE], 7200);
    expect(failure(world, bill, { RoleArn: ROLE, RoleSessionName: 'ab', DurationSeconds: 7200 })).toBe('ok');
    expect(failure(world, bill, { RoleArn: ROLE, RoleSessionName: 'ab', DurationSeconds: 7201 })).toBe('400 ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const session = world.state.Sessions![0]!;
    const chained = assumedRolePrincipal(session, session.SessionName);
    expect(failure(world, chained, { RoleArn: ROLE, RoleSessionName: 'ab', DurationSeconds: 3601 })).toBe('400 ValidationError: The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    expect(failure(world, chained, { RoleArn: ROLE, RoleSessionName: 'ab' })).toBe('ok');
  });

  it('input the service refuses, every broken constraint in one message (R-243)', () => {
    const world = withRole();
    expect(failure(world, bill, { RoleArn: ROLE, RoleSessionName: 'a b' })).toBe(
      "400 ValidationError: 1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
    expect(failure(world, bill, { RoleArn: ROLE, RoleSessionName: 'x', DurationSeconds: 0 })).toBe(
      "400 ValidationError: 2 validation errors detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2; Value '0' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
    expect(failure(world, bill, { RoleSessionName: 'ab' })).toBe("400 ValidationError: 1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
  });

  it('a role CreateAccount made trusts the management account of that time, not a later one', () => {
    const world = new TestWorld();
    const id = world.call('CreateAccount', BILL, { Email: 'new@example.com', AccountName: 'New' }).CreateAccountStatus.Id;
    world.now += DAY_MS;
    const created = world.call('DescribeCreateAccountStatus', BILL, { CreateAccountRequestId: id }).CreateAccountStatus.AccountId;
    const arn = `arn:aws:iam::${created}:role/OrganizationAccountAccessRole`;
    expect(failure(world, bill, { RoleArn: arn, RoleSessionName: 'ab' })).toBe('ok');
    expect(failure(world, userPrincipal(SUSAN, 'susan'), { RoleArn: arn, RoleSessionName: 'ab' })).toMatch(/^403 AccessDenied/);
  });
});
