// Policies of an organization (organization.md ): the AWS-managed FullAWSAccess that
// every all-features organization shares, and the organization's own, with their content kept as sent.
import { OrganizationFeatureSet, PolicyType } from '../model/enums.js';
import { invalidInput, OrganizationsError, reasonError } from '../model/errors.js';
import { awsManagedPolicyArn, FULL_AWS_ACCESS_ID, POLICY_ID_PATTERN, policyArn } from '../model/ids.js';
import type { OrganizationRecord, OrgState, PolicyRecord } from '../model/types.js';
import type { Policy, PolicySummary } from '../model/generated/organizations-types.js';
import type { ServiceContext } from './context.js';
import { nextSequence } from './ids.js';
import { requireMatching, type Request } from './input.js';
import { Paging } from './pages.js';
import { checkContent, policyLimits } from './policy-content.js';
import { checkTagList, mergeTags } from './tags.js';
import { managedOrganization, readableOrganization } from './world.js';


/** FullAWSAccess as DescribePolicy returns it on real AWS (R-216, observed 2026-09-13). */
export const FULL_AWS_ACCESS: Policy = {
  PolicySummary: {
    Id: FULL_AWS_ACCESS_ID,
    Arn: awsManagedPolicyArn(PolicyType.SERVICE_CONTROL_POLICY, FULL_AWS_ACCESS_ID),
    Name: 'FullAWSAccess',
    Description: 'Allows access to every operation',
    Type: PolicyType.SERVICE_CONTROL_POLICY,
    AwsManaged: true,
  },
  Content: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "*",\n      "Resource": "*"\n    }\n  ]\n}',
};

export const policiesOf = (org: OrganizationRecord): PolicyRecord[] => org.Policies ?? [];

/** A policy the organization can see: its own, or FullAWSAccess when it has all features. */
export type KnownPolicy = { managed: true; policy: Policy } | { managed: false; record: PolicyRecord };

export function findPolicy(org: OrganizationRecord, id: string): KnownPolicy | undefined {
  if (id === FULL_AWS_ACCESS_ID) return org.FeatureSet === OrganizationFeatureSet.ALL ? { managed: true, policy: FULL_AWS_ACCESS } : undefined;
  const record = policiesOf(org).find((p) => p.Id === id);
  return record ? { managed: false, record } : undefined;
}

export function requirePolicy(org: OrganizationRecord, input: Request): KnownPolicy {
  const id = requireMatching(input, 'PolicyId', 'POLICY_ID', POLICY_ID_PATTERN);
  const found = findPolicy(org, id);
  if (!found) throw new OrganizationsError('PolicyNotFoundException');
  return found;
}

export function summaryOf(org: OrganizationRecord, known: KnownPolicy): PolicySummary {
  if (known.managed) return { ...known.policy.PolicySummary };
  const p = known.record;
  return { Id: p.Id, Arn: policyArn(org.MasterAccountId, org.Id, p.Type, p.Id), Name: p.Name, Description: p.Description, Type: p.Type, AwsManaged: false };
}

export const typeOf = (known: KnownPolicy): string => (known.managed ? PolicyType.SERVICE_CONTROL_POLICY : known.record.Type);
export const idOf = (known: KnownPolicy): string => (known.managed ? FULL_AWS_ACCESS_ID : known.record.Id);

/** A policy type named in a request: no `:FIELD` suffix on its reason (R-218, observed). */
export function requirePolicyType(value: unknown, field: string): PolicyType {
  if (value === undefined || value === null) throw invalidInput('INPUT_REQUIRED', field);
  if (!Object.values(PolicyType).includes(value as PolicyType)) throw invalidInput('INVALID_ENUM_POLICY_TYPE');
  return value as PolicyType;
}

function checkName(name: unknown): string {
  const text = String(name);
  if (text.length < 1) throw invalidInput('MIN_LENGTH_EXCEEDED', 'NAME');
  if (Array.from(text).length > 128) throw invalidInput('MAX_LENGTH_EXCEEDED', 'NAME');
  return text;
}

function checkDescription(description: unknown): string {
  const text = String(description);
  if (Array.from(text).length > 512) throw invalidInput('MAX_LENGTH_EXCEEDED', 'DESCRIPTION');
  return text;
}

function checkContentLength(content: unknown): string {
  const text = String(content);
  if (!text.length) throw invalidInput('MIN_LENGTH_EXCEEDED', 'CONTENT');
  return text;
}

/** Every policy type needs all features. */
export function requireAllFeatures(org: OrganizationRecord): void {
  if (org.FeatureSet !== OrganizationFeatureSet.ALL) throw new OrganizationsError('PolicyTypeNotAvailableForOrganizationException');
}

const sameName = (org: OrganizationRecord, type: string, name: string, except?: string) =>
  (type === PolicyType.SERVICE_CONTROL_POLICY && name === FULL_AWS_ACCESS.PolicySummary!.Name) || policiesOf(org).some((p) => p.Type === type && p.Name === name && p.Id !== except);

