// CreateAccount and its asynchronous status (organization.md ): the request answers
// IN_PROGRESS; at its completion time (now, unless a world delays it) it turns SUCCEEDED, and the
// account joins under the root with the role the request named, or FAILED with its reason.
import { CreateAccountFailureReason, CreateAccountState, IAMUserAccessToBilling } from '../model/enums.js';
import { invalidInput, OrganizationsError } from '../model/errors.js';
import { CREATE_ACCOUNT_NAME_PATTERN, CREATE_ACCOUNT_REQUEST_ID_PATTERN, EMAIL_MAX, EMAIL_MIN, EMAIL_PATTERN, ROLE_NAME_PATTERN } from '../model/ids.js';
import { DEFAULT_ACCESS_ROLE, MAX_CREATE_ACCOUNT_IN_PROGRESS } from '../model/limits.js';
import type { CreateAccountRequestRecord, OrganizationRecord, OrgState } from '../model/types.js';
import type { CreateAccountStatus } from '../model/generated/organizations-types.js';
import { nowSeconds, type ServiceContext } from './context.js';
import { nextSequence } from './ids.js';
import { requireMatching, type Request } from './input.js';
import { pendingInvitationCount } from './invite.js';
import { Paging } from './pages.js';
import { requestsOf } from './account-settling.js';
import { checkTagList, mergeTags } from './tags.js';
import { findAccount, managedOrganization, members, sameEmail, readableOrganization } from './world.js';


function statusView(request: CreateAccountRequestRecord): CreateAccountStatus {
  const done = request.State !== CreateAccountState.IN_PROGRESS;
  return {
    Id: request.Id,
    AccountName: request.AccountName,
    State: request.State,
    RequestedTimestamp: request.RequestedTimestamp,
    ...(done ? { CompletedTimestamp: request.CompletesTimestamp } : {}),
    ...(request.State === CreateAccountState.SUCCEEDED ? { AccountId: request.AccountId } : {}),
    ...(request.State === CreateAccountState.FAILED ? { FailureReason: request.FailureReason } : {}),
  };
}

function checkInput(input: Request): { name: string; email: string; roleName: string } {
  if (input.Email === undefined || input.Email === null) throw invalidInput('INPUT_REQUIRED', 'EMAIL');
  if (input.AccountName === undefined || input.AccountName === null) throw invalidInput('INPUT_REQUIRED', 'ACCOUNT_NAME');
  const name = String(input.AccountName);
  if (name.length > 50) throw invalidInput('MAX_LENGTH_EXCEEDED', 'ACCOUNT_NAME');
  if (!CREATE_ACCOUNT_NAME_PATTERN.test(name)) throw invalidInput('INVALID_PATTERN', 'ACCOUNT_NAME');
  const email = String(input.Email);
  if (!EMAIL_PATTERN.test(email) || email.length < EMAIL_MIN || email.length > EMAIL_MAX) throw invalidInput('INVALID_PATTERN', 'EMAIL');
  const roleName = input.RoleName === undefined || input.RoleName === null ? DEFAULT_ACCESS_ROLE : String(input.RoleName);
  if (!ROLE_NAME_PATTERN.test(roleName)) throw invalidInput('INVALID_PATTERN', 'ROLE_NAME');
  if (roleName.startsWith('AWSServiceRoleFor')) throw invalidInput('INVALID_ROLE_NAME');
  const billing = input.IamUserAccessToBilling;
  if (billing !== undefined && billing !== null && !Object.values(IAMUserAccessToBilling).includes(billing as IAMUserAccessToBilling)) {
    throw invalidInput('INVALID_ENUM', 'IAM_USER_ACCESS_TO_BILLING');
  }
  return { name, email, roleName };
}

/**
 * Why the request will fail, decided as it is made: an e-mail address any account of the
 * world has (closed ones included), or an organization that would go over its account quota.
 */
