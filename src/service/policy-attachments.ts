// AttachPolicy, DetachPolicy, ListPoliciesForTarget, ListTargetsForPolicy, EnablePolicyType and
// DisablePolicyType (organization.md ). Only direct attachments count; inheritance
// is not evaluated.
import { PolicyType, TargetType } from '../model/enums.js';
import { invalidInput, OrganizationsError, reasonError } from '../model/errors.js';
import { organizationalUnitArn, POLICY_TARGET_PATTERN, ROOT_ID_ONLY_PATTERN, rootArn } from '../model/ids.js';
import type { OrganizationRecord, OrgState } from '../model/types.js';
import type { PolicyTargetSummary, Root } from '../model/generated/organizations-types.js';
import { accountArn } from '../model/ids.js';
import type { ServiceContext } from './context.js';
import { attach, attachDefault, attachmentsOf, isEnabled } from './attachments.js';
import type { Request } from './input.js';
import { Paging } from './pages.js';
import { findPolicy, idOf, requireAllFeatures, requirePolicy, requirePolicyType, summaryOf, typeOf, type KnownPolicy } from './policies.js';
import { policyLimits } from './policy-content.js';
import { POLICY_TYPE_SERVICE } from '../model/service-principals.js';
import { findUnit, unitsOf } from './tree.js';
import { findAccount, managedOrganization, members, readableOrganization } from './world.js';

/** The root as ListRoots, EnablePolicyType and DisablePolicyType show it: its enabled types, sorted by type. */
export function rootView(org: OrganizationRecord): Root {
  const types = [...(org.PolicyTypes ?? [])].sort();
  return { Id: org.RootId, Arn: rootArn(org.MasterAccountId, org.Id, org.RootId), Name: 'Root', PolicyTypes: types.map((Type) => ({ Type, Status: 'ENABLED' })) };
}

/** A root, OU or member account of the organization, as a policy target. */
function targetOf(state: OrgState, org: OrganizationRecord, id: string): PolicyTargetSummary | undefined {
  if (id === org.RootId) return { TargetId: id, Arn: rootArn(org.MasterAccountId, org.Id, id), Name: 'Root', Type: TargetType.ROOT };
  const unit = findUnit(org, id);
  if (unit) return { TargetId: id, Arn: organizationalUnitArn(org.MasterAccountId, org.Id, id), Name: unit.Name, Type: TargetType.ORGANIZATIONAL_UNIT };
  const account = findAccount(state, id);
  if (account?.OrganizationId === org.Id) return { TargetId: id, Arn: accountArn(org.MasterAccountId, org.Id, id), Name: account.Name, Type: TargetType.ACCOUNT };
  return undefined;
}

function requireTargetId(input: Request): string {
  const id = input.TargetId;
  if (id === undefined || id === null) throw invalidInput('INPUT_REQUIRED', 'TARGET_ID');
  if (typeof id !== 'string' || !POLICY_TARGET_PATTERN.test(id)) throw invalidInput('INVALID_PATTERN_TARGET_ID');
  return id;
}

function requireTarget(state: OrgState, org: OrganizationRecord, id: string): PolicyTargetSummary {
  const target = targetOf(state, org, id);
  if (!target) throw new OrganizationsError('TargetNotFoundException');
  return target;
}

/** The policies of `type` attached directly to `targetId`. */
function attachedOfType(org: OrganizationRecord, targetId: string, type: string): KnownPolicy[] {
  return attachmentsOf(org).flatMap((a) => {
    const known = a.TargetId === targetId ? findPolicy(org, a.PolicyId) : undefined;
    return known && typeOf(known) === type ? [known] : [];
  });
}

/** Every entity a policy may be attached to: the root, then OUs, then accounts, each in the order they came. */
const targetIds = (state: OrgState, org: OrganizationRecord): string[] => [org.RootId, ...unitsOf(org).map((u) => u.Id), ...members(state, org.Id).map((a) => a.Id)];

