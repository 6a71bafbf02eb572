// LeaveOrganization, RemoveAccountFromOrganization and DescribeAccount.
import { AccountJoinedMethod } from '../model/enums.js';
import { OrganizationsError, reasonError } from '../model/errors.js';
import { ACCOUNT_ID_PATTERN } from '../model/ids.js';
import type { Account, AccountRecord, OrganizationRecord, OrgState } from '../model/types.js';
import { CREATED_ACCOUNT_WAIT_SECONDS } from '../model/limits.js';
import { addSeconds, nowSeconds, type ServiceContext } from './context.js';
import { requireMatching, type Request } from './input.js';
import { depart } from './membership.js';
import { accountView } from './tree.js';
import { findAccount, managedOrganization, organizationOf, readableOrganization } from './world.js';

const requireAccountId = (input: Request): string => requireMatching(input, 'AccountId', 'ACCOUNT_ID', ACCOUNT_ID_PATTERN);

/** A created account must stay four days before it can leave; invited accounts need not. */
function checkWaitPeriod(account: AccountRecord, now: number): void {
  if (account.JoinedMethod === AccountJoinedMethod.CREATED && now < addSeconds(account.CreatedTimestamp, CREATED_ACCOUNT_WAIT_SECONDS)) {
    throw reasonError('ConstraintViolationException', 'WAIT_PERIOD_ACTIVE');
  }
}

/** A delegated administrator must be deregistered before it goes (transfer-and-delegation.md R-148). */
function checkNotDelegate(state: OrgState, org: OrganizationRecord, account: AccountRecord): void {
  if ((org.DelegatedAdministrators ?? []).some((d) => d.AccountId === account.Id)) throw reasonError('ConstraintViolationException', 'CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG');
}

function memberOf(state: OrgState, org: OrganizationRecord, accountId: string): AccountRecord {
  const account = findAccount(state, accountId);
  if (!account || account.OrganizationId !== org.Id) throw new OrganizationsError('AccountNotFoundException');
  return account;
}

export function leaveOrganization(state: OrgState, _input: Request, ctx: ServiceContext): object {
  const org = organizationOf(state, ctx.caller);
  if (!org) throw new OrganizationsError('AWSOrganizationsNotInUseException');
  if (org.MasterAccountId === ctx.caller) throw new OrganizationsError('MasterCannotLeaveOrganizationException');
  const account = memberOf(state, org, ctx.caller);
  checkNotDelegate(state, org, account);
  checkWaitPeriod(account, nowSeconds(ctx));
  depart(state, account, 'Left', ctx);
  return {};
}

export function removeAccountFromOrganization(state: OrgState, input: Request, ctx: ServiceContext): object {
  const accountId = requireAccountId(input);
  const org = managedOrganization(state, ctx.caller);
  if (accountId === org.MasterAccountId) throw reasonError('ConstraintViolationException', 'ACCOUNT_CANNOT_LEAVE_ORGANIZATION');
  const account = memberOf(state, org, accountId);
  checkNotDelegate(state, org, account);
  checkWaitPeriod(account, nowSeconds(ctx));
  depart(state, account, 'Removed', ctx);
  return {};
}

export function describeAccount(state: OrgState, input: Request, ctx: ServiceContext): { Account: Account } {
  const accountId = requireAccountId(input);
  const org = readableOrganization(state, ctx.caller);
  return { Account: accountView(org, memberOf(state, org, accountId)) };
}
