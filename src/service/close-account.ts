// CloseAccount (organization.md ): the account is PENDING_CLOSURE at once, CLOSED
// when the closure completes (at once, unless a world delays it), and leaves the organization
// 90 days later; its e-mail address is never free again.
import { AccountState, OrganizationFeatureSet } from '../model/enums.js';
import { OrganizationsError, reasonError } from '../model/errors.js';
import { ACCOUNT_ID_PATTERN } from '../model/ids.js';
import { DAY_SECONDS, MAX_CLOSE_ACCOUNT_IN_PROGRESS } from '../model/limits.js';
import type { OrgState } from '../model/types.js';
import { nowSeconds, type ServiceContext } from './context.js';
import { requireMatching, type Request } from './input.js';
import { findAccount, managedOrganization, members } from './world.js';

/** Closures one organization may start in 30 days: the current API text's rule. */
const closeQuota = (memberCount: number) => Math.min(1000, Math.max(250, Math.ceil(0.2 * memberCount)));

export function closeAccount(state: OrgState, input: Request, ctx: ServiceContext): object {
  const id = requireMatching(input, 'AccountId', 'ACCOUNT_ID', ACCOUNT_ID_PATTERN);
  const org = managedOrganization(state, ctx.caller);
  if (org.FeatureSet !== OrganizationFeatureSet.ALL) throw reasonError('ConstraintViolationException', 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE');
  const account = findAccount(state, id);
  if (!account || account.OrganizationId !== org.Id) throw new OrganizationsError('AccountNotFoundException');
  if (account.Id === org.MasterAccountId) throw reasonError('ConstraintViolationException', 'CANNOT_CLOSE_MANAGEMENT_ACCOUNT');
  if (account.State === AccountState.CLOSED || account.State === AccountState.SUSPENDED) throw new OrganizationsError('AccountAlreadyClosedException');
  if (account.State === AccountState.PENDING_CLOSURE) throw new OrganizationsError('ConflictException');
  const all = members(state, org.Id);
  if (all.filter((a) => a.State === AccountState.PENDING_CLOSURE).length >= MAX_CLOSE_ACCOUNT_IN_PROGRESS) {
    throw reasonError('ConstraintViolationException', 'CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED');
  }
  const now = nowSeconds(ctx);
  const recent = (org.Closures ?? []).filter((c) => c.RequestedTimestamp > now - 30 * DAY_SECONDS).length;
  if (recent >= closeQuota(all.length)) throw reasonError('ConstraintViolationException', 'CLOSE_ACCOUNT_QUOTA_EXCEEDED');
  account.State = AccountState.PENDING_CLOSURE;
  (org.Closures ??= []).push({ AccountId: account.Id, RequestedTimestamp: now, CompletesTimestamp: now + (state.Delays?.CloseAccountSeconds ?? 0) });
  return {};
}
