// What world time does to accounts, applied with expiry whenever the world is looked at: a
// CreateAccount request completes (organization.md ), a closure completes and, 90 days
// on, the closed account leaves its organization.
import { AccountJoinedMethod, AccountState, CreateAccountFailureReason, CreateAccountState, OrganizationFeatureSet } from '../model/enums.js';
import { CLOSED_ACCOUNT_RETENTION_SECONDS } from '../model/limits.js';
import type { CreateAccountRequestRecord, OrganizationRecord, OrgState } from '../model/types.js';
import { attachDefault, dropTarget } from './attachments.js';
import { accountRootArn, newRole, serviceLinkedRole } from './identity.js';
import { findAccount, sameEmail } from './world.js';

export const requestsOf = (org: OrganizationRecord): CreateAccountRequestRecord[] => org.CreateAccountRequests ?? [];

/** Completes the requests whose time has come: the account joins, with its role. Returns whether anything changed. */
export function settleCreateAccountRequests(state: OrgState, now: number): boolean {
  let changed = false;
  for (const org of state.Organizations) {
    for (const request of requestsOf(org)) {
      if (request.State !== CreateAccountState.IN_PROGRESS || now < request.CompletesTimestamp) continue;
      changed = true;
      // An address taken meanwhile fails it as one taken before would have.
      const taken = state.Accounts.some((a) => sameEmail(a.Email, request.Email));
      if (request.FailureReason || !request.AccountId || taken) {
        request.State = CreateAccountState.FAILED;
        request.FailureReason ??= CreateAccountFailureReason.EMAIL_ALREADY_EXISTS;
        delete request.AccountId;
        continue;
      }
      const at = request.CompletesTimestamp;
      state.Accounts.push({
        Id: request.AccountId,
        Name: request.AccountName,
        Email: request.Email,
        State: AccountState.ACTIVE,
        CreatedTimestamp: at,
        OrganizationId: org.Id,
        JoinedMethod: AccountJoinedMethod.CREATED,
        JoinedTimestamp: at,
        Tags: request.Tags.map((t) => ({ ...t })),
      });
      attachDefault(org, request.AccountId);
      // Trusting the management account of this moment: it stays so if the account moves on.
      (state.Roles ??= []).push(newRole(request.AccountId, request.RoleName, [accountRootArn(org.MasterAccountId)], at));
      // The service-linked role comes only with all features; a migration adds it later (semantics R-25).
      if (org.FeatureSet === OrganizationFeatureSet.ALL) state.Roles.push(serviceLinkedRole(request.AccountId, at));
      request.State = CreateAccountState.SUCCEEDED;
    }
  }
  return changed;
}

/** Closures that have completed, and closed accounts whose 90 days in the organization are over. Returns whether anything changed. */
export function settleClosures(state: OrgState, now: number): boolean {
  let changed = false;
  // The closures are the organization's short list: the accounts, perhaps thousands, are not scanned.
  for (const org of state.Organizations) {
    if (!org.Closures?.length) continue;
    const kept = [];
    for (const closure of org.Closures) {
      const account = findAccount(state, closure.AccountId);
      if (!account || account.OrganizationId !== org.Id) {
        changed = true;
        continue;
      }
      if (account.State === AccountState.PENDING_CLOSURE && now >= closure.CompletesTimestamp) {
        account.State = AccountState.CLOSED;
        changed = true;
      }
      if (now < closure.RequestedTimestamp + CLOSED_ACCOUNT_RETENTION_SECONDS) {
        kept.push(closure);
        continue;
      }
      dropTarget(org, account.Id);
      delete account.OrganizationId;
      delete account.JoinedMethod;
      delete account.JoinedTimestamp;
      delete account.ParentId;
      changed = true;
    }
    org.Closures = kept;
  }
  return changed;
}
