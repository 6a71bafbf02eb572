// The teaching view of a handshake: its machine, its history, its clock, and what the caller may
// do next — decided by running each response on a copy of the world with the real rules.
import { ActionType, HandshakeState, isPending } from '../model/enums.js';
import { OrganizationsError, type ServiceError } from '../model/errors.js';
import type { Explanation, NextStep, Response } from '../model/explanation.js';
import type { Handshake, HandshakeRecord, OrgState } from '../model/types.js';
import { childrenOf, isChild, isParent } from './all-features.js';
import { addSeconds, worldNow, type ServiceContext } from './context.js';
import { RETENTION_SECONDS } from './lifecycle.js';
import { RESPONSE_OPERATIONS, tryOnCopy } from './trial.js';
import { fromCloudTrailCase } from './events.js';
import { organizationOfArn } from '../model/ids.js';
import { findOrganization, isRecipient, isSender, recipientParty } from './world.js';
import { nameOf } from './names.js';
import { machineEdges } from '../model/transitions.js';
import { explainTransfer } from './explain-transfer.js';
import { transferOfHandshake } from './transfer-records.js';

export { nameOf } from './names.js';

export type { Explanation, NextStep, Response } from '../model/explanation.js';


function effect(state: OrgState, record: HandshakeRecord, response: Response, after: OrgState): string {
  const moved = after.Handshakes.find((r) => r.Handshake.Id === record.Handshake.Id)!.Handshake.State;
  let text = `moves it to ${moved}`;
  if (response === 'accept' && record.Handshake.Action === ActionType.INVITE) {
    text += `; ${recipientParty(record)?.Id ?? 'the account'} joins ${record.OrganizationId}`;
  } else if (response === 'accept' && isParent(record)) {
    text += '; the feature set becomes ALL';
  } else if (record.Handshake.Action === ActionType.APPROVE_ALL_FEATURES || record.Handshake.Action === ActionType.ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE) {
    if (response === 'accept' && record.Handshake.Action === ActionType.ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE) text += '; the account gets AWSServiceRoleForOrganizations';
    const parentId = record.Handshake.Resources.find((r) => r.Type === 'PARENT_HANDSHAKE')?.Value;
    const parent = after.Handshakes.find((r) => r.Handshake.Id === parentId);
    if (parent?.Handshake.State === HandshakeState.OPEN && response === 'accept') text += '; that was the last approval, so the parent opens';
  }
  if (response !== 'accept' && isParent(record)) text += ' and cancels the approvals still pending';
  const transfer = record.Handshake.Action === ActionType.TRANSFER_RESPONSIBILITY ? transferOfHandshake(after, record) : undefined;
  if (transfer) text += `; the transfer becomes ${transfer.Status}`;
  return text;
}

function reason(state: OrgState, record: HandshakeRecord, response: Response, caller: string, error: ServiceError): string {
  const h = record.Handshake;
  switch (error.code) {
    case 'AccessDeniedException': {
      const sender = isSender(state, record, caller);
      const recipient = isRecipient(state, record, caller);
      if (!sender && !recipient) return 'you are not a party to this handshake';
      if (response === 'cancel') return 'only the sender can cancel';
      return `only the recipient can ${response}`;
    }
    case 'HandshakeAlreadyInStateException':
      return `it is already ${h.State}`;
    case 'InvalidHandshakeTransitionException': {
      if (isParent(record) && h.State === HandshakeState.REQUESTED) {
        const children = childrenOf(state, h.Id).filter((c) => c.Handshake.State !== HandshakeState.CANCELED);
        const done = children.filter((c) => c.Handshake.State === HandshakeState.ACCEPTED).length;
        return `every member must approve first (${done} of ${children.length} have)`;
      }
      return `it has ended (${h.State}); an ended handshake cannot change`;
    }
    default:
      return `the service would answer ${error.code}${error.reason ? ` (${error.reason})` : ''}: ${error.message}`;
  }
}

