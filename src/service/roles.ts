// The accounts' roles (organization.md R-248): made by CreateAccount in the accounts it creates,
// and by a rehearsal (orgsim roles put) for the role names its scripts use. IAM itself is not
// simulated: a role is a name, a stable id, whom it trusts and how long its sessions may last.
import { ROLE_NAME_PATTERN } from '../model/ids.js';
import { MAX_SESSION_SECONDS, MIN_SESSION_SECONDS } from '../model/limits.js';
import type { OrgState, RoleRecord } from '../model/types.js';
import { accountRootArn, findRole, newRole, roleArn } from './identity.js';
import { CastEditRefused } from './profiles.js';
import { findAccount, organizationOf } from './world.js';

const TRUSTED = /^arn:aws:(?:iam|sts)::\d{12}:\S+$/;

export interface RoleEdit {
  AccountId: string;
  RoleName: string;
  /** Account ids (each stands for its root, every principal of it) or principal ARNs; absent: the account's management account. */
  Trust?: string[];
  MaxSessionDuration?: number;
}

/** Creates the role, or replaces the trust and session length of the one of that name. */
export function putRole(state: OrgState, edit: RoleEdit, now: number): RoleRecord {
  if (!findAccount(state, edit.AccountId)) throw new CastEditRefused(`There is no account ${edit.AccountId} in the world ('orgsim accounts' lists them).`);
  if (!ROLE_NAME_PATTERN.test(edit.RoleName)) throw new CastEditRefused(`A role name is 1 to 64 letters, digits or +=,.@_- (not '${edit.RoleName}').`);
  const trust = (edit.Trust ?? [accountRootArn(organizationOf(state, edit.AccountId)?.MasterAccountId ?? edit.AccountId)]).map((t) => (/^\d{12}$/.test(t) ? accountRootArn(t) : t));
  const bad = trust.find((t) => !TRUSTED.test(t));
  if (bad !== undefined) throw new CastEditRefused(`A trusted principal is an account id or an ARN such as arn:aws:iam::111111111111:root (not '${bad}').`);
  const max = edit.MaxSessionDuration;
  if (max !== undefined && !(Number.isInteger(max) && max >= MIN_SESSION_SECONDS && max <= MAX_SESSION_SECONDS)) {
    throw new CastEditRefused(`A role's maximum session is ${MIN_SESSION_SECONDS} to ${MAX_SESSION_SECONDS} seconds (not ${max}).`);
  }
  const existing = findRole(state, edit.AccountId, edit.RoleName);
  if (existing) {
    existing.Trust = trust;
    if (max !== undefined) existing.MaxSessionDuration = max;
    return existing;
  }
  const role = newRole(edit.AccountId, edit.RoleName, trust, now, max);
  (state.Roles ??= []).push(role);
  return role;
}

export function removeRole(state: OrgState, accountId: string, roleName: string): RoleRecord {
  const role = findRole(state, accountId, roleName);
  if (!role) throw new CastEditRefused(`The account ${accountId} has no role ${roleName} ('orgsim roles' lists them).`);
  state.Roles = state.Roles!.filter((r) => r !== role);
  // Its sessions end with it; a profile that stood for it acts as its IAM user again.
  state.Sessions = (state.Sessions ?? []).filter((s) => !(s.AccountId === role.AccountId && s.RoleName === role.RoleName));
  return role;
}

export interface RoleView {
  AccountId: string;
  RoleName: string;
  Arn: string;
  RoleId: string;
  Trust: string[];
  MaxSessionDuration: number;
}

export function roleView(r: RoleRecord): RoleView {
  return { AccountId: r.AccountId, RoleName: r.RoleName, Arn: roleArn(r.AccountId, r.RoleName), RoleId: r.RoleId, Trust: [...r.Trust], MaxSessionDuration: r.MaxSessionDuration };
}

export function listRoles(state: OrgState): RoleView[] {
  return (state.Roles ?? []).map(roleView);
}
