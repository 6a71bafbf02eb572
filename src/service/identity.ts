// Who signs a call (organization.md ): a profile's IAM user, a profile that
// stands for a role, or a session AssumeRole issued. GetCallerIdentity shows it; AssumeRole's
// trust and its error message name it.
import { CHAINED_SESSION_SECONDS } from '../model/limits.js';
import type { OrgState, Profile, RoleRecord, RoleSession } from '../model/types.js';

export interface Principal {
  Account: string;
  Arn: string;
  UserId: string;
  /** The role, when the principal is an assumed-role session: AssumeRole from it is role chaining. */
  RoleArn?: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * `prefix` and 17 characters of [A-Z2-7] worked out from `seed` (FNV-1a, stirred per character),
 * so that the same account and name give the same id in every run and every log.
 */
export function stableId(prefix: string, seed: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; i < 17; i++) {
    hash = Math.imul(hash ^ (hash >>> 15) ^ i, 0x2c1b3c6d) >>> 0;
    out += BASE32[hash % 32];
  }
  return prefix + out;
}

export const roleArn = (accountId: string, roleName: string) => `arn:aws:iam::${accountId}:role/${roleName}`;
export const accountRootArn = (accountId: string) => `arn:aws:iam::${accountId}:root`;

/** The account's root user: what a caller with no finer identity is. */
export function rootPrincipal(accountId: string): Principal {
  return { Account: accountId, Arn: accountRootArn(accountId), UserId: accountId };
}

/** An IAM user named after the profile. */
export function userPrincipal(accountId: string, userName: string): Principal {
  return { Account: accountId, Arn: `arn:aws:iam::${accountId}:user/${userName}`, UserId: stableId('AIDA', `${accountId}:${userName}`) };
}

/** A session of `role` named `sessionName` (R-245: no role path in the ARN). */
export function assumedRolePrincipal(role: Pick<RoleRecord, 'AccountId' | 'RoleName' | 'RoleId'>, sessionName: string): Principal {
  return {
    Account: role.AccountId,
    Arn: `arn:aws:sts::${role.AccountId}:assumed-role/${role.RoleName}/${sessionName}`,
    UserId: `${role.RoleId}:${sessionName}`,
    RoleArn: roleArn(role.AccountId, role.RoleName),
  };
}

/** A role as CreateAccount makes it: trusting the management account of the time, sessions of an hour. */
export function newRole(accountId: string, roleName: string, trust: string[], now: number, maxSessionDuration = CHAINED_SESSION_SECONDS): RoleRecord {
  return { AccountId: accountId, RoleName: roleName, RoleId: stableId('AROA', `${accountId}:${roleName}`), Trust: trust, MaxSessionDuration: maxSessionDuration, CreatedTimestamp: now };
}

/** The role Organizations keeps in its accounts (organization.md ), trusting the service itself: nobody assumes it. */
export const ORGANIZATIONS_SERVICE_LINKED_ROLE = 'AWSServiceRoleForOrganizations';

export function serviceLinkedRole(accountId: string, now: number): RoleRecord {
  return newRole(accountId, ORGANIZATIONS_SERVICE_LINKED_ROLE, ['organizations.amazonaws.com'], now);
}

export function findRole(state: OrgState, accountId: string, roleName: string): RoleRecord | undefined {
  // IAM role names are unique regardless of case.
  return (state.Roles ?? []).find((r) => r.AccountId === accountId && r.RoleName.toLowerCase() === roleName.toLowerCase());
}

/** A profile's principal: its role's session when it stands for one (and the role still exists), else its IAM user. */
export function profilePrincipal(state: OrgState, profile: Profile): Principal {
  const role = profile.RoleName === undefined ? undefined : findRole(state, profile.AccountId, profile.RoleName);
  return role ? assumedRolePrincipal(role, profile.Name) : userPrincipal(profile.AccountId, profile.Name);
}

export const sessionPrincipal = (session: RoleSession): Principal => assumedRolePrincipal(session, session.SessionName);

/** The session an access key id names, if AssumeRole issued one. */
export function findSession(state: OrgState, accessKeyId: string): RoleSession | undefined {
  return (state.Sessions ?? []).find((s) => s.AccessKeyId === accessKeyId);
}
