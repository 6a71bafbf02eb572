// A rollout at a glance, per organization: members, the invitations and how they ended, who has
// not answered (by name, with the time left), the all-features migration's progress, transfers.
import { ActionType, HandshakePartyType, HandshakeState, isPending } from '../model/enums.js';
import type { MigrationStatus, OrganizationStatus, PendingInvitation, RolloutStatus } from '../model/status.js';
import type { HandshakeRecord, OrganizationRecord, OrgState } from '../model/types.js';
import { childrenOf } from './all-features.js';
import { isoUtc } from './events.js';
import { nameOf } from './names.js';
import { sideOf, transfersOf } from './transfer-records.js';
import { findAccount, recipientParty, sameEmail } from './world.js';

function pendingInvitation(state: OrgState, record: HandshakeRecord, now: number): PendingInvitation {
  const h = record.Handshake;
  const party = recipientParty(record)!;
  const account = party.Type === HandshakePartyType.ACCOUNT ? findAccount(state, party.Id) : state.Accounts.find((a) => sameEmail(a.Email, party.Id));
  return {
    HandshakeId: h.Id,
    ...(account ? { AccountId: account.Id, AccountName: account.Name, Email: account.Email } : party.Type === HandshakePartyType.EMAIL ? { Email: party.Id } : {}),
    Invited: party.Id,
    Sent: isoUtc(h.RequestedTimestamp),
    AgeSeconds: Math.max(0, Math.floor(now - h.RequestedTimestamp)),
    ExpiresInSeconds: Math.max(0, Math.floor(h.ExpirationTimestamp - now)),
  };
}

function migration(state: OrgState, org: OrganizationRecord): MigrationStatus | undefined {
  const parents = state.Handshakes.filter((r) => r.OrganizationId === org.Id && r.Handshake.Action === ActionType.ENABLE_ALL_FEATURES);
  const last = parents.sort((a, b) => a.Handshake.RequestedTimestamp - b.Handshake.RequestedTimestamp).at(-1);
  if (!last) return undefined;
  // A canceled approval is no longer asked for (a member that left, or the attempt ended).
  const inPlay = childrenOf(state, last.Handshake.Id).filter((c) => c.Handshake.State !== HandshakeState.CANCELED);
  return {
    HandshakeId: last.Handshake.Id,
    State: last.Handshake.State,
    Approved: inPlay.filter((c) => c.Handshake.State === HandshakeState.ACCEPTED).length,
    Of: inPlay.length,
    Waiting: inPlay.filter((c) => isPending(c.Handshake.State)).map((c) => nameOf(state, recipientParty(c)?.Id ?? '')),
  };
}

function organizationStatus(state: OrgState, org: OrganizationRecord, now: number): OrganizationStatus {
  const invitations = state.Handshakes.filter((r) => r.OrganizationId === org.Id && r.Handshake.Action === ActionType.INVITE);
  const count = (s: HandshakeState) => invitations.filter((r) => r.Handshake.State === s).length;
  const pending = invitations.filter((r) => r.Handshake.State === HandshakeState.OPEN).sort((a, b) => a.Handshake.RequestedTimestamp - b.Handshake.RequestedTimestamp || (a.Handshake.Id < b.Handshake.Id ? -1 : 1));
  const transfers: OrganizationStatus['Transfers'] = { Inbound: {}, Outbound: {} };
  for (const t of transfersOf(state)) {
    const side = sideOf(state, t, org);
    if (!side) continue;
    const bucket = side === 'inbound' ? transfers.Inbound : transfers.Outbound;
    bucket[t.Status] = (bucket[t.Status] ?? 0) + 1;
  }
  const all = migration(state, org);
  return {
    Id: org.Id,
    FeatureSet: org.FeatureSet,
    ManagementAccount: nameOf(state, org.MasterAccountId),
    Members: state.Accounts.filter((a) => a.OrganizationId === org.Id).length,
    Invitations: { Pending: pending.length, Accepted: count(HandshakeState.ACCEPTED), Declined: count(HandshakeState.DECLINED), Expired: count(HandshakeState.EXPIRED), Canceled: count(HandshakeState.CANCELED) },
    Pending: pending.map((r) => pendingInvitation(state, r, now)),
    ...(all ? { AllFeatures: all } : {}),
    Transfers: transfers,
  };
}

/** `state` as settled at `now` (epoch seconds). */
export function rolloutStatus(state: OrgState, now: number): RolloutStatus {
  return { WorldTime: isoUtc(now), Organizations: state.Organizations.map((org) => organizationStatus(state, org, now)) };
}
