// The billing-transfer operations (transfer-and-delegation.md §16): InviteOrganizationToTransferResponsibility,
// DescribeResponsibilityTransfer, ListInbound/ListOutboundResponsibilityTransfers,
// UpdateResponsibilityTransfer and TerminateResponsibilityTransfer. The invitation's handshake is
// answered through the handshake operations (respond.ts, transfer-records.ts).
import { ActionType, HandshakePartyType, HandshakeState, isPending, OrganizationFeatureSet, ResponsibilityTransferStatus as Status, ResponsibilityTransferType } from '../model/enums.js';
import { invalidInput, OrganizationsError, reasonError } from '../model/errors.js';
import { handshakeArn, organizationPartyId, RESPONSIBILITY_TRANSFER_ID_PATTERN, RESPONSIBILITY_TRANSFER_NAME_PATTERN } from '../model/ids.js';
import type { Paginator } from '../model/operations.js';
import { TERMINATE_OUTCOME } from '../model/transfer-machine.js';
import { TRANSFER_PROPOSALS, transferHandshakeResources } from '../model/transfer-proposals.js';
import type { HandshakeOutput, HandshakeParty, OrganizationRecord, OrgState, ResponsibilityTransferRecord } from '../model/types.js';
import { nowSeconds, type ServiceContext } from './context.js';
import { newHandshakeId, newResponsibilityTransferId } from './ids.js';
import { requireMatching, type Request } from './input.js';
import { checkNotes, checkTarget, samePartyId } from './invite.js';
import { compareNewestFirst, Paging } from './pages.js';
import { checkTags } from './tags.js';
import { checkEnd, checkStart } from './transfer-dates.js';
import { acceptanceDeadline, chainQuota, findTransfer, inboundHeld, inboundQuota, invitedManagementAccount, levelsAbove, sideOf, sourceOrganization, transferView, transfersOf, type Direction } from './transfer-records.js';
import { managedOrganization, managementAccount, organizationOf, recipientParty } from './world.js';

const MAX_NAME = 128;

function requireType(input: Request): ResponsibilityTransferType {
  const type = input.Type;
  if (type === undefined || type === null) throw invalidInput('INPUT_REQUIRED', 'TYPE');
  if (!Object.values(ResponsibilityTransferType).includes(type as ResponsibilityTransferType)) throw invalidInput('INVALID_ENUM', 'TYPE');
  return type as ResponsibilityTransferType;
}

function requireName(input: Request, member: string, field: string): string {
  const name = input[member];
  if (name === undefined || name === null) throw invalidInput('INPUT_REQUIRED', field);
  if (typeof name !== 'string') throw invalidInput('INVALID_PATTERN', field);
  if (name.length < 1) throw invalidInput('MIN_LENGTH_EXCEEDED', field);
  if (name.length > MAX_NAME) throw invalidInput('MAX_LENGTH_EXCEEDED', field);
  if (!RESPONSIBILITY_TRANSFER_NAME_PATTERN.test(name)) throw invalidInput('INVALID_PATTERN', field);
  return name;
}

function timestamp(input: Request, member: string, field: string, required: boolean): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) {
    if (required) throw invalidInput('INPUT_REQUIRED', field);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidInput('INVALID_PATTERN', field);
  return value;
}

const requireTransferId = (input: Request) => requireMatching(input, 'Id', 'ID', RESPONSIBILITY_TRANSFER_ID_PATTERN);

/** The organization an invitation's party manages, if the world knows it. */
const invitedOrganization = (state: OrgState, party: HandshakeParty) => {
  const account = invitedManagementAccount(state, party);
  return account && organizationOf(state, account.Id);
};

