// Profiles stand in for the accounts a rehearsal plays: who each one is in the world.
import { AccountState } from '../model/enums.js';
import { ACCOUNT_ID_PATTERN, accessKeyIdFor, EMAIL_MAX, EMAIL_MIN, EMAIL_PATTERN } from '../model/ids.js';
import type { AccountRecord, OrgState, Profile } from '../model/types.js';
import { findAccount, isManagementAccount, sameEmail } from './world.js';
import { findRole } from './identity.js';

export type Role = 'MANAGEMENT_ACCOUNT' | 'MEMBER_ACCOUNT' | 'STANDALONE';

export interface ProfileView {
  Name: string;
  AccountId: string;
  Email: string;
  Role: Role;
  AccessKeyId: string;
}

export function roleOf(state: OrgState, accountId: string): Role {
  if (isManagementAccount(state, accountId)) return 'MANAGEMENT_ACCOUNT';
  return findAccount(state, accountId)?.OrganizationId ? 'MEMBER_ACCOUNT' : 'STANDALONE';
}

export function listProfiles(state: OrgState): ProfileView[] {
  return state.Profiles.map((p) => ({
    Name: p.Name,
    AccountId: p.AccountId,
    Email: findAccount(state, p.AccountId)?.Email ?? '',
    Role: roleOf(state, p.AccountId),
    AccessKeyId: p.AccessKeyId,
  }));
}

/** A ~/.aws/credentials file with one section per profile, for the real AWS CLI and SDKs. */
export function awsCredentialsFile(state: OrgState): string {
  return state.Profiles.map(
    (p) => `[${p.Name}]\naws_access_key_id = ${p.AccessKeyId}\naws_secret_access_key = orgsim-does-not-check-signatures\n`,
  ).join('\n');
}

/** An edit of the world's cast that cannot be made (the command line reports it as a usage error). */
export class CastEditRefused extends Error {}

const PROFILE_NAME = /^[A-Za-z0-9_.+@-]{1,64}$/;

/** A profile standing for an account of the world: it signs as that account's IAM user, or as a session of `roleName` there. */
export function addProfile(state: OrgState, name: string, accountId: string, roleName?: string): Profile {
  if (!PROFILE_NAME.test(name)) throw new CastEditRefused(`A profile name is 1 to 64 letters, digits or _.+@- (not '${name}').`);
  if (state.Profiles.some((p) => p.Name === name)) throw new CastEditRefused(`The profile ${name} exists already.`);
  if (!findAccount(state, accountId)) throw new CastEditRefused(`There is no account ${accountId} in the world ('orgsim accounts' lists them).`);
  const role = roleName === undefined ? undefined : findRole(state, accountId, roleName);
  if (roleName !== undefined && !role) throw new CastEditRefused(`The account ${accountId} has no role ${roleName} ('orgsim roles put' makes one).`);
  const profile: Profile = { Name: name, AccountId: accountId, AccessKeyId: accessKeyIdFor(name, new Set(state.Profiles.map((p) => p.AccessKeyId))), ...(role ? { RoleName: role.RoleName } : {}) };
  state.Profiles.push(profile);
  return profile;
}

/** A standalone account (a rehearsal's own cast), with a profile that stands for it. */
export function addAccount(state: OrgState, account: { Id: string; Name: string; Email: string }, profileName: string, now: number): AccountRecord {
  if (!ACCOUNT_ID_PATTERN.test(account.Id)) throw new CastEditRefused(`An account id is 12 digits (not '${account.Id}').`);
  if (findAccount(state, account.Id)) throw new CastEditRefused(`The account ${account.Id} exists already.`);
  const name = Array.from(account.Name).length;
  if (name < 1 || name > 50) throw new CastEditRefused('An account name is 1 to 50 characters.');
  if (!EMAIL_PATTERN.test(account.Email) || account.Email.length < EMAIL_MIN || account.Email.length > EMAIL_MAX) throw new CastEditRefused(`'${account.Email}' is not an e-mail address AWS accepts.`);
  if (state.Accounts.some((a) => sameEmail(a.Email, account.Email))) throw new CastEditRefused(`Another account has the e-mail address ${account.Email}.`);
  const record: AccountRecord = { Id: account.Id, Name: account.Name, Email: account.Email, State: AccountState.ACTIVE, CreatedTimestamp: now, Tags: [] };
  state.Accounts.push(record);
  addProfile(state, profileName, record.Id);
  return record;
}

export interface AccountSummary {
  Id: string;
  Name: string;
  Email: string;
  State: string;
  OrganizationId: string;
  Profiles: string;
}

export function listWorldAccounts(state: OrgState): AccountSummary[] {
  return state.Accounts.map((a) => ({
    Id: a.Id,
    Name: a.Name,
    Email: a.Email,
    State: a.State,
    OrganizationId: a.OrganizationId ?? '',
    Profiles: state.Profiles.filter((p) => p.AccountId === a.Id).map((p) => p.Name).join(','),
  }));
}