function failureOf(state: OrgState, org: OrganizationRecord, email: string): CreateAccountFailureReason | undefined {
  if (state.Accounts.some((a) => sameEmail(a.Email, email))) return CreateAccountFailureReason.EMAIL_ALREADY_EXISTS;
  const inProgress = requestsOf(org).filter((r) => r.State === CreateAccountState.IN_PROGRESS && !r.FailureReason).length;
  if (members(state, org.Id).length + pendingInvitationCount(state, org) + inProgress + 1 > org.Quotas.Accounts) return CreateAccountFailureReason.ACCOUNT_LIMIT_EXCEEDED;
  return undefined;
}

/** A new account id: the generator's, drawn again while another account (or request) has it. */
function newAccountId(state: OrgState, ctx: ServiceContext): string {
  const taken = (id: string) => findAccount(state, id) !== undefined || state.Organizations.some((o) => requestsOf(o).some((r) => r.AccountId === id));
  let id = ctx.ids.accountId(nextSequence(state));
  while (taken(id)) id = ctx.ids.accountId(nextSequence(state));
  return id;
}

export function createAccount(state: OrgState, input: Request, ctx: ServiceContext): { CreateAccountStatus: CreateAccountStatus } {
  const { name, email, roleName } = checkInput(input);
  const tags = input.Tags === undefined || input.Tags === null ? [] : mergeTags([], checkTagList(input.Tags));
  const org = managedOrganization(state, ctx.caller);
  const inProgress = requestsOf(org).filter((r) => r.State === CreateAccountState.IN_PROGRESS);
  // five at a time, and never two for one address (seen as ConcurrentModificationException).
  if (inProgress.length >= MAX_CREATE_ACCOUNT_IN_PROGRESS || inProgress.some((r) => sameEmail(r.Email, email))) throw new OrganizationsError('ConcurrentModificationException');
  const now = nowSeconds(ctx);
  const failure = failureOf(state, org, email);
  const sequence = nextSequence(state);
  const request: CreateAccountRequestRecord = {
    Id: ctx.ids.createAccountRequestId(sequence),
    AccountName: name,
    Email: email,
    RoleName: roleName,
    Tags: tags,
    State: CreateAccountState.IN_PROGRESS,
    RequestedTimestamp: now,
    CompletesTimestamp: now + (state.Delays?.CreateAccountSeconds ?? 0),
    ...(failure ? { FailureReason: failure } : { AccountId: newAccountId(state, ctx) }),
    Sequence: sequence,
  };
  (org.CreateAccountRequests ??= []).push(request);
  return { CreateAccountStatus: statusView(request) };
}

export function describeCreateAccountStatus(state: OrgState, input: Request, ctx: ServiceContext): { CreateAccountStatus: CreateAccountStatus } {
  const id = requireMatching(input, 'CreateAccountRequestId', 'CREATE_ACCOUNT_REQUEST_ID', CREATE_ACCOUNT_REQUEST_ID_PATTERN);
  const org = readableOrganization(state, ctx.caller);
  const request = requestsOf(org).find((r) => r.Id === id);
  if (!request) throw new OrganizationsError('CreateAccountStatusNotFoundException');
  return { CreateAccountStatus: statusView(request) };
}

/** Newest first (R-199, a proposal like the handshakes' order); `States` narrows them. */
export function listCreateAccountStatus(state: OrgState, input: Request, ctx: ServiceContext): object {
  const states = input.States;
  if (states !== undefined && states !== null) {
    if (!Array.isArray(states) || states.some((s) => !Object.values(CreateAccountState).includes(s as CreateAccountState))) throw invalidInput('INVALID_LIST_MEMBER', 'STATES');
  }
  const paging = new Paging('ListCreateAccountStatus', input);
  const filter = Array.isArray(states) && states.length ? [...new Set(states as string[])].sort() : null;
  const cursor = paging.cursor(filter);
  const org = readableOrganization(state, ctx.caller);
  const wanted = requestsOf(org)
    .filter((r) => !filter || filter.includes(r.State))
    .sort((a, b) => b.Sequence - a.Sequence);
  return paging.respond(wanted, (r) => [r.Sequence, r.Id], cursor, filter, statusView);
}
