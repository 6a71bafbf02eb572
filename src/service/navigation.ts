// ListOrganizationalUnitsForParent, ListChildren, ListParents and ListAccountsForParent
// (organization.md ): what is directly under a root or OU, and what is directly above.
import { ChildType } from '../model/enums.js';
import { invalidInput, OrganizationsError } from '../model/errors.js';
import { ACCOUNT_ID_PATTERN, CHILD_ID_PATTERN, PARENT_ID_PATTERN } from '../model/ids.js';
import type { AccountRecord, OrganizationalUnitRecord, OrganizationRecord, OrgState } from '../model/types.js';
import type { ServiceContext } from './context.js';
import { requireMatching, type Request } from './input.js';
import { Paging } from './pages.js';
import { accountKey, accountView, byId, childEntry, findUnit, isContainer, parentEntry, parentOf, unitsOf, unitView } from './tree.js';
import { findAccount, members, readableOrganization } from './world.js';

/** OUs in the order they were made. */
const unitKey = (u: OrganizationalUnitRecord): [number, string] => [-u.Sequence, u.Id];

const requireParent = (input: Request) => requireMatching(input, 'ParentId', 'PARENT_ID', PARENT_ID_PATTERN);

function existingParent(org: OrganizationRecord, parentId: string): string {
  if (!isContainer(org, parentId)) throw new OrganizationsError('ParentNotFoundException');
  return parentId;
}

const unitsUnder = (org: OrganizationRecord, parentId: string) => unitsOf(org).filter((u) => u.ParentId === parentId);

function accountsUnder(state: OrgState, org: OrganizationRecord, parentId: string): AccountRecord[] {
  return members(state, org.Id)
    .filter((a) => parentOf(org, a) === parentId)
    .sort(byId);
}

export function listOrganizationalUnitsForParent(state: OrgState, input: Request, ctx: ServiceContext): Record<string, unknown> {
  const parentId = requireParent(input);
  const paging = new Paging('ListOrganizationalUnitsForParent', input);
  const cursor = paging.cursor(parentId);
  const org = readableOrganization(state, ctx.caller);
  return paging.respond(unitsUnder(org, existingParent(org, parentId)), unitKey, cursor, parentId, (u) => unitView(org, u));
}

export function listAccountsForParent(state: OrgState, input: Request, ctx: ServiceContext): Record<string, unknown> {
  const parentId = requireParent(input);
  const paging = new Paging('ListAccountsForParent', input);
  const cursor = paging.cursor(parentId);
  const org = readableOrganization(state, ctx.caller);
  return paging.respond(accountsUnder(state, org, existingParent(org, parentId)), accountKey, cursor, parentId, (a) => accountView(org, a));
}

export function listChildren(state: OrgState, input: Request, ctx: ServiceContext): Record<string, unknown> {
  const parentId = requireParent(input);
  const type = input.ChildType;
  if (type === undefined || type === null) throw invalidInput('INPUT_REQUIRED', 'CHILD_TYPE');
  if (type !== ChildType.ACCOUNT && type !== ChildType.ORGANIZATIONAL_UNIT) throw invalidInput('INVALID_ENUM', 'CHILD_TYPE');
  const paging = new Paging('ListChildren', input);
  const filter = { parentId, type };
  const cursor = paging.cursor(filter);
  const org = readableOrganization(state, ctx.caller);
  existingParent(org, parentId);
  if (type === ChildType.ACCOUNT) return paging.respond(accountsUnder(state, org, parentId), accountKey, cursor, filter, (a) => childEntry(a.Id, ChildType.ACCOUNT));
  return paging.respond(unitsUnder(org, parentId), unitKey, cursor, filter, (u) => childEntry(u.Id, ChildType.ORGANIZATIONAL_UNIT));
}

/** A child has exactly one parent ("in the current release"), so the list holds one entry. */
export function listParents(state: OrgState, input: Request, ctx: ServiceContext): Record<string, unknown> {
  const childId = requireMatching(input, 'ChildId', 'CHILD_ID', CHILD_ID_PATTERN);
  const paging = new Paging('ListParents', input);
  const cursor = paging.cursor(childId);
  const org = readableOrganization(state, ctx.caller);
  let parentId: string | undefined;
  if (ACCOUNT_ID_PATTERN.test(childId)) {
    const account = findAccount(state, childId);
    if (account?.OrganizationId === org.Id) parentId = parentOf(org, account);
  } else {
    parentId = findUnit(org, childId)?.ParentId;
  }
  if (parentId === undefined) throw new OrganizationsError('ChildNotFoundException');
  return paging.respond([parentId], (id) => [0, id], cursor, childId, (id) => parentEntry(org, id));
}