export function createPolicy(state: OrgState, input: Request, ctx: ServiceContext): { Policy: Policy } {
  for (const [member, field] of [['Content', 'CONTENT'], ['Description', 'DESCRIPTION'], ['Name', 'NAME'], ['Type', 'TYPE']] as const) {
    if (input[member] === undefined || input[member] === null) throw invalidInput('INPUT_REQUIRED', field);
  }
  const content = checkContentLength(input.Content);
  const name = checkName(input.Name);
  const description = checkDescription(input.Description);
  const type = requirePolicyType(input.Type, 'TYPE');
  const tags = input.Tags === undefined || input.Tags === null ? [] : checkTagList(input.Tags);
  const org = managedOrganization(state, ctx.caller);
  requireAllFeatures(org);
  checkContent(type, content);
  if (sameName(org, type, name)) throw new OrganizationsError('DuplicatePolicyException');
  if (policiesOf(org).filter((p) => p.Type === type).length >= policyLimits(type).count) throw reasonError('ConstraintViolationException', 'POLICY_NUMBER_LIMIT_EXCEEDED');
  const sequence = nextSequence(state);
  const record: PolicyRecord = { Id: ctx.ids.policyId(sequence), Name: name, Description: description, Type: type, Content: content, Tags: mergeTags([], tags), Sequence: sequence };
  (org.Policies ??= []).push(record);
  return { Policy: { PolicySummary: summaryOf(org, { managed: false, record }), Content: content } };
}

export function describePolicy(state: OrgState, input: Request, ctx: ServiceContext): { Policy: Policy } {
  const id = requireMatching(input, 'PolicyId', 'POLICY_ID', POLICY_ID_PATTERN);
  const org = readableOrganization(state, ctx.caller);
  const known = findPolicy(org, id);
  if (!known) throw new OrganizationsError('PolicyNotFoundException');
  return { Policy: known.managed ? structuredClone(known.policy) : { PolicySummary: summaryOf(org, known), Content: known.record.Content } };
}

/**
 * R-223, as observed: the answer's summary carries only the Name and Description that were sent;
 * an empty Description is echoed but leaves the stored one as it was; a blank Name is kept.
 */
export function updatePolicy(state: OrgState, input: Request, ctx: ServiceContext): { Policy: Policy } {
  const id = requireMatching(input, 'PolicyId', 'POLICY_ID', POLICY_ID_PATTERN);
  const has = (m: string) => input[m] !== undefined && input[m] !== null;
  const name = has('Name') ? checkName(input.Name) : undefined;
  const description = has('Description') ? checkDescription(input.Description) : undefined;
  const content = has('Content') ? checkContentLength(input.Content) : undefined;
  const org = managedOrganization(state, ctx.caller);
  const known = findPolicy(org, id);
  if (!known) throw new OrganizationsError('PolicyNotFoundException');
  if (known.managed) throw invalidInput('IMMUTABLE_POLICY');
  const record = known.record;
  if (content !== undefined) checkContent(record.Type, content);
  if (name !== undefined && sameName(org, record.Type, name, record.Id)) throw new OrganizationsError('DuplicatePolicyException');
  if (name !== undefined) record.Name = name;
  if (description !== undefined && description !== '') record.Description = description;
  if (content !== undefined) record.Content = content;
  const full = summaryOf(org, known);
  const summary: PolicySummary = { Id: full.Id, Arn: full.Arn, ...(name !== undefined ? { Name: name } : {}), ...(description !== undefined ? { Description: description } : {}), Type: full.Type, AwsManaged: false };
  return { Policy: { PolicySummary: summary, Content: record.Content } };
}

export function deletePolicy(state: OrgState, input: Request, ctx: ServiceContext): object {
  const id = requireMatching(input, 'PolicyId', 'POLICY_ID', POLICY_ID_PATTERN);
  const org = managedOrganization(state, ctx.caller);
  const known = findPolicy(org, id);
  if (!known) throw new OrganizationsError('PolicyNotFoundException');
  // which error AWS gives is not known; the one its reasons name for AWS-managed policies (proposal).
  if (known.managed) throw invalidInput('IMMUTABLE_POLICY');
  if ((org.Attachments ?? []).some((a) => a.PolicyId === id)) throw new OrganizationsError('PolicyInUseException');
  org.Policies = policiesOf(org).filter((p) => p.Id !== id);
  return {};
}

/** AWS-managed first, then the organization's own by creation (R-225, a proposal); none without all features. */
export function listPolicies(state: OrgState, input: Request, ctx: ServiceContext): object {
  const type = requirePolicyType(input.Filter, 'FILTER');
  const paging = new Paging('ListPolicies', input);
  const cursor = paging.cursor(type);
  const org = readableOrganization(state, ctx.caller);
  const known: KnownPolicy[] = org.FeatureSet !== OrganizationFeatureSet.ALL ? [] : [
    ...(type === PolicyType.SERVICE_CONTROL_POLICY ? [{ managed: true, policy: FULL_AWS_ACCESS } as const] : []),
    ...policiesOf(org).filter((p) => p.Type === type).map((record) => ({ managed: false, record }) as const),
  ];
  return paging.respondInOrder(known, idOf, cursor, type, (k) => summaryOf(org, k));
}
