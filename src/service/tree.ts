// The shape of an organization: its root, its OUs and which of them each account sits in; the
// paths, ARNs and views worked out from it (organization.md §21, §23).
import { AccountState, AccountStatus, ChildType, ParentType } from '../model/enums.js';
import { accountArn, organizationalUnitArn } from '../model/ids.js';
import type { Account, AccountRecord, OrganizationalUnit, OrganizationalUnitRecord, OrganizationRecord } from '../model/types.js';

export function unitsOf(org: OrganizationRecord): readonly OrganizationalUnitRecord[] {
  return org.OrganizationalUnits ?? [];
}

export function findUnit(org: OrganizationRecord, id: string): OrganizationalUnitRecord | undefined {
  return unitsOf(org).find((u) => u.Id === id);
}

/** Whether `id` names this organization's root or one of its OUs. */
export function isContainer(org: OrganizationRecord, id: string): boolean {
  return id === org.RootId || findUnit(org, id) !== undefined;
}

/** Accounts as ListAccounts orders them: by id. */
export const byId = (a: AccountRecord, b: AccountRecord): number => (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0);
/** The same order as a page key (pages.ts). */
export const accountKey = (a: AccountRecord): [number, string] => [0, a.Id];

/** The root or OU an account is directly in. */
export const parentOf = (org: OrganizationRecord, account: AccountRecord): string => account.ParentId ?? org.RootId;

/** The OUs from the top down to `id` itself (empty for the root). */
function chain(org: OrganizationRecord, id: string): string[] {
  const ids: string[] = [];
  for (let at = findUnit(org, id); at; at = findUnit(org, at.ParentId)) ids.unshift(at.Id);
  return ids;
}

/** How many OUs deep a container is: 0 for the root, 1 for an OU directly under it. */
export const depthOf = (org: OrganizationRecord, id: string): number => chain(org, id).length;

/** `o-…/r-…/ou-…/…/` down to the container. */
function containerPath(org: OrganizationRecord, id: string): string {
  return [org.Id, org.RootId, ...chain(org, id)].join('/') + '/';
}

export function unitView(org: OrganizationRecord, unit: OrganizationalUnitRecord): OrganizationalUnit {
  return { Id: unit.Id, Arn: organizationalUnitArn(org.MasterAccountId, org.Id, unit.Id), Name: unit.Name, Path: containerPath(org, unit.Id) };
}

/** The retired Status the service still sends beside State (organization.md R-191). */
const LEGACY_STATUS: Record<AccountState, AccountStatus> = {
  ACTIVE: AccountStatus.ACTIVE,
  PENDING_CLOSURE: AccountStatus.PENDING_CLOSURE,
  CLOSED: AccountStatus.SUSPENDED,
  SUSPENDED: AccountStatus.SUSPENDED,
  PENDING_ACTIVATION: AccountStatus.ACTIVE,
};

export function accountView(org: OrganizationRecord, account: AccountRecord): Account {
  const view: Account = {
    Id: account.Id,
    Arn: accountArn(org.MasterAccountId, org.Id, account.Id),
    Email: account.Email,
    Name: account.Name,
    Status: LEGACY_STATUS[account.State],
    State: account.State,
    Paths: [containerPath(org, parentOf(org, account)) + `${account.Id}/`],
  };
  if (account.JoinedMethod !== undefined) view.JoinedMethod = account.JoinedMethod;
  if (account.JoinedTimestamp !== undefined) view.JoinedTimestamp = account.JoinedTimestamp;
  return view;
}

/** A Child or a Parent entry: what kind of thing the id names. */
export const childEntry = (id: string, type: ChildType) => ({ Id: id, Type: type });
export const parentEntry = (org: OrganizationRecord, id: string) => ({ Id: id, Type: id === org.RootId ? ParentType.ROOT : ParentType.ORGANIZATIONAL_UNIT });
