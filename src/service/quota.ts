// The organization's service quotas, as Service Quotas would show and raise them.
import { ActionType, HandshakeState, isPending } from '../model/enums.js';
import { OrganizationsError } from '../model/errors.js';
import type { OrganizationRecord, OrgState } from '../model/types.js';
import { INVITATION_WINDOW_SECONDS, TRANSFER_QUOTAS } from '../model/limits.js';
import { chainQuota, inboundHeld, inboundQuota, outboundHeld } from './transfer-records.js';
import { nowSeconds, type ServiceContext } from './context.js';
import { members, organizationOf } from './world.js';

export interface QuotaReport {
  OrganizationId: string;
  Accounts: { Quota: number; Members: number; PendingInvitations: number };
  InvitationsPerDay: { Quota: number; SentInLast24Hours: number };
  /** Billing transfers (transfer-and-delegation.md R-133): invitations sent and transfers agreed count. */
  InboundResponsibilityTransfers: { Quota: number; Used: number };
  OutboundResponsibilityTransfers: { Quota: number; Used: number };
  TransferChainLength: { Quota: number };
}

export type QuotaChange = { Accounts?: number; InvitationsPerDay?: number; InboundResponsibilityTransfers?: number; TransferChainLength?: number };

function callerOrganization(state: OrgState, caller: string): OrganizationRecord {
  const org = organizationOf(state, caller);
  if (!org) throw new OrganizationsError('AWSOrganizationsNotInUseException');
  return org;
}

export function quotaReport(state: OrgState, ctx: ServiceContext): QuotaReport {
  const org = callerOrganization(state, ctx.caller);
  const now = nowSeconds(ctx);
  const invitations = state.Handshakes.filter((r) => r.OrganizationId === org.Id && r.Handshake.Action === ActionType.INVITE);
  return {
    OrganizationId: org.Id,
    Accounts: {
      Quota: org.Quotas.Accounts,
      Members: members(state, org.Id).length,
      PendingInvitations: invitations.filter((r) => isPending(r.Handshake.State)).length,
    },
    InvitationsPerDay: {
      Quota: org.Quotas.InvitationsPerDay,
      SentInLast24Hours: invitations.filter(
        (r) => r.Handshake.State !== HandshakeState.ACCEPTED && r.Handshake.RequestedTimestamp > now - INVITATION_WINDOW_SECONDS,
      ).length,
    },
    InboundResponsibilityTransfers: { Quota: inboundQuota(org), Used: inboundHeld(state, org).length },
    OutboundResponsibilityTransfers: { Quota: TRANSFER_QUOTAS.OutboundResponsibilityTransfers, Used: outboundHeld(state, org).length },
    TransferChainLength: { Quota: chainQuota(org) },
  };
}

/** Only the management account may raise its organization's quotas. */
export function setQuotas(state: OrgState, change: QuotaChange, ctx: ServiceContext): QuotaReport {
  const org = callerOrganization(state, ctx.caller);
  if (org.MasterAccountId !== ctx.caller) throw new OrganizationsError('AccessDeniedException');
  if (change.Accounts !== undefined) org.Quotas.Accounts = change.Accounts;
  if (change.InvitationsPerDay !== undefined) org.Quotas.InvitationsPerDay = change.InvitationsPerDay;
  if (change.InboundResponsibilityTransfers !== undefined) org.Quotas.InboundResponsibilityTransfers = change.InboundResponsibilityTransfers;
  if (change.TransferChainLength !== undefined) org.Quotas.TransferChainLength = change.TransferChainLength;
  return quotaReport(state, ctx);
}