export function attachPolicy(state: OrgState, input: Request, ctx: ServiceContext): object {
  const org = managedOrganizationAfterInput(state, input, ctx);
  const known = requirePolicy(org, input);
  const target = requireTarget(state, org, input.TargetId as string);
  const type = typeOf(known);
  if (!isEnabled(org, type)) throw new OrganizationsError('PolicyTypeNotEnabledException');
  if (attachmentsOf(org).some((a) => a.PolicyId === idOf(known) && a.TargetId === target.TargetId)) throw new OrganizationsError('DuplicatePolicyAttachmentException');
  if (attachedOfType(org, target.TargetId!, type).length >= policyLimits(type).maxAttached) throw reasonError('ConstraintViolationException', 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED');
  attach(org, idOf(known), target.TargetId!);
  return {};
}

/** Patterns first, then the caller (R-226 step order). */
function managedOrganizationAfterInput(state: OrgState, input: Request, ctx: ServiceContext): OrganizationRecord {
  const policyId = input.PolicyId;
  if (policyId === undefined || policyId === null) throw invalidInput('INPUT_REQUIRED', 'POLICY_ID');
  requireTargetId(input);
  return managedOrganization(state, ctx.caller);
}

export function detachPolicy(state: OrgState, input: Request, ctx: ServiceContext): object {
  const org = managedOrganizationAfterInput(state, input, ctx);
  const known = requirePolicy(org, input);
  const target = requireTarget(state, org, input.TargetId as string);
  const id = idOf(known);
  if (!attachmentsOf(org).some((a) => a.PolicyId === id && a.TargetId === target.TargetId)) throw new OrganizationsError('PolicyNotAttachedException');
  const type = typeOf(known);
  if (attachedOfType(org, target.TargetId!, type).length <= policyLimits(type).minAttached) throw reasonError('ConstraintViolationException', 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED');
  org.Attachments = attachmentsOf(org).filter((a) => !(a.PolicyId === id && a.TargetId === target.TargetId));
  return {};
}

export function listPoliciesForTarget(state: OrgState, input: Request, ctx: ServiceContext): object {
  const targetId = requireTargetId(input);
  const type = requirePolicyType(input.Filter, 'FILTER');
  const paging = new Paging('ListPoliciesForTarget', input);
  const cursor = paging.cursor([targetId, type]);
  const org = readableOrganization(state, ctx.caller);
  requireTarget(state, org, targetId);
  const found = attachedOfType(org, targetId, type);
  return paging.respondInOrder(found, idOf, cursor, [targetId, type], (k) => summaryOf(org, k));
}

/** In the order of targetIds (R-230, a proposal). */
export function listTargetsForPolicy(state: OrgState, input: Request, ctx: ServiceContext): object {
  const paging = new Paging('ListTargetsForPolicy', input);
  const org = readableOrganization(state, ctx.caller);
  const known: KnownPolicy = requirePolicy(org, input);
  const cursor = paging.cursor(idOf(known));
  const attached = new Set(attachmentsOf(org).filter((a) => a.PolicyId === idOf(known)).map((a) => a.TargetId));
  const order = targetIds(state, org).filter((id) => attached.has(id));
  const targets = order.map((id) => targetOf(state, org, id)!);
  return paging.respondInOrder(targets, (t) => t.TargetId!, cursor, idOf(known), (t) => t);
}


function requireRoot(input: Request, state: OrgState, ctx: ServiceContext): { org: OrganizationRecord; type: PolicyType } {
  const rootId = input.RootId;
  if (rootId === undefined || rootId === null) throw invalidInput('INPUT_REQUIRED', 'ROOT_ID');
  if (typeof rootId !== 'string' || !ROOT_ID_ONLY_PATTERN.test(rootId)) throw invalidInput('INVALID_PATTERN', 'ROOT_ID');
  const type = requirePolicyType(input.PolicyType, 'POLICY_TYPE');
  const org = managedOrganization(state, ctx.caller);
  if (rootId !== org.RootId) throw new OrganizationsError('RootNotFoundException');
  return { org, type };
}

export function enablePolicyType(state: OrgState, input: Request, ctx: ServiceContext): { Root: Root } {
  const { org, type } = requireRoot(input, state, ctx);
  requireAllFeatures(org);
  // some types need their service's trusted access first.
  const service = POLICY_TYPE_SERVICE[type];
  if (service && !(org.ServiceAccess ?? []).some((a) => a.ServicePrincipal === service)) throw reasonError('ConstraintViolationException', 'SERVICE_ACCESS_NOT_ENABLED');
  if (isEnabled(org, type)) throw new OrganizationsError('PolicyTypeAlreadyEnabledException');
  (org.PolicyTypes ??= []).push(type);
  // after (re-)enabling SCPs, FullAWSAccess is the one SCP on every entity.
  if (type === PolicyType.SERVICE_CONTROL_POLICY) for (const id of targetIds(state, org)) attachDefault(org, id);
  return { Root: rootView(org) };
}

export function disablePolicyType(state: OrgState, input: Request, ctx: ServiceContext): { Root: Root } {
  const { org, type } = requireRoot(input, state, ctx);
  if (!isEnabled(org, type)) throw new OrganizationsError('PolicyTypeNotEnabledException');
  org.PolicyTypes = (org.PolicyTypes ?? []).filter((t) => t !== type);
  // Every policy of the type is detached; the policies themselves stay.
  org.Attachments = attachmentsOf(org).filter((a) => {
    const known = findPolicy(org, a.PolicyId);
    return known !== undefined && typeOf(known) !== type;
  });
  return { Root: rootView(org) };
}

