// AcceptHandshake, DeclineHandshake, CancelHandshake and DescribeHandshake.
// Checks run in the order fixed in cli-behaviour §12: id → existence → role → state → effects.
import { ActionType, HandshakePartyType } from '../model/enums.js';
import { OrganizationsError, reasonError } from '../model/errors.js';
import type { Handshake, HandshakeRecord, OrgState } from '../model/types.js';
import { nowSeconds, type ServiceContext } from './context.js';
import { requireHandshakeId, type Request } from './input.js';
import { join } from './membership.js';
import { checkTransition, TARGET_STATE, type Response } from './transitions.js';
import { findAccount, findOrganization, isManagementAccount, isRecipient, isSender, members } from './world.js';

export interface HandshakeOutput {
  Handshake: Handshake;
}

function findHandshake(state: OrgState, input: Request): HandshakeRecord {
  const id = requireHandshakeId(input);
  const record = state.Handshakes.find((r) => r.Handshake.Id === id);
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
  checkTransition(record.Handshake.State, response);
  const now = nowSeconds(ctx);
  if (response === 'accept' && record.Handshake.Action === ActionType.INVITE) acceptInvitation(state, record, ctx.caller, now);
  else close(record, response, now);
  return output(record);
}

/** The accepting account answers for an EMAIL party from now on. */
function bindRecipient(record: HandshakeRecord, accountId: string): void {
  record.Handshake.Parties = record.Handshake.Parties.map((p) =>
    p.Type === HandshakePartyType.EMAIL ? { Id: accountId, Type: HandshakePartyType.ACCOUNT } : p,
  );
}

function acceptInvitation(state: OrgState, record: HandshakeRecord, caller: string, now: number): void {
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
  join(account, org, record.Tags, now);
  close(record, 'accept', now);
  bindRecipient(record, caller);
}

export const acceptHandshake = (state: OrgState, input: Request, ctx: ServiceContext) => respond(state, input, ctx, 'accept');
export const declineHandshake = (state: OrgState, input: Request, ctx: ServiceContext) => respond(state, input, ctx, 'decline');
export const cancelHandshake = (state: OrgState, input: Request, ctx: ServiceContext) => respond(state, input, ctx, 'cancel');

export function describeHandshake(state: OrgState, input: Request, ctx: ServiceContext): HandshakeOutput {
  const record = findHandshake(state, input);
  if (!isSender(state, record, ctx.caller) && !isRecipient(state, record, ctx.caller)) {
    throw new OrganizationsError('AccessDeniedException');
  }
  return output(record);
}
