// Joining and leaving an organization: the one place an account's membership changes,
// with the membership events AWS logs for it.
import { AccountJoinedMethod } from '../model/enums.js';
import type { AccountRecord, OrganizationRecord, OrgState, Tag } from '../model/types.js';
import { cancelPendingApprovals } from './all-features.js';
import { nowSeconds, type ServiceContext } from './context.js';
import { recordMembership } from './events.js';
import { findOrganization } from './world.js';
import { attachDefault, dropTarget } from './attachments.js';

/** Moves the account into `org` as an invited member, with the invitation's tags. */
export function join(state: OrgState, account: AccountRecord, org: OrganizationRecord, stagedTags: Tag[], ctx: ServiceContext): void {
  if (account.OrganizationId && account.OrganizationId !== org.Id) depart(state, account, 'Left', ctx);
  account.OrganizationId = org.Id;
  delete account.ParentId; // an invited account joins under the root (organization.md R-189)
  account.JoinedMethod = AccountJoinedMethod.INVITED;
  account.JoinedTimestamp = nowSeconds(ctx);
  account.Tags = structuredClone(stagedTags);
  attachDefault(org, account.Id);
  recordMembership(state, ctx, { joined: true, accountId: account.Id, organizationId: org.Id, managementAccountId: org.MasterAccountId, method: 'Invited' });
}

/** The account becomes standalone; its tags go, and so does any approval it still owed. */
export function depart(state: OrgState, account: AccountRecord, method: 'Left' | 'Removed', ctx: ServiceContext): void {
  const org = findOrganization(state, account.OrganizationId);
  cancelPendingApprovals(state, account.Id, nowSeconds(ctx));
  delete account.OrganizationId;
  delete account.JoinedMethod;
  delete account.JoinedTimestamp;
  delete account.ParentId;
  account.Tags = [];
  if (org) dropTarget(org, account.Id);
  if (org) recordMembership(state, ctx, { joined: false, accountId: account.Id, organizationId: org.Id, managementAccountId: org.MasterAccountId, method });
}