/** R-117's constraints, in R-118's order (proposals). */
function checkInvitation(state: OrgState, org: OrganizationRecord, target: HandshakeParty): void {
  if (TRANSFER_PROPOSALS.senderNeedsAllFeatures && org.FeatureSet !== OrganizationFeatureSet.ALL) {
    throw reasonError('ConstraintViolationException', 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE');
  }
  if (target.Type === HandshakePartyType.ACCOUNT && target.Id === org.MasterAccountId) {
    throw reasonError('HandshakeConstraintViolationException', 'SOURCE_AND_TARGET_CANNOT_MATCH');
  }
  const pending = state.Handshakes.filter((r) => r.OrganizationId === org.Id && r.Handshake.Action === ActionType.TRANSFER_RESPONSIBILITY && isPending(r.Handshake.State));
  if (pending.some((r) => { const p = recipientParty(r); return p !== undefined && samePartyId(p, target); })) throw new OrganizationsError('DuplicateHandshakeException');
  const other = invitedOrganization(state, target);
  if (other && other.Id !== org.Id && transfersOf(state).some((t) => TRANSFER_PROPOSALS.liveWhile.includes(t.Status) && links(state, t, org, other))) {
    throw reasonError('HandshakeConstraintViolationException', 'RESPONSIBILITY_TRANSFER_ALREADY_EXISTS');
  }
  if (inboundHeld(state, org).length >= inboundQuota(org)) throw reasonError('ConstraintViolationException', 'RESPONSIBILITY_TRANSFER_MAX_INBOUND_QUOTA_VIOLATION');
  // The sender already gives its own bill to another: paying for a third makes a chain.
  if (levelsAbove(state, org.Id) + 1 > chainQuota(org)) throw reasonError('ConstraintViolationException', 'RESPONSIBILITY_TRANSFER_MAX_LEVEL_VIOLATION');
}

function links(state: OrgState, t: ResponsibilityTransferRecord, a: OrganizationRecord, b: OrganizationRecord): boolean {
  const source = sourceOrganization(state, t)?.Id;
  return (t.TargetOrganizationId === a.Id && source === b.Id) || (t.TargetOrganizationId === b.Id && source === a.Id);
}

export function inviteOrganizationToTransferResponsibility(state: OrgState, input: Request, ctx: ServiceContext): HandshakeOutput {
  const type = requireType(input);
  const target = checkTarget(input.Target);
  const notes = checkNotes(input.Notes);
  const start = timestamp(input, 'StartTimestamp', 'START_TIMESTAMP', true)!;
  const name = requireName(input, 'SourceName', 'SOURCE_NAME');
  const tags = checkTags(input.Tags);
  const org = managedOrganization(state, ctx.caller);
  const now = nowSeconds(ctx);
  checkStart(start, now);
  checkInvitation(state, org, target);
  const handshakeId = newHandshakeId(state, ctx);
  const transferId = newResponsibilityTransferId(state, ctx);
  const management = managementAccount(state, org);
  const handshake = {
    Id: handshakeId,
    Arn: handshakeArn(org.MasterAccountId, org.Id, ActionType.TRANSFER_RESPONSIBILITY, handshakeId),
    Parties: [{ Id: organizationPartyId(org.Id), Type: HandshakePartyType.ORGANIZATION }, target],
    State: TRANSFER_PROPOSALS.handshakeState as HandshakeState,
    RequestedTimestamp: now,
    ExpirationTimestamp: acceptanceDeadline(start),
    Action: ActionType.TRANSFER_RESPONSIBILITY,
    Resources: transferHandshakeResources({ transferId, type, startSeconds: start, management, target, notes }),
  };
  state.Handshakes.push({ Handshake: handshake, OrganizationId: org.Id, Tags: [] });
  (state.ResponsibilityTransfers ??= []).push({
    Id: transferId,
    Type: type,
    Name: name,
    Status: Status.REQUESTED,
    StartTimestamp: start,
    HandshakeId: handshakeId,
    TargetOrganizationId: org.Id,
    TargetAccountId: org.MasterAccountId,
    Invited: target,
    Tags: tags,
    RequestedTimestamp: now,
  });
  return { Handshake: structuredClone(handshake) };
}

/** A transfer the caller's organization is a party to; anyone else's does not exist for it (R-130, a proposal). */
function partyTransfer(state: OrgState, id: string, ctx: ServiceContext): { t: ResponsibilityTransferRecord; org: OrganizationRecord; side: Direction } {
  const org = managedOrganization(state, ctx.caller);
  const t = findTransfer(state, id);
  const side = t && sideOf(state, t, org);
  if (!t || !side) throw new OrganizationsError('ResponsibilityTransferNotFoundException');
  return { t, org, side };
}

export function describeResponsibilityTransfer(state: OrgState, input: Request, ctx: ServiceContext): object {
  const { t, org } = partyTransfer(state, requireTransferId(input), ctx);
  return { ResponsibilityTransfer: transferView(state, t, org) };
}

const TRANSFER_PAGES = (resultKey: string): Paginator => ({ inputToken: 'NextToken', outputToken: 'NextToken', limitKey: 'MaxResults', resultKey });

/** Newest start first, ties by id (R-130, a proposal), a page at a time. */
function listTransfers(state: OrgState, operation: string, input: Request, org: OrganizationRecord, found: ResponsibilityTransferRecord[], filter: unknown): object {
  const paging = new Paging(operation, input, TRANSFER_PAGES('ResponsibilityTransfers'));
  const cursor = paging.cursor(filter);
  const key = (t: ResponsibilityTransferRecord): [number, string] => [t.StartTimestamp, t.Id];
  found.sort((a, b) => compareNewestFirst(key(a), key(b)));
  return paging.respond(found, key, cursor, filter, (t) => transferView(state, t, org));
}

/**
 * The transfers the caller's organization takes over; with `Id`, those inherited through that one
 * (a two-level transfer's: the bills its source pays for others; R-130, a proposal).
 */
export function listInboundResponsibilityTransfers(state: OrgState, input: Request, ctx: ServiceContext): object {
  const type = requireType(input);
  const through = input.Id === undefined || input.Id === null ? undefined : requireTransferId(input);
  const org = managedOrganization(state, ctx.caller);
  let found = transfersOf(state).filter((t) => t.Type === type && t.TargetOrganizationId === org.Id);
  if (through !== undefined) {
    const via = found.find((t) => t.Id === through);
    if (!via) throw new OrganizationsError('ResponsibilityTransferNotFoundException');
    found = via.Status === Status.ACCEPTED ? transfersOf(state).filter((t) => t.Type === type && t.Status === Status.ACCEPTED && t.TargetOrganizationId === via.SourceOrganizationId) : [];
  }
  return listTransfers(state, 'ListInboundResponsibilityTransfers', input, org, found, { type, through: through ?? null });
}

export function listOutboundResponsibilityTransfers(state: OrgState, input: Request, ctx: ServiceContext): object {
  const type = requireType(input);
  const org = managedOrganization(state, ctx.caller);
  const found = transfersOf(state).filter((t) => t.Type === type && t.TargetOrganizationId !== org.Id && sideOf(state, t, org) === 'outbound');
  return listTransfers(state, 'ListOutboundResponsibilityTransfers', input, org, found, { type });
}

export function updateResponsibilityTransfer(state: OrgState, input: Request, ctx: ServiceContext): object {
  // The input first (the id, then the name), then the caller.
  const id = requireTransferId(input);
  const name = requireName(input, 'Name', 'NAME');
  const { t, org, side } = partyTransfer(state, id, ctx);
  if (side === 'outbound' && !TRANSFER_PROPOSALS.sourceMayRename) throw invalidInput('UNSUPPORTED_ACTION_IN_RESPONSIBILITY_TRANSFER');
  t.Name = name;
  return { ResponsibilityTransfer: transferView(state, t, org) };
}

/** Either side withdraws an accepted transfer; it stays in force to the end of a month. */
export function terminateResponsibilityTransfer(state: OrgState, input: Request, ctx: ServiceContext): object {
  const id = requireTransferId(input);
  const end = timestamp(input, 'EndTimestamp', 'END_TIMESTAMP', false);
  const { t, org } = partyTransfer(state, id, ctx);
  const outcome = TERMINATE_OUTCOME[t.Status];
  if (outcome !== 'ok') throw new OrganizationsError(outcome);
  t.EndTimestamp = checkEnd(end, t.StartTimestamp, nowSeconds(ctx));
  t.Status = Status.WITHDRAWN;
  return { ResponsibilityTransfer: transferView(state, t, org) };
}

/** Whether a transfer process holds the organization, as DeleteOrganization asks. */
export function inTransferProcess(state: OrgState, org: OrganizationRecord): boolean {
  return transfersOf(state).some((t) => TRANSFER_PROPOSALS.liveWhile.includes(t.Status) && sideOf(state, t, org) !== undefined);
}
