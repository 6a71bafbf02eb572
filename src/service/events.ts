// The world's CloudTrail-style log: API calls that changed something, and membership events
// (AccountJoinedOrganization, AccountDepartedOrganization). Beyond CloudTrail, orgsim notes the
// handshakes nobody's call ended (expiry, a migration's start), so that a learner sees why they
// changed. Bounded; the oldest go first.
import type { HandshakeRecord, OrgState, WorldEvent } from '../model/types.js';
import { nowSeconds, type IdGenerator, type ServiceContext } from './context.js';
import { newEventId, nextSequence } from './ids.js';
import { managementAccountOfArn } from '../model/ids.js';
import { dropFirst } from './table.js';

export const MAX_EVENTS = 10_000;

/** A time as the event log writes it: ISO 8601 in UTC, milliseconds only when there are some. */
export const isoUtc = (epochSeconds: number) => new Date(Math.round(epochSeconds * 1000)).toISOString().replace(/\.000Z$/, 'Z');

/** CloudTrail writes request and response members in camelCase. */
function camel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), camel(v)]));
}

/** The other way: a member CloudTrail logged, in the API's own case (a handshake read back from the log). */
export function fromCloudTrailCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromCloudTrailCase);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), fromCloudTrailCase(v)]));
}

function append(state: OrgState, event: WorldEvent): void {
  state.Events.push(event);
  const count = state.Events.length;
  if (count > MAX_EVENTS) dropFirst(state.Events, count - MAX_EVENTS);
}

function base(state: OrgState, ctx: ServiceContext, eventName: string): Pick<WorldEvent, 'eventVersion' | 'eventID' | 'eventTime' | 'eventSource' | 'eventName' | 'awsRegion'> {
  return {
    eventVersion: '1.11',
    eventID: newEventId(state, ctx),
    eventTime: isoUtc(nowSeconds(ctx)),
    eventSource: 'organizations.amazonaws.com',
    eventName,
    awsRegion: 'us-east-1',
  };
}

export function recordApiCall(
  state: OrgState,
  ctx: ServiceContext,
  call: { operation: string; input: object; output?: object; error?: { code: string; message: string }; recipientAccountId: string; fault?: string },
): void {
  const event: WorldEvent = {
    ...base(state, ctx, call.operation),
    eventType: 'AwsApiCall',
    userIdentity: { type: 'Root', accountId: ctx.caller, principalId: ctx.caller },
    recipientAccountId: call.recipientAccountId,
    requestParameters: Object.keys(call.input).length ? (camel(call.input) as Record<string, unknown>) : null,
    responseElements: call.output && Object.keys(call.output).length ? (camel(call.output) as Record<string, unknown>) : null,
  };
  if (call.error) {
    event.errorCode = call.error.code;
    event.errorMessage = call.error.message;
  }
  if (call.fault) event.orgsimFault = call.fault;
  append(state, event);
}

/** What ended a handshake without a call of its own: time (`HandshakeExpired`), or another operation. */
export function recordHandshakeEnded(state: OrgState, ids: IdGenerator, record: HandshakeRecord, at: number, why: string): void {
  const h = record.Handshake;
  const management = managementAccountOfArn(h.Arn) ?? '';
  append(state, {
    eventVersion: '1.11',
    eventID: ids.eventId(nextSequence(state)),
    eventTime: isoUtc(at),
    eventSource: 'orgsim',
    eventName: h.State === 'EXPIRED' ? 'HandshakeExpired' : 'HandshakeCanceled',
    eventType: 'AwsServiceEvent',
    awsRegion: 'us-east-1',
    recipientAccountId: management,
    serviceEventDetails: { handshakeId: h.Id, action: h.Action, state: h.State, parties: h.Parties.map((p) => p.Id), reason: why },
  });
}

export function recordMembership(
  state: OrgState,
  ctx: ServiceContext,
  change: { joined: boolean; accountId: string; organizationId: string; managementAccountId: string; method: 'Invited' | 'Created' | 'Left' | 'Removed' },
): void {
  const time = isoUtc(nowSeconds(ctx));
  append(state, {
    ...base(state, ctx, change.joined ? 'AccountJoinedOrganization' : 'AccountDepartedOrganization'),
    eventType: 'AwsServiceEvent',
    recipientAccountId: change.managementAccountId,
    serviceEventDetails: change.joined
      ? { accountId: change.accountId, organizationId: change.organizationId, joinedMethod: change.method, joinedTime: time }
      : { accountId: change.accountId, organizationId: change.organizationId, departedMethod: change.method, departedTime: time },
  });
}
