// Billing transfers as the handshake operations meet them (transfer-and-delegation.md §16.4,
// §16.5): who the bill-source is, what accepting needs and does, and what an invitation's end
// leaves the transfer in. The transfer operations themselves are in transfers.ts.
import { HandshakePartyType, ResponsibilityTransferStatus as Status } from '../model/enums.js';
import { OrganizationsError, reasonError } from '../model/errors.js';
import { TRANSFER_ACCEPTANCE_LEAD_SECONDS, TRANSFER_QUOTAS } from '../model/limits.js';
import { STATUS_AFTER } from '../model/transfer-machine.js';
import { TRANSFER_PROPOSALS, transferIdOf } from '../model/transfer-proposals.js';
import type { AccountRecord, HandshakeParty, HandshakeRecord, OrganizationRecord, OrgState, ResponsibilityTransferRecord } from '../model/types.js';
import type { ResponsibilityTransfer } from '../model/generated/organizations-types.js';
import { responsibilityTransferArn } from '../model/ids.js';
import { findAccount, findOrganization, organizationOf, sameEmail } from './world.js';

export const transfersOf = (state: OrgState) => state.ResponsibilityTransfers ?? [];

/** The last moment an invitation for a transfer starting at `start` may be accepted. */
export const acceptanceDeadline = (start: number) => start - TRANSFER_ACCEPTANCE_LEAD_SECONDS;

export const findTransfer = (state: OrgState, id: string) => transfersOf(state).find((t) => t.Id === id);

export function transferOfHandshake(state: OrgState, record: HandshakeRecord): ResponsibilityTransferRecord | undefined {
  const id = transferIdOf(record.Handshake.Resources);
  return id === undefined ? undefined : findTransfer(state, id);
}

/** The management account an invitation's party names, if it names one: an id, or a management account's address. */
export function invitedManagementAccount(state: OrgState, party: HandshakeParty): AccountRecord | undefined {
  const manages = (a: AccountRecord | undefined) => a !== undefined && state.Organizations.some((o) => o.MasterAccountId === a.Id);
  if (party.Type === HandshakePartyType.ACCOUNT) {
    const account = findAccount(state, party.Id);
    return manages(account) ? account : undefined;
  }
  return state.Organizations.map((o) => findAccount(state, o.MasterAccountId)).find((a) => a !== undefined && sameEmail(a.Email, party.Id));
}

/** The bill-source: the organization that accepted, or, before that, the one whose management account was invited. */
export function sourceOrganization(state: OrgState, t: ResponsibilityTransferRecord): OrganizationRecord | undefined {
  if (t.SourceOrganizationId !== undefined) return findOrganization(state, t.SourceOrganizationId);
  const account = invitedManagementAccount(state, t.Invited);
  return account && organizationOf(state, account.Id);
}

const holds = (statuses: readonly Status[], t: ResponsibilityTransferRecord) => statuses.includes(t.Status);

/** Transfers into `org` holding a place in its inbound quota. */
export const inboundHeld = (state: OrgState, org: OrganizationRecord) =>
  transfersOf(state).filter((t) => t.TargetOrganizationId === org.Id && holds(TRANSFER_PROPOSALS.inboundSlotWhile, t));

/** Transfers out of `org` holding its one outbound place. */
export const outboundHeld = (state: OrgState, org: OrganizationRecord) =>
  transfersOf(state).filter((t) => t.SourceOrganizationId === org.Id && holds(TRANSFER_PROPOSALS.outboundSlotWhile, t));

const accepted = (state: OrgState) => transfersOf(state).filter((t) => t.Status === Status.ACCEPTED);

/** Accepted transfers below `orgId` (whose bills it pays, directly or through another). */
export function levelsBelow(state: OrgState, orgId: string, seen = new Set<string>()): number {
  if (seen.has(orgId)) return 0;
  seen.add(orgId);
  const below = accepted(state).filter((t) => t.TargetOrganizationId === orgId && t.SourceOrganizationId !== undefined);
  return Math.max(0, ...below.map((t) => 1 + levelsBelow(state, t.SourceOrganizationId!, seen)));
}

/** Accepted transfers above `orgId` (who pays its bill, and who pays theirs). */
export function levelsAbove(state: OrgState, orgId: string, seen = new Set<string>()): number {
  if (seen.has(orgId)) return 0;
  seen.add(orgId);
  const above = accepted(state).find((t) => t.SourceOrganizationId === orgId);
  return above ? 1 + levelsAbove(state, above.TargetOrganizationId, seen) : 0;
}

export const chainQuota = (org: OrganizationRecord) => org.Quotas.TransferChainLength ?? TRANSFER_QUOTAS.TransferChainLength.default;
export const inboundQuota = (org: OrganizationRecord) => org.Quotas.InboundResponsibilityTransfers ?? TRANSFER_QUOTAS.InboundResponsibilityTransfers.default;

