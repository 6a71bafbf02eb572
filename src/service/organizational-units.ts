// CreateOrganizationalUnit, DescribeOrganizationalUnit, UpdateOrganizationalUnit and
// DeleteOrganizationalUnit (organization.md ).
import { invalidInput, OrganizationsError, reasonError } from '../model/errors.js';
import { OU_ID_PATTERN, OU_NAME_MAX, OU_NAME_MIN, PARENT_ID_PATTERN } from '../model/ids.js';
import { MAX_ORGANIZATIONAL_UNITS, MAX_OU_DEPTH } from '../model/limits.js';
import type { OrganizationalUnit, OrganizationalUnitRecord, OrganizationRecord, OrgState } from '../model/types.js';
import type { ServiceContext } from './context.js';
import { nextSequence } from './ids.js';
import { requireMatching, type Request } from './input.js';
import { checkTagList, mergeTags } from './tags.js';
import { depthOf, findUnit, isContainer, unitsOf, unitView } from './tree.js';
import { managedOrganization, members, readableOrganization } from './world.js';
import { attachDefault, dropTarget } from './attachments.js';

/** An OU name: 1 to 128 characters (counted as characters, not bytes). */
function checkName(name: unknown): string {
  if (typeof name !== 'string') throw invalidInput('INVALID_PATTERN', 'NAME');
  const length = Array.from(name).length;
  if (length < OU_NAME_MIN) throw invalidInput('MIN_LENGTH_EXCEEDED', 'NAME');
  if (length > OU_NAME_MAX) throw invalidInput('MAX_LENGTH_EXCEEDED', 'NAME');
  return name;
}

/** Names are unique among an OU's siblings only (the same name may repeat under another parent). */
function checkUniqueName(org: OrganizationRecord, parentId: string, name: string, except?: string): void {
  if (unitsOf(org).some((u) => u.ParentId === parentId && u.Name === name && u.Id !== except)) throw new OrganizationsError('DuplicateOrganizationalUnitException');
}

function requireUnitById(org: OrganizationRecord, id: string): OrganizationalUnitRecord {
  const unit = findUnit(org, id);
  if (!unit) throw new OrganizationsError('OrganizationalUnitNotFoundException');
  return unit;
}

export function createOrganizationalUnit(state: OrgState, input: Request, ctx: ServiceContext): { OrganizationalUnit: OrganizationalUnit } {
  const parentId = requireMatching(input, 'ParentId', 'PARENT_ID', PARENT_ID_PATTERN);
  if (input.Name === undefined || input.Name === null) throw invalidInput('INPUT_REQUIRED', 'NAME');
  const name = checkName(input.Name);
  const tags = input.Tags === undefined || input.Tags === null ? [] : mergeTags([], checkTagList(input.Tags));
  const org = managedOrganization(state, ctx.caller);
  if (!isContainer(org, parentId)) throw new OrganizationsError('ParentNotFoundException');
  checkUniqueName(org, parentId, name);
  if (depthOf(org, parentId) >= MAX_OU_DEPTH) throw reasonError('ConstraintViolationException', 'OU_DEPTH_LIMIT_EXCEEDED');
  if (unitsOf(org).length >= MAX_ORGANIZATIONAL_UNITS) throw reasonError('ConstraintViolationException', 'OU_NUMBER_LIMIT_EXCEEDED');
  const sequence = nextSequence(state);
  const unit: OrganizationalUnitRecord = { Id: ctx.ids.organizationalUnitId(sequence, org.RootId), Name: name, ParentId: parentId, Tags: tags, Sequence: sequence };
  (org.OrganizationalUnits ??= []).push(unit);
  attachDefault(org, unit.Id);
  return { OrganizationalUnit: unitView(org, unit) };
}

export function describeOrganizationalUnit(state: OrgState, input: Request, ctx: ServiceContext): { OrganizationalUnit: OrganizationalUnit } {
  const id = requireMatching(input, 'OrganizationalUnitId', 'ORGANIZATIONAL_UNIT_ID', OU_ID_PATTERN);
  const org = readableOrganization(state, ctx.caller);
  return { OrganizationalUnit: unitView(org, requireUnitById(org, id)) };
}

/**
 * A missing name, or one that is blank, leaves the OU as it is: the service answered a single
 * space so (R-180; other blanks are treated alike, a proposal).
 */
export function updateOrganizationalUnit(state: OrgState, input: Request, ctx: ServiceContext): { OrganizationalUnit: OrganizationalUnit } {
  const id = requireMatching(input, 'OrganizationalUnitId', 'ORGANIZATIONAL_UNIT_ID', OU_ID_PATTERN);
  const name = input.Name === undefined || input.Name === null ? undefined : checkName(input.Name);
  const org = managedOrganization(state, ctx.caller);
  const unit = requireUnitById(org, id);
  if (name !== undefined && name.trim() !== '' && name !== unit.Name) {
    checkUniqueName(org, unit.ParentId, name, unit.Id);
    unit.Name = name;
  }
  return { OrganizationalUnit: unitView(org, unit) };
}

export function deleteOrganizationalUnit(state: OrgState, input: Request, ctx: ServiceContext): object {
  const id = requireMatching(input, 'OrganizationalUnitId', 'ORGANIZATIONAL_UNIT_ID', OU_ID_PATTERN);
  const org = managedOrganization(state, ctx.caller);
  const unit = requireUnitById(org, id);
  const holdsUnits = unitsOf(org).some((u) => u.ParentId === unit.Id);
  const holdsAccounts = members(state, org.Id).some((a) => a.ParentId === unit.Id);
  if (holdsUnits || holdsAccounts) throw new OrganizationsError('OrganizationalUnitNotEmptyException');
  org.OrganizationalUnits = unitsOf(org).filter((u) => u.Id !== unit.Id);
  dropTarget(org, unit.Id);
  return {};
}
