// How a teaching view names an account: by the profile that stands for it, where there is one.
import type { OrgState } from '../model/types.js';

/** The profile a student would pass to act as the account: a named one before `default`. */
export function profileOf(state: OrgState, accountId: string): string | undefined {
  return (state.Profiles.find((p) => p.AccountId === accountId && p.Name !== 'default') ?? state.Profiles.find((p) => p.AccountId === accountId))?.Name;
}

export function nameOf(state: OrgState, accountId: string): string {
  const profile = profileOf(state, accountId);
  return profile ? `${profile} (${accountId})` : accountId;
}