/** R-124's constraints, after the role and the state, then R-125's effects on the transfer. */
export function acceptTransfer(state: OrgState, record: HandshakeRecord, source: OrganizationRecord): void {
  const t = transferOfHandshake(state, record);
  const target = t && findOrganization(state, t.TargetOrganizationId);
  if (!t || !target) throw new OrganizationsError('ServiceException');
  if (source.Id === target.Id) throw reasonError('HandshakeConstraintViolationException', 'SOURCE_AND_TARGET_CANNOT_MATCH');
  if (outboundHeld(state, source).length >= TRANSFER_QUOTAS.OutboundResponsibilityTransfers) {
    throw reasonError('ConstraintViolationException', 'RESPONSIBILITY_TRANSFER_MAX_OUTBOUND_QUOTA_VIOLATION');
  }
  if (levelsBelow(state, source.Id) + 1 + levelsAbove(state, target.Id) > chainQuota(target)) {
    throw reasonError('ConstraintViolationException', 'RESPONSIBILITY_TRANSFER_MAX_LEVEL_VIOLATION');
  }
  const inherited = accepted(state).filter((x) => x.TargetOrganizationId === source.Id).length;
  if (accepted(state).filter((x) => x.TargetOrganizationId === target.Id).length + inherited + 1 > TRANSFER_QUOTAS.AggregateInboundTransfers) {
    throw reasonError('ConstraintViolationException', 'RESPONSIBILITY_TRANSFER_MAX_TRANSFERS_QUOTA_VIOLATION');
  }
  t.Status = STATUS_AFTER.accept;
  t.SourceAccountId = source.MasterAccountId;
  t.SourceOrganizationId = source.Id;
}

/** The invitation ended otherwise: the transfer's status follows the handshake's, one for one. */
export function endTransfer(state: OrgState, record: HandshakeRecord, how: 'decline' | 'cancel' | 'expire'): void {
  const t = transferOfHandshake(state, record);
  if (t && t.Status === Status.REQUESTED) t.Status = STATUS_AFTER[how];
}

/** Handshakes retention deleted take their unaccepted transfers with them (R-123, a proposal). */
export function forgetTransfers(state: OrgState, gone: readonly HandshakeRecord[]): void {
  if (!state.ResponsibilityTransfers?.length) return;
  const ids = new Set(gone.map((r) => transferIdOf(r.Handshake.Resources)).filter((id) => id !== undefined));
  if (!ids.size) return;
  state.ResponsibilityTransfers = state.ResponsibilityTransfers.filter((t) => !(ids.has(t.Id) && holds(TRANSFER_PROPOSALS.deletedWithHandshake, t)));
}

export type Direction = 'inbound' | 'outbound';

/** The transfer as `viewer`'s management account sees it (R-111, R-125, R-127, R-128). */
export function transferView(state: OrgState, t: ResponsibilityTransferRecord, viewer: OrganizationRecord): ResponsibilityTransfer {
  const direction: Direction = viewer.Id === t.TargetOrganizationId ? 'inbound' : 'outbound';
  const participant = (accountId: string) => ({ ManagementAccountId: accountId, ManagementAccountEmail: findAccount(state, accountId)?.Email });
  // Before it is accepted, the bill-source is only what the invitation named (R-127, a proposal).
  const source =
    t.SourceAccountId !== undefined
      ? participant(t.SourceAccountId)
      : t.Invited.Type === HandshakePartyType.ACCOUNT
        ? { ManagementAccountId: t.Invited.Id }
        : { ManagementAccountEmail: t.Invited.Id };
  const view: ResponsibilityTransfer = {
    Arn: responsibilityTransferArn(viewer.MasterAccountId, viewer.Id, t.Type, direction, t.Id),
    Name: direction === 'outbound' && !TRANSFER_PROPOSALS.nameShownToSource ? undefined : t.Name,
    Id: t.Id,
    Type: t.Type,
    Status: t.Status,
    Source: source,
    Target: participant(t.TargetAccountId),
    StartTimestamp: t.StartTimestamp,
    EndTimestamp: t.EndTimestamp,
    ActiveHandshakeId: TRANSFER_PROPOSALS.activeHandshakeWhile.includes(t.Status) ? t.HandshakeId : undefined,
  };
  return JSON.parse(JSON.stringify(view)) as ResponsibilityTransfer;
}

/** Which side of `t` the organization is on, if any. */
export function sideOf(state: OrgState, t: ResponsibilityTransferRecord, org: OrganizationRecord): Direction | undefined {
  if (t.TargetOrganizationId === org.Id) return 'inbound';
  return sourceOrganization(state, t)?.Id === org.Id ? 'outbound' : undefined;
}
