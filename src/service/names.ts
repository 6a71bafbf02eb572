// How a teaching view names an account: by the profile that stands for it, where there is one.
import type { OrgState } from '../model/types.js';

export function nameOf(state: OrgState, accountId: string): string {
  const profile = state.Profiles.find((p) => p.AccountId === accountId && p.Name !== 'default') ?? state.Profiles.find((p) => p.AccountId === accountId);
  return profile ? `${profile.Name} (${accountId})` : accountId;
}
