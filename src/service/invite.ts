// InviteAccountToOrganization: input checks, then caller, membership, duplicates, daily limit, quota.
import { ActionType, HandshakePartyType, HandshakeResourceType, HandshakeState, isPending, OrganizationFeatureSet } from '../model/enums.js';
import { pendingMigration } from './all-features.js';
import { invalidInput, OrganizationsError, reasonError } from '../model/errors.js';
import { ACCOUNT_ID_PATTERN, EMAIL_MAX, EMAIL_MIN, EMAIL_PATTERN, handshakeArn, organizationPartyId } from '../model/ids.js';
import { checkTags } from './tags.js';
import type { HandshakeParty, HandshakeRecord, HandshakeResource, OrganizationRecord, OrgState, HandshakeOutput } from '../model/types.js';
import { addSeconds, DAY_SECONDS, nowSeconds, type ServiceContext } from './context.js';
import { newHandshakeId } from './ids.js';
import { countWhere, eachWhere, where, type Question } from './table.js';
import type { Peek } from '../model/table.js';
import type { Request } from './input.js';
import { findAccount, managedOrganization, managementAccount, members, recipientParty, sameEmail } from './world.js';

export { INVITATION_LIFETIME_SECONDS } from '../model/limits.js';
import { INVITATION_LIFETIME_SECONDS } from '../model/limits.js';
export const MAX_NOTES = 1024;

export function checkTarget(target: unknown): HandshakeParty {
  if (typeof target !== 'object' || target === null) throw invalidInput('INVALID_PATTERN');
  const { Id, Type } = target as Record<string, unknown>;
  if (Type !== HandshakePartyType.ACCOUNT && Type !== HandshakePartyType.EMAIL) throw invalidInput('INVALID_PARTY_TYPE_TARGET');
  if (typeof Id !== 'string') throw invalidInput('INVALID_PATTERN');
  if (Type === HandshakePartyType.ACCOUNT && !ACCOUNT_ID_PATTERN.test(Id)) throw invalidInput('INVALID_PATTERN');
  if (Type === HandshakePartyType.EMAIL && (Id.length < EMAIL_MIN || Id.length > EMAIL_MAX || !EMAIL_PATTERN.test(Id))) {
    throw invalidInput('INVALID_EMAIL_ADDRESS_TARGET');
  }
  return { Id, Type };
}

export function checkNotes(notes: unknown): string | undefined {
  if (notes === undefined || notes === null) return undefined;
  if (typeof notes !== 'string') throw invalidInput('INVALID_PATTERN', 'NOTES');
  if (notes.length > MAX_NOTES) throw invalidInput('MAX_LENGTH_EXCEEDED', 'NOTES');
  return notes;
}

export function samePartyId(a: HandshakeParty, b: HandshakeParty): boolean {
  return a.Type === b.Type && (a.Type === HandshakePartyType.EMAIL ? sameEmail(a.Id, b.Id) : a.Id === b.Id);
}

/** Whether a handshake, by its peek, is an invitation of `org`. */
const invitationOf = (org: OrganizationRecord) => (peek: Peek) => peek.OrganizationId === org.Id && peek.Action === ActionType.INVITE;

/** The organization's pending invitations, narrowed to those that name `mentioning` when given. */
function pendingInvitations(org: OrganizationRecord, mentioning?: string): Question {
  const ofOrg = invitationOf(org);
  return {
    keys: ['OrganizationId', 'Action', 'State'],
    test: (peek) => ofOrg(peek) && isPending(peek.State as HandshakeState),
    mentions: mentioning === undefined ? undefined : [mentioning],
  };
}

/** Invitations still waiting for an answer: each holds a place in the account quota. */
export const pendingInvitationCount = (state: OrgState, org: OrganizationRecord) => countWhere(state.Handshakes, pendingInvitations(org));

function checkConstraints(state: OrgState, org: OrganizationRecord, target: HandshakeParty, now: number): void {
  if (target.Type === HandshakePartyType.ACCOUNT && findAccount(state, target.Id)?.OrganizationId === org.Id) {
    throw reasonError('HandshakeConstraintViolationException', 'ALREADY_IN_AN_ORGANIZATION');
  }
  const toTarget = where(state.Handshakes, pendingInvitations(org, target.Id));
  if (toTarget.some((r) => { const p = recipientParty(r); return p !== undefined && samePartyId(p, target); })) {
    throw new OrganizationsError('DuplicateHandshakeException');
  }
  // Both counts of the organization's invitations in one pass over the handshakes.
  let sentToday = 0;
  let pending = 0;
  eachWhere(state.Handshakes, { keys: ['OrganizationId', 'Action', 'State', 'RequestedTimestamp'], test: invitationOf(org) }, (peek) => {
    if (peek.State !== HandshakeState.ACCEPTED && Number(peek.RequestedTimestamp) > now - DAY_SECONDS) sentToday++;
    if (isPending(peek.State as HandshakeState)) pending++;
  });
  if (sentToday >= org.Quotas.InvitationsPerDay) {
    throw reasonError('HandshakeConstraintViolationException', 'HANDSHAKE_RATE_LIMIT_EXCEEDED');
  }
  if (members(state, org.Id).length + pending >= org.Quotas.Accounts) {
    throw reasonError('HandshakeConstraintViolationException', 'ACCOUNT_NUMBER_LIMIT_EXCEEDED');
  }
}

function invitationResources(state: OrgState, org: OrganizationRecord, target: HandshakeParty, notes: string | undefined): HandshakeResource[] {
  const management = managementAccount(state, org);
  const resources: HandshakeResource[] = [
    {
      Value: org.Id,
      Type: HandshakeResourceType.ORGANIZATION,
      Resources: [
        { Value: management.Email, Type: HandshakeResourceType.MASTER_EMAIL },
        { Value: management.Name, Type: HandshakeResourceType.MASTER_NAME },
        // During a migration new invitations already offer ALL, and accepting counts as consent
        // (an organization with all features offers them anyway: no migration is looked for).
        { Value: org.FeatureSet === OrganizationFeatureSet.ALL || pendingMigration(state, org) ? OrganizationFeatureSet.ALL : org.FeatureSet, Type: HandshakeResourceType.ORGANIZATION_FEATURE_SET },
      ],
    },
    { Value: target.Id, Type: target.Type },
  ];
  if (notes !== undefined) resources.push({ Value: notes, Type: HandshakeResourceType.NOTES });
  return resources;
}

export function inviteAccountToOrganization(state: OrgState, input: Request, ctx: ServiceContext): HandshakeOutput {
  const target = checkTarget(input.Target);
  const notes = checkNotes(input.Notes);
  const tags = checkTags(input.Tags);
  const org = managedOrganization(state, ctx.caller);
  const now = nowSeconds(ctx);
  checkConstraints(state, org, target, now);
  const id = newHandshakeId(state, ctx);
  const record: HandshakeRecord = {
    Handshake: {
      Id: id,
      Arn: handshakeArn(org.MasterAccountId, org.Id, ActionType.INVITE, id),
      Parties: [{ Id: organizationPartyId(org.Id), Type: HandshakePartyType.ORGANIZATION }, target],
      State: HandshakeState.OPEN,
      RequestedTimestamp: now,
      ExpirationTimestamp: addSeconds(now, INVITATION_LIFETIME_SECONDS),
      Action: ActionType.INVITE,
      Resources: invitationResources(state, org, target, notes),
    },
    OrganizationId: org.Id,
    Tags: tags,
  };
  state.Handshakes.push(record);
  return { Handshake: structuredClone(record.Handshake) };
}
