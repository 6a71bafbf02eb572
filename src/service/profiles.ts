// Profiles stand in for the accounts a rehearsal plays: who each one is in the world.
import type { OrgState } from '../model/types.js';
import { findAccount, isManagementAccount } from './world.js';

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
