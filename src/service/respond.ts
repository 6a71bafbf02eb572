// AcceptHandshake, DeclineHandshake, CancelHandshake and DescribeHandshake.
// Checks run in the order the service uses: id → existence → role → state → effects.
import { AccountJoinedMethod, ActionType, HandshakePartyType, HandshakeState, OrganizationFeatureSet } from '../model/enums.js';
import { OrganizationsError, reasonError } from '../model/errors.js';
import type { AccountRecord, HandshakeOutput, HandshakeRecord, OrganizationRecord, OrgState } from '../model/types.js';
import { cancelChildren, isParent, reevaluateParent } from './all-features.js';
import { findRole, ORGANIZATIONS_SERVICE_LINKED_ROLE, serviceLinkedRole } from './identity.js';
import { CREATED_ACCOUNT_WAIT_SECONDS, NEW_ORGANIZATION_WAIT_SECONDS } from '../model/limits.js';
import { addSeconds, nowSeconds, type ServiceContext } from './context.js';
import { requireHandshakeId, type Request } from './input.js';
import { join } from './membership.js';
import { TRANSFER_PROPOSALS } from '../model/transfer-proposals.js';
import { acceptTransfer, endTransfer } from './transfer-records.js';
import { TARGET_STATE, TRANSITIONS, type Response } from '../model/transitions.js';
import { findAccount, findHandshake as findHandshakeById, findOrganization, isManagementAccount, isRecipient, isSender, isDelegatedAdministrator, managedOrganization, members, parentHandshakeId } from './world.js';

export type { HandshakeOutput } from '../model/types.js';

function checkTransition(state: HandshakeState, response: Response): void {
  const outcome = TRANSITIONS[state][response];
  if (outcome !== 'ok') throw new OrganizationsError(outcome);
}

function findHandshake(state: OrgState, input: Request): HandshakeRecord {
  const id = requireHandshakeId(input);
  const record = findHandshakeById(state, id);
  if (!record) throw new OrganizationsError('HandshakeNotFoundException');
  return record;
}

function output(record: HandshakeRecord): HandshakeOutput {
  return { Handshake: structuredClone(record.Handshake) };
}

function mayRespond(state: OrgState, record: HandshakeRecord, caller: string, response: Response): boolean {
  return response === 'cancel' ? isSender(state, record, caller) : isRecipient(state, record, caller);
}

function close(record: HandshakeRecord, response: Response, now: number): void {
  record.Handshake.State = TARGET_STATE[response];
  record.EndedTimestamp = now;
}

function respond(state: OrgState, input: Request, ctx: ServiceContext, response: Response): HandshakeOutput {
  const record = findHandshake(state, input);
  if (!mayRespond(state, record, ctx.caller, response)) throw new OrganizationsError('AccessDeniedException');
  const transfer = record.Handshake.Action === ActionType.TRANSFER_RESPONSIBILITY;
  // Whether the recipient is a management account is part of who may answer, so it comes
  // before the state: a member is denied, a standalone account has no organization to give a bill from.
  const source = transfer && (response === 'accept' || (response === 'decline' && !TRANSFER_PROPOSALS.anyRecipientMayDecline)) ? managedOrganization(state, ctx.caller) : undefined;
  checkTransition(record.Handshake.State, response);
  const now = nowSeconds(ctx);
  if (response === 'accept' && record.Handshake.Action === ActionType.INVITE) acceptInvitation(state, record, ctx, now);
  else if (isParent(record)) respondToMigration(state, record, response, now);
  else if (transfer) {
    if (response === 'accept') acceptTransfer(state, record, source!);
    else endTransfer(state, record, response);
    close(record, response, now);
    if (response === 'accept') bindRecipient(record, ctx.caller);
  } else {
    close(record, response, now);
    // Accepting recreates the role (semantics R-25).
    const member = record.Handshake.Parties.find((p) => p.Type === HandshakePartyType.ACCOUNT)?.Id;
    if (response === 'accept' && record.Handshake.Action === ActionType.ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE && member && !findRole(state, member, ORGANIZATIONS_SERVICE_LINKED_ROLE)) {
      (state.Roles ??= []).push(serviceLinkedRole(member, now));
    }
    const parent = parentHandshakeId(record);
    if (parent) reevaluateParent(state, parent);
  }
  return output(record);
}

