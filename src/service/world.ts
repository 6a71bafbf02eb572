// Look-ups over an OrgState that the operations share: who is who, who may do what.
import { AccountState, ActionType, HandshakePartyType, HandshakeResourceType } from '../model/enums.js';
import { OrganizationsError } from '../model/errors.js';
import type { AccountRecord, HandshakeRecord, OrganizationRecord, OrgState } from '../model/types.js';
import { where } from './table.js';

export function findAccount(state: OrgState, accountId: string): AccountRecord | undefined {
  return where(state.Accounts, { keys: [], test: () => true, equal: { key: 'Id', value: accountId } })[0];
}

export function findOrganization(state: OrgState, organizationId: string | undefined): OrganizationRecord | undefined {
  return organizationId === undefined ? undefined : state.Organizations.find((o) => o.Id === organizationId);
}

export function organizationOf(state: OrgState, accountId: string): OrganizationRecord | undefined {
  return findOrganization(state, findAccount(state, accountId)?.OrganizationId);
}

export function isManagementAccount(state: OrgState, accountId: string): boolean {
  return state.Organizations.some((o) => o.MasterAccountId === accountId);
}

export function managementAccount(state: OrgState, org: OrganizationRecord): AccountRecord {
  const account = findAccount(state, org.MasterAccountId);
  if (!account) throw new OrganizationsError('ServiceException');
  return account;
}

export function members(state: OrgState, organizationId: string): AccountRecord[] {
  return where(state.Accounts, { keys: [], test: () => true, equal: { key: 'OrganizationId', value: organizationId } });
}

/** One handshake by id. */
export function findHandshake(state: OrgState, id: string): HandshakeRecord | undefined {
  const same = (r: HandshakeRecord) => r.Handshake.Id === id;
  // A record's first Id is its handshake's as orgsim writes it; one written otherwise (by hand, by
  // another tool) is still found by what it mentions.
  return where(state.Handshakes, { keys: [], test: () => true, equal: { key: 'Id', value: id } }).find(same) ?? where(state.Handshakes, { keys: [], test: () => true, mentions: [id] }).find(same);
}

/** The organization's management account is the sending side of everything it owns. */
export function isSender(state: OrgState, record: HandshakeRecord, accountId: string): boolean {
  return findOrganization(state, record.OrganizationId)?.MasterAccountId === accountId;
}

/** The party that is not the organization: the ACCOUNT or EMAIL the handshake was sent to. */
export function recipientParty(record: HandshakeRecord) {
  return record.Handshake.Parties.find((p) => p.Type !== HandshakePartyType.ORGANIZATION);
}

export function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The recipient is the ACCOUNT party, or the account whose e-mail matches an EMAIL party; the
 * all-features parent is finalised by the management account itself.
 */
export function isRecipient(state: OrgState, record: HandshakeRecord, accountId: string): boolean {
  if (record.Handshake.Action === ActionType.ENABLE_ALL_FEATURES) return isSender(state, record, accountId);
  const party = recipientParty(record);
  if (!party) return false;
  if (party.Type === HandshakePartyType.ACCOUNT) return party.Id === accountId;
  const account = findAccount(state, accountId);
  return account !== undefined && sameEmail(account.Email, party.Id);
}

export function parentHandshakeId(record: HandshakeRecord): string | undefined {
  return record.Handshake.Resources.find((r) => r.Type === HandshakeResourceType.PARENT_HANDSHAKE)?.Value;
}

/** A member registered for some service, still active (transfer-and-delegation.md ). */
export function isDelegatedAdministrator(state: OrgState, org: OrganizationRecord, accountId: string): boolean {
  return (org.DelegatedAdministrators ?? []).some((d) => d.AccountId === accountId) && findAccount(state, accountId)?.State === AccountState.ACTIVE;
}

/** The caller's organization, for the reads its management account or a delegated administrator may make. */
export function readableOrganization(state: OrgState, caller: string): OrganizationRecord {
  const org = organizationOf(state, caller);
  if (!org) throw new OrganizationsError('AWSOrganizationsNotInUseException');
  if (org.MasterAccountId !== caller && !isDelegatedAdministrator(state, org, caller)) throw new OrganizationsError('AccessDeniedException');
  return org;
}

/** The caller's organization, for operations only its management account may call. */
export function managedOrganization(state: OrgState, caller: string): OrganizationRecord {
  const org = organizationOf(state, caller);
  if (!org) throw new OrganizationsError('AWSOrganizationsNotInUseException');
  if (org.MasterAccountId !== caller) throw new OrganizationsError('AccessDeniedException');
  return org;
}
