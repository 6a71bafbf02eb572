// The world as a page draws it: the organizations as trees, the handshakes with their machines,
// who makes each next move, the clock and the newest events. Pure, like every view of the service.
import { HandshakeState, isPending } from '../model/enums.js';
import type { AccountPicture, HandshakePicture, OrganizationPicture, UnitPicture, WorldPicture } from '../model/picture.js';
import { PICTURE_LIMITS } from '../model/picture.js';
import type { AccountRecord, HandshakeRecord, OrganizationRecord, OrgState } from '../model/types.js';
import { answeredFrom, MACHINES, machineEdges, RESPONSES, TARGET_STATE, TRANSITIONS } from '../model/transitions.js';
import { addSeconds } from './context.js';
import { handshakeParties } from './explain.js';
import { RETENTION_SECONDS } from './lifecycle.js';
import { nameOf } from './names.js';
import { sourceOrganization, transfersOf } from './transfer-records.js';
import { byId, unitsOf } from './tree.js';
import { findOrganization, isRecipient } from './world.js';

function accountPicture(state: OrgState, account: AccountRecord, org?: OrganizationRecord): AccountPicture {
  return {
    id: account.Id,
    name: account.Name,
    email: account.Email,
    state: account.State,
    profiles: state.Profiles.filter((p) => p.AccountId === account.Id).map((p) => p.Name),
    ...(org?.MasterAccountId === account.Id ? { management: true } : {}),
  };
}

function organizationPicture(state: OrgState, org: OrganizationRecord, accounts: AccountRecord[]): OrganizationPicture {
  const unit = (id: string, name: string): UnitPicture => ({
    id,
    name,
    // The management account leads; the rest as ListAccounts orders them.
    accounts: accounts
      .filter((a) => (a.ParentId ?? org.RootId) === id)
      .sort((a, b) => Number(b.Id === org.MasterAccountId) - Number(a.Id === org.MasterAccountId))
      .map((a) => accountPicture(state, a, org)),
    units: unitsOf(org)
      .filter((u) => u.ParentId === id)
      .map((u) => unit(u.Id, u.Name)),
  });
  return { id: org.Id, featureSet: org.FeatureSet, management: nameOf(state, org.MasterAccountId), root: unit(org.RootId, 'Root') };
}

/** Who a machine's "by" means in this handshake. */
const who = (by: string, parties: { sender: string; recipient: string }) => (by.includes('recipient') ? parties.recipient : parties.sender);

function handshakePicture(state: OrgState, record: HandshakeRecord): HandshakePicture {
  const h = record.Handshake;
  const parties = handshakeParties(state, record);
  const machine = MACHINES[h.Action] ?? MACHINES.INVITE!;
  const current = h.State as HandshakeState;
  const next: HandshakePicture['next'] = [];
  if (isPending(current)) {
    for (const a of machine.automatic ?? []) if (a.from === current) next.push({ to: a.to, label: a.label });
    for (const response of RESPONSES) {
      const offer = machine.responses[response];
      if (offer && answeredFrom(machine, response).includes(current) && TRANSITIONS[current][response] === 'ok') next.push({ to: TARGET_STATE[response], label: response, who: who(offer.by, parties) });
    }
    const lapse = machine.lapse;
    if (lapse.from === current) next.push({ to: lapse.to, label: 'label' in lapse ? lapse.label : 'time runs out' });
  }
  return {
    id: h.Id,
    action: h.Action,
    state: h.State,
    organizationId: record.OrganizationId,
    sender: parties.sender,
    recipient: parties.recipient,
    requested: h.RequestedTimestamp,
    deadline: isPending(current) ? { kind: 'expires', at: h.ExpirationTimestamp } : { kind: 'deleted', at: addSeconds(record.EndedTimestamp ?? h.ExpirationTimestamp, RETENTION_SECONDS) },
    machine: machineEdges(h.Action),
    next,
  };
}

/** `state` as settled at `now` (epoch seconds): what a read at that time sees. */
export function worldPicture(state: OrgState, now: number): WorldPicture {
  const accounts = [...state.Accounts].sort(byId);
  const organizations = state.Organizations.map((org) => organizationPicture(state, org, accounts.filter((a) => a.OrganizationId === org.Id)));
  const standalone = accounts.filter((a) => !a.OrganizationId).map((a) => accountPicture(state, a));
  // Pending first (someone must act), then the newest ended ones.
  const ordered = [...state.Handshakes].sort(
    (a, b) => Number(isPending(b.Handshake.State)) - Number(isPending(a.Handshake.State)) || b.Handshake.RequestedTimestamp - a.Handshake.RequestedTimestamp || (a.Handshake.Id < b.Handshake.Id ? -1 : 1),
  );
  const shown = ordered.slice(0, PICTURE_LIMITS.handshakes);
  const events = state.Events.slice(-PICTURE_LIMITS.events).reverse();
  return {
    now,
    offsetMs: state.ClockOffsetMs,
    organizations,
    standalone,
    handshakes: shown.map((r) => handshakePicture(state, r)),
    moreHandshakes: ordered.length - shown.length,
    transfers: transfersOf(state).map((t) => ({
      id: t.Id,
      name: t.Name,
      status: t.Status,
      payer: nameOf(state, t.TargetAccountId),
      source: ((org) => (org ? nameOf(state, org.MasterAccountId) : t.Invited.Id))(sourceOrganization(state, t)),
      handshakeId: t.HandshakeId,
    })),
    events,
    moreEvents: state.Events.length - events.length,
  };
}

/** The accounts a handshake's explanation is worth giving for: its sender, then whoever answers it. */
export function partyAccounts(state: OrgState, handshakeId: string): string[] {
  const record = state.Handshakes.find((r) => r.Handshake.Id === handshakeId);
  if (!record) return [];
  const org = findOrganization(state, record.OrganizationId);
  const answering = state.Accounts.filter((a) => isRecipient(state, record, a.Id)).map((a) => a.Id);
  return [...(org ? [org.MasterAccountId] : []), ...answering].filter((id, i, all) => all.indexOf(id) === i);
}