/** The management account finalises (only once every approval is in) or abandons the migration. */
function respondToMigration(state: OrgState, record: HandshakeRecord, response: Response, now: number): void {
  if (response === 'accept') {
    if (record.Handshake.State !== HandshakeState.OPEN) throw new OrganizationsError('InvalidHandshakeTransitionException');
    const org = findOrganization(state, record.OrganizationId);
    if (org) org.FeatureSet = OrganizationFeatureSet.ALL;
  } else {
    cancelChildren(state, record.Handshake.Id, now);
  }
  close(record, response, now);
}

/** The accepting account answers for an EMAIL party from now on. */
function bindRecipient(record: HandshakeRecord, accountId: string): void {
  record.Handshake.Parties = record.Handshake.Parties.map((p) =>
    p.Type === HandshakePartyType.EMAIL ? { Id: accountId, Type: HandshakePartyType.ACCOUNT } : p,
  );
}

/** Direct transfer needs a created account at least 4 days old and a receiving organization at least 7. */
function checkTransfer(account: AccountRecord, org: OrganizationRecord, now: number): void {
  const tooNew = (created: number, wait: number) => now < addSeconds(created, wait);
  if ((account.JoinedMethod === AccountJoinedMethod.CREATED && tooNew(account.CreatedTimestamp, CREATED_ACCOUNT_WAIT_SECONDS)) || tooNew(org.CreatedTimestamp, NEW_ORGANIZATION_WAIT_SECONDS)) {
    throw reasonError('ConstraintViolationException', 'WAIT_PERIOD_ACTIVE');
  }
}

function acceptInvitation(state: OrgState, record: HandshakeRecord, ctx: ServiceContext, now: number): void {
  const caller = ctx.caller;
  const account = findAccount(state, caller);
  const org = findOrganization(state, record.OrganizationId);
  if (!account || !org) throw new OrganizationsError('ServiceException');
  if (isManagementAccount(state, caller)) throw new OrganizationsError('MasterCannotLeaveOrganizationException');
  if (account.OrganizationId === org.Id) {
    // Observed on real AWS: the handshake is recorded as accepted, yet the call fails.
    close(record, 'accept', now);
    bindRecipient(record, caller);
    const error = reasonError('HandshakeConstraintViolationException', 'ALREADY_IN_AN_ORGANIZATION');
    error.persistChanges = true;
    throw error;
  }
  if (members(state, org.Id).length + 1 > org.Quotas.Accounts) {
    throw reasonError('HandshakeConstraintViolationException', 'ACCOUNT_NUMBER_LIMIT_EXCEEDED');
  }
  if (account.OrganizationId) checkTransfer(account, org, now);
  join(state, account, org, record.Tags, ctx);
  close(record, 'accept', now);
  bindRecipient(record, caller);
}

export const acceptHandshake = (state: OrgState, input: Request, ctx: ServiceContext) => respond(state, input, ctx, 'accept');
export const declineHandshake = (state: OrgState, input: Request, ctx: ServiceContext) => respond(state, input, ctx, 'decline');
export const cancelHandshake = (state: OrgState, input: Request, ctx: ServiceContext) => respond(state, input, ctx, 'cancel');

export function describeHandshake(state: OrgState, input: Request, ctx: ServiceContext): HandshakeOutput {
  const record = findHandshake(state, input);
  // A delegated administrator of the owning organization reads it as the sender does (R-140, a proposal).
  const org = findOrganization(state, record.OrganizationId);
  const delegate = org !== undefined && findAccount(state, ctx.caller)?.OrganizationId === org.Id && isDelegatedAdministrator(state, org, ctx.caller);
  if (!isSender(state, record, ctx.caller) && !isRecipient(state, record, ctx.caller) && !delegate) {
    throw new OrganizationsError('AccessDeniedException');
  }
  return output(record);
}
