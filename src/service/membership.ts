// Joining an organization: the one place an account's membership changes.
import { AccountJoinedMethod } from '../model/enums.js';
import type { AccountRecord, OrganizationRecord, Tag } from '../model/types.js';

/** Moves the account into `org` as an invited member; tags from a previous organization are lost. */
export function join(account: AccountRecord, org: OrganizationRecord, stagedTags: Tag[], now: number): void {
  account.OrganizationId = org.Id;
  account.JoinedMethod = AccountJoinedMethod.INVITED;
  account.JoinedTimestamp = now;
  account.Tags = structuredClone(stagedTags);
}