function history(state: OrgState, record: HandshakeRecord): Explanation['history'] {
  const id = record.Handshake.Id;
  const parentId = record.Handshake.Resources.find((r) => r.Type === 'PARENT_HANDSHAKE')?.Value;
  const lines: Explanation['history'] = [];
  for (const event of state.Events) {
    const request = event.requestParameters ?? {};
    const response = (event.responseElements?.handshake ?? {}) as { id?: string; state?: string };
    if (event.eventSource === 'orgsim' && event.serviceEventDetails?.handshakeId === id) {
      lines.push({ time: event.eventTime, actor: 'AWS', what: `${String(event.serviceEventDetails.reason)} → ${String(event.serviceEventDetails.state)}` });
      continue;
    }
    const about = request.handshakeId === id || response.id === id || (parentId !== undefined && event.eventName === 'EnableAllFeatures' && response.id === parentId);
    if (!about || event.eventType !== 'AwsApiCall') continue;
    const actor = event.userIdentity ? nameOf(state, event.userIdentity.accountId) : 'AWS';
    const outcome = event.errorCode ? `${event.errorCode}, yet recorded` : response.id === id ? `→ ${response.state}` : '';
    lines.push({ time: event.eventTime, actor, what: `${event.eventName} ${outcome}`.trim() });
  }
  const h = record.Handshake;
  // A log too short to hold the note of its lapse (the oldest go first) still shows it.
  const noted = lines.some((l) => l.actor === 'AWS');
  if (!noted && (h.State === HandshakeState.EXPIRED || (h.State === HandshakeState.CANCELED && record.EndedTimestamp === h.ExpirationTimestamp))) {
    lines.push({ time: new Date(h.ExpirationTimestamp * 1000).toISOString().replace(/\.000Z$/, 'Z'), actor: 'AWS', what: `no answer in time → ${h.State}` });
  }
  return lines;
}

/**
 * A handshake retention has deleted, as the event log last showed it: the answer of the last call
 * that returned it, ended as time ended it if that answer was still pending.
 */
function fromEventLog(state: OrgState, handshakeId: string): HandshakeRecord | undefined {
  let last: { handshake: Handshake; at: number } | undefined;
  for (const event of state.Events) {
    const shown = event.responseElements?.handshake as { id?: string } | undefined;
    if (shown?.id === handshakeId) last = { handshake: fromCloudTrailCase(shown) as Handshake, at: Date.parse(event.eventTime) / 1000 };
  }
  if (!last) return undefined;
  const h = last.handshake;
  const organizationId = organizationOfArn(h.Arn) ?? '';
  const record: HandshakeRecord = { Handshake: h, OrganizationId: organizationId, Tags: [], EndedTimestamp: last.at };
  if (isPending(h.State)) {
    h.State = isChild(record) ? HandshakeState.CANCELED : HandshakeState.EXPIRED;
    record.EndedTimestamp = h.ExpirationTimestamp;
  }
  return record;
}

/** Who sent a handshake and to whom, as a teaching view names them. */
export function handshakeParties(state: OrgState, record: HandshakeRecord): { sender: string; recipient: string } {
  const org = findOrganization(state, record.OrganizationId);
  const management = org ? nameOf(state, org.MasterAccountId) : undefined;
  const party = recipientParty(record);
  return {
    sender: management ?? record.OrganizationId,
    recipient: isParent(record) ? (management ?? '') : party?.Type === 'ACCOUNT' ? nameOf(state, party.Id) : (party?.Id ?? ''),
  };
}

export function explainHandshake(state: OrgState, handshakeId: string, ctx: ServiceContext): Explanation {
  const stored = state.Handshakes.find((r) => r.Handshake.Id === handshakeId);
  const record = stored ?? fromEventLog(state, handshakeId);
  if (!record) throw new OrganizationsError('HandshakeNotFoundException');
  const h = record.Handshake;
  const steps = (['accept', 'decline', 'cancel'] as Response[]).map((response): NextStep => {
    if (!stored) return { response, allowed: false, text: 'it was deleted 30 days after it ended; the service no longer knows it' };
    const { copy, outcome } = tryOnCopy(state, RESPONSE_OPERATIONS[response], { HandshakeId: h.Id }, ctx);
    if ('error' in outcome) {
      const recorded = outcome.error.persistChanges ? ' (though the handshake is still recorded as accepted)' : '';
      return { response, allowed: false, text: reason(state, record, response, ctx.caller, outcome.error) + recorded };
    }
    return { response, allowed: true, text: effect(state, record, response, copy) };
  });
  const pending = isPending(h.State);
  return {
    handshake: structuredClone(h),
    machine: machineEdges(h.Action),
    ...handshakeParties(state, record),
    history: history(state, record),
    now: worldNow(state, ctx.clock) / 1000,
    deadline: pending ? { kind: 'expires', at: h.ExpirationTimestamp } : { kind: 'deleted', at: addSeconds(record.EndedTimestamp ?? h.ExpirationTimestamp, RETENTION_SECONDS) },
    fromEventLog: !stored,
    steps,
    caller: nameOf(state, ctx.caller),
    transfer: ((t) => (t ? explainTransfer(state, t.Id, ctx, ['terminate', 'update']) : undefined))(h.Action === ActionType.TRANSFER_RESPONSIBILITY ? transferOfHandshake(state, record) : undefined),
  };
}
