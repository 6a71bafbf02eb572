// EnableAllFeatures, the standard migration: an ENABLE_ALL_FEATURES parent for the
// management account, one APPROVE_ALL_FEATURES child per invited member and one
// ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE child per created member without the service-linked role;
// the parent opens when every child is accepted, and accepting it turns the feature set to ALL.
import { AccountJoinedMethod, ActionType, HandshakePartyType, HandshakeResourceType, HandshakeState, isPending, OrganizationFeatureSet } from '../model/enums.js';
import { reasonError } from '../model/errors.js';
import { handshakeArn, organizationPartyId } from '../model/ids.js';
import type { HandshakeParty, HandshakeRecord, HandshakeResource, OrganizationRecord, OrgState, HandshakeOutput } from '../model/types.js';
import { addSeconds, nowSeconds, type ServiceContext } from './context.js';
import { newHandshakeId } from './ids.js';
import { recordHandshakeEnded } from './events.js';
import type { Request } from './input.js';
import { findHandshake, managedOrganization, members, parentHandshakeId } from './world.js';
import { where } from './table.js';
import { findRole, ORGANIZATIONS_SERVICE_LINKED_ROLE } from './identity.js';

export { MIGRATION_LIFETIME_SECONDS } from '../model/limits.js';
import { MIGRATION_LIFETIME_SECONDS } from '../model/limits.js';

const CHILD_ACTIONS: readonly string[] = [ActionType.APPROVE_ALL_FEATURES, ActionType.ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE];

export const isChild = (record: HandshakeRecord) => CHILD_ACTIONS.includes(record.Handshake.Action);
export const isParent = (record: HandshakeRecord) => record.Handshake.Action === ActionType.ENABLE_ALL_FEATURES;

export function pendingMigration(state: OrgState, org: OrganizationRecord): HandshakeRecord | undefined {
  return where(state.Handshakes, {
    keys: ['OrganizationId', 'Action', 'State'],
    test: (peek) => peek.OrganizationId === org.Id && peek.Action === ActionType.ENABLE_ALL_FEATURES && isPending(peek.State as HandshakeState),
  })[0];
}

export function childrenOf(state: OrgState, parentId: string): HandshakeRecord[] {
  return where(state.Handshakes, { keys: ['Action'], test: (peek) => CHILD_ACTIONS.includes(String(peek.Action)), mentions: [parentId] }).filter(
    (r) => parentHandshakeId(r) === parentId,
  );
}

/** REQUESTED → OPEN once every child still in play (not canceled) is accepted. */
export function reevaluateParent(state: OrgState, parentId: string): void {
  const parent = findHandshake(state, parentId);
  if (!parent || parent.Handshake.State !== HandshakeState.REQUESTED) return;
  const inPlay = childrenOf(state, parentId).filter((c) => c.Handshake.State !== HandshakeState.CANCELED);
  if (inPlay.every((c) => c.Handshake.State === HandshakeState.ACCEPTED)) parent.Handshake.State = HandshakeState.OPEN;
}

/** The attempt is over: children still pending are canceled. */
export function cancelChildren(state: OrgState, parentId: string, endedAt: number): void {
  for (const child of childrenOf(state, parentId)) {
    if (isPending(child.Handshake.State)) {
      child.Handshake.State = HandshakeState.CANCELED;
      child.EndedTimestamp = endedAt;
    }
  }
}

/** A member leaving or removed mid-migration owes no approval any more. */
export function cancelPendingApprovals(state: OrgState, accountId: string, now: number): void {
  for (const child of state.Handshakes) {
    const party = child.Handshake.Parties.find((p) => p.Type === HandshakePartyType.ACCOUNT);
    if (isChild(child) && isPending(child.Handshake.State) && party?.Id === accountId) {
      child.Handshake.State = HandshakeState.CANCELED;
      child.EndedTimestamp = now;
      const parent = parentHandshakeId(child);
      if (parent) reevaluateParent(state, parent);
    }
  }
}

function record(org: OrganizationRecord, id: string, action: ActionType, state: HandshakeState, now: number, expires: number, extra: { member?: string; parent?: string }): HandshakeRecord {
  const parties: HandshakeParty[] = [{ Id: organizationPartyId(org.Id), Type: HandshakePartyType.ORGANIZATION }];
  const resources: HandshakeResource[] = [{ Value: org.Id, Type: HandshakeResourceType.ORGANIZATION }];
  if (extra.member) {
    parties.push({ Id: extra.member, Type: HandshakePartyType.ACCOUNT });
    resources.unshift({ Value: extra.parent!, Type: HandshakeResourceType.PARENT_HANDSHAKE });
    resources.push({ Value: extra.member, Type: HandshakeResourceType.ACCOUNT });
  }
  return {
    Handshake: {
      Id: id,
      Arn: handshakeArn(org.MasterAccountId, org.Id, action, id),
      Parties: parties,
      State: state,
      RequestedTimestamp: now,
      ExpirationTimestamp: expires,
      Action: action,
      Resources: resources,
    },
    OrganizationId: org.Id,
    Tags: [],
  };
}

export function enableAllFeatures(state: OrgState, _input: Request, ctx: ServiceContext): HandshakeOutput {
  const org = managedOrganization(state, ctx.caller);
  if (org.FeatureSet === OrganizationFeatureSet.ALL) throw reasonError('HandshakeConstraintViolationException', 'ORGANIZATION_ALREADY_HAS_ALL_FEATURES');
  if (pendingMigration(state, org)) throw reasonError('HandshakeConstraintViolationException', 'ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION');
  const now = nowSeconds(ctx);
  const expires = addSeconds(now, MIGRATION_LIFETIME_SECONDS);
  // Outstanding invitations are canceled when the request is made.
  for (const r of state.Handshakes) {
    if (r.OrganizationId === org.Id && r.Handshake.Action === ActionType.INVITE && isPending(r.Handshake.State)) {
      r.Handshake.State = HandshakeState.CANCELED;
      r.EndedTimestamp = now;
      recordHandshakeEnded(state, ctx.ids, r, now, 'EnableAllFeatures started the migration to all features');
    }
  }
  const others = members(state, org.Id).filter((a) => a.Id !== org.MasterAccountId);
  const invited = others.filter((a) => a.JoinedMethod === AccountJoinedMethod.INVITED);
  // Created members without the service-linked role are asked to add it (semantics R-25).
  const lacking = others.filter((a) => a.JoinedMethod === AccountJoinedMethod.CREATED && !findRole(state, a.Id, ORGANIZATIONS_SERVICE_LINKED_ROLE));
  const parentId = newHandshakeId(state, ctx);
  const parent = record(org, parentId, ActionType.ENABLE_ALL_FEATURES, invited.length || lacking.length ? HandshakeState.REQUESTED : HandshakeState.OPEN, now, expires, {});
  state.Handshakes.push(parent);
  for (const member of invited) {
    state.Handshakes.push(record(org, newHandshakeId(state, ctx), ActionType.APPROVE_ALL_FEATURES, HandshakeState.OPEN, now, expires, { member: member.Id, parent: parentId }));
  }
  for (const member of lacking) {
    state.Handshakes.push(record(org, newHandshakeId(state, ctx), ActionType.ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE, HandshakeState.OPEN, now, expires, { member: member.Id, parent: parentId }));
  }
  return { Handshake: structuredClone(parent.Handshake) };
}
