// Policies (organization.md §26): FullAWSAccess and its default attachments, the organization's
// own policies with their content rules and limits, attachments and the policy types of the root.
import { describe, expect, it } from 'vitest';
import { BILL, JUAN, TestWorld } from './testing/world.js';

const ROOT = 'r-exam';
const SCP = 'SERVICE_CONTROL_POLICY';
const DENY = '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}}';

function withScps(): TestWorld {
  const world = TestWorld.withJuan();
  world.call('EnablePolicyType', BILL, { RootId: ROOT, PolicyType: SCP });
  return world;
}

const create = (w: TestWorld, extra: Record<string, unknown> = {}) =>
  w.call('CreatePolicy', BILL, { Name: 'DenyLeave', Description: 'no leaving', Type: SCP, Content: DENY, ...extra }).Policy;
const targets = (w: TestWorld, policyId: string) => w.call('ListTargetsForPolicy', BILL, { PolicyId: policyId }).Targets.map((t: { TargetId: string }) => t.TargetId);
const attached = (w: TestWorld, targetId: string, Filter = SCP) => w.call('ListPoliciesForTarget', BILL, { TargetId: targetId, Filter }).Policies.map((p: { Id: string }) => p.Id);

describe('enable-policy-type and FullAWSAccess', () => {
  it('enabling SCPs attaches FullAWSAccess to the root, every OU and every account; new ones get it too (R-217, R-231)', () => {
    const world = TestWorld.withJuan();
    const ou = world.call('CreateOrganizationalUnit', BILL, { ParentId: ROOT, Name: 'Before' }).OrganizationalUnit.Id;
    const out = world.call('EnablePolicyType', BILL, { RootId: ROOT, PolicyType: SCP });
    expect(out.Root.PolicyTypes).toEqual([{ Type: SCP, Status: 'ENABLED' }]);
    expect(world.call('DescribeOrganization', BILL).Organization.AvailablePolicyTypes).toEqual([{ Type: SCP, Status: 'ENABLED' }]);
    expect(targets(world, 'p-FullAWSAccess')).toEqual([ROOT, ou, BILL, JUAN]);
    const after = world.call('CreateOrganizationalUnit', BILL, { ParentId: ROOT, Name: 'After' }).OrganizationalUnit.Id;
    expect(attached(world, after)).toEqual(['p-FullAWSAccess']);
    expect(world.outcome('EnablePolicyType', BILL, { RootId: ROOT, PolicyType: SCP })).toBe('PolicyTypeAlreadyEnabledException');
  });

  it('FullAWSAccess is as observed, cannot be changed, deleted or tagged (R-216)', () => {
    const world = withScps();
    const full = world.call('DescribePolicy', BILL, { PolicyId: 'p-FullAWSAccess' }).Policy;
    expect(full.PolicySummary).toEqual({ Id: 'p-FullAWSAccess', Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess', Name: 'FullAWSAccess', Description: 'Allows access to every operation', Type: SCP, AwsManaged: true });
    expect(JSON.parse(full.Content)).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    expect(world.outcome('UpdatePolicy', BILL, { PolicyId: 'p-FullAWSAccess', Name: 'x' })).toBe('InvalidInputException:IMMUTABLE_POLICY');
    expect(world.outcome('DeletePolicy', BILL, { PolicyId: 'p-FullAWSAccess' })).toBe('InvalidInputException:IMMUTABLE_POLICY');
    expect(world.outcome('TagResource', BILL, { ResourceId: 'p-FullAWSAccess', Tags: [{ Key: 'a', Value: 'b' }] })).toBe('InvalidInputException:IMMUTABLE_POLICY');
  });

  it('a new all-features organization starts with SCPs enabled; a consolidated-billing one with none and no policy types at all (R-168, R-215)', () => {
    const world = new TestWorld();
    const org = world.call('CreateOrganization', JUAN, {}).Organization;
    expect(org.AvailablePolicyTypes).toEqual([{ Type: SCP, Status: 'ENABLED' }]);
    const root = world.call('ListRoots', JUAN).Roots[0].Id;
    expect(world.call('ListTargetsForPolicy', JUAN, { PolicyId: 'p-FullAWSAccess' }).Targets.map((t: { TargetId: string }) => t.TargetId)).toEqual([root, JUAN]);
    const billing = TestWorld.consolidatedBilling([JUAN]);
    expect(billing.outcome('EnablePolicyType', BILL, { RootId: ROOT, PolicyType: SCP })).toBe('PolicyTypeNotAvailableForOrganizationException');
    expect(billing.outcome('CreatePolicy', BILL, { Name: 'n', Description: '', Type: SCP, Content: DENY })).toBe('PolicyTypeNotAvailableForOrganizationException');
    expect(billing.call('ListPolicies', BILL, { Filter: SCP }).Policies).toEqual([]);
  });

  it('disabling a type detaches its policies and keeps them; re-enabling SCPs attaches only FullAWSAccess (R-232)', () => {
    const world = withScps();
    const policy = create(world).PolicySummary.Id;
    world.call('AttachPolicy', BILL, { PolicyId: policy, TargetId: JUAN });
    expect(world.call('DisablePolicyType', BILL, { RootId: ROOT, PolicyType: SCP }).Root.PolicyTypes).toEqual([]);
    expect(world.outcome('DisablePolicyType', BILL, { RootId: ROOT, PolicyType: SCP })).toBe('PolicyTypeNotEnabledException');
    world.call('EnablePolicyType', BILL, { RootId: ROOT, PolicyType: SCP });
    expect(attached(world, JUAN)).toEqual(['p-FullAWSAccess']);
    expect(world.call('DescribePolicy', BILL, { PolicyId: policy }).Policy.PolicySummary.Name).toBe('DenyLeave');
  });

  it.each([
    [{ RootId: 'x' }, 'InvalidInputException:INVALID_PATTERN:ROOT_ID'],
    [{ PolicyType: 'NOPE' }, 'InvalidInputException:INVALID_ENUM_POLICY_TYPE'],
    [{ RootId: 'r-zzzz' }, 'RootNotFoundException'],
    [{ PolicyType: 'SECURITYHUB_POLICY' }, 'ConstraintViolationException:SERVICE_ACCESS_NOT_ENABLED'],
  ])('enable-policy-type refuses %j: %s', (change, expected) => {
    expect(TestWorld.withJuan().outcome('EnablePolicyType', BILL, { RootId: ROOT, PolicyType: SCP, ...change })).toBe(expected);
  });
});

describe('create, describe, update, delete and list policies', () => {
  it('keeps the content byte for byte, and lists AWS-managed policies first (R-218, R-225)', () => {
    const world = withScps();
    const spaced = '{ "Version" : "2012-10-17",\n  "Statement": [ { "Effect": "Deny", "NotAction": ["s3:*"], "Resource": "*" } ] }';
    const policy = create(world, { Content: spaced, Tags: [{ Key: 'team', Value: 'sec' }] });
    expect(policy.Content).toBe(spaced);
    expect(policy.PolicySummary).toEqual({ Id: expect.stringMatching(/^p-/), Arn: `arn:aws:organizations::${BILL}:policy/o-exampleorgid/service_control_policy/${policy.PolicySummary.Id}`, Name: 'DenyLeave', Description: 'no leaving', Type: SCP, AwsManaged: false });
    expect(world.call('DescribePolicy', BILL, { PolicyId: policy.PolicySummary.Id }).Policy).toEqual(policy);
    expect(world.call('ListPolicies', BILL, { Filter: SCP }).Policies.map((p: { Id: string }) => p.Id)).toEqual(['p-FullAWSAccess', policy.PolicySummary.Id]);
    expect(world.call('ListTagsForResource', BILL, { ResourceId: policy.PolicySummary.Id }).Tags).toEqual([{ Key: 'team', Value: 'sec' }]);
    const page = world.call('ListPolicies', BILL, { Filter: SCP, MaxResults: 1 });
    expect(world.call('ListPolicies', BILL, { Filter: SCP, MaxResults: 1, NextToken: page.NextToken }).Policies[0].Id).toBe(policy.PolicySummary.Id);
  });

  it.each([
    ['not JSON', '{nope'],
    ['no Version', '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}'],
    ['a Principal', '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}}'],
    ['both Action and NotAction', '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","NotAction":"s3:*"}}'],
    ['an Effect of neither', '{"Version":"2012-10-17","Statement":{"Effect":"Maybe","Action":"*"}}'],
    ['a key twice', '{"Version":"2012-10-17","Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*"}}'],
  ])('an SCP with %s is malformed (R-219)', (_name, content) => {
    expect(withScps().outcome('CreatePolicy', BILL, { Name: 'n', Description: '', Type: SCP, Content: content })).toBe('MalformedPolicyDocumentException');
  });

  it.each([
    ['operators at the root level', '{"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"},"tag_value":{"@@assign":["100","200"]}}}}', 'ok'],
    ['child operators', '{"tags":{"costcenter":{"tag_key":{"@@operators_allowed_for_child_policies":["@@assign","@@append"],"@@assign":"CostCenter"}}}}', 'ok'],
    ['an operator given an object', '{"tags":{"costcenter":{"tag_key":{"@@assign":{}}}}}', 'MalformedPolicyDocumentException'],
    ['an operator inside the tags container', '{"tags":{"@@assign":"x"}}', 'MalformedPolicyDocumentException'],
    ['@@none with another', '{"tags":{"k":{"tag_key":{"@@operators_allowed_for_child_policies":["@@none","@@remove"]}}}}', 'MalformedPolicyDocumentException'],
    ['a repeated operator', '{"tags":{"k":{"tag_key":{"@@operators_allowed_for_child_policies":["@@assign","@@assign"]}}}}', 'MalformedPolicyDocumentException'],
  ])('a tag policy with %s: %s (R-220)', (_name, content, expected) => {
    expect(withScps().outcome('CreatePolicy', BILL, { Name: 'n', Description: '', Type: 'TAG_POLICY', Content: content })).toBe(expected);
  });

  it('refuses in the order of the rules: input, caller, feature set, content, size, name, then tags (R-218)', () => {
    const world = withScps();
    const base = { Name: 'n', Description: '', Type: SCP, Content: DENY };
    expect(world.outcome('CreatePolicy', BILL, { ...base, Description: undefined })).toBe('InvalidInputException:INPUT_REQUIRED:DESCRIPTION');
    expect(world.outcome('CreatePolicy', BILL, { ...base, Name: '' })).toBe('InvalidInputException:MIN_LENGTH_EXCEEDED:NAME');
    expect(world.outcome('CreatePolicy', BILL, { ...base, Name: 'x'.repeat(129) })).toBe('InvalidInputException:MAX_LENGTH_EXCEEDED:NAME');
    expect(world.outcome('CreatePolicy', BILL, { ...base, Description: 'x'.repeat(513) })).toBe('InvalidInputException:MAX_LENGTH_EXCEEDED:DESCRIPTION');
    expect(world.outcome('CreatePolicy', BILL, { ...base, Type: 'WRONG' })).toBe('InvalidInputException:INVALID_ENUM_POLICY_TYPE');
    expect(world.outcome('CreatePolicy', JUAN, base)).toBe('AccessDeniedException');
    const big = `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Sid":"${'x'.repeat(10_240)}"}}`;
    expect(world.outcome('CreatePolicy', BILL, { ...base, Content: big })).toBe('ConstraintViolationException:POLICY_CONTENT_LIMIT_EXCEEDED');
    create(world, { Name: 'n' });
    expect(world.outcome('CreatePolicy', BILL, base)).toBe('DuplicatePolicyException');
    expect(world.outcome('CreatePolicy', BILL, { ...base, Name: 'FullAWSAccess' })).toBe('DuplicatePolicyException');
    expect(world.outcome('CreatePolicy', BILL, { ...base, Name: 'n', Type: 'TAG_POLICY', Content: '{"tags":{}}' })).toBe('ok');
  });

  it('update answers only the members sent; an empty description is echoed but not kept (R-223)', () => {
    const world = withScps();
    const id = create(world).PolicySummary.Id;
    const renamed = world.call('UpdatePolicy', BILL, { PolicyId: id, Name: ' ' }).Policy;
    expect(Object.keys(renamed.PolicySummary)).toEqual(['Id', 'Arn', 'Name', 'Type', 'AwsManaged']);
    expect(renamed.Content).toBe(DENY);
    expect(Object.keys(world.call('UpdatePolicy', BILL, { PolicyId: id }).Policy.PolicySummary)).toEqual(['Id', 'Arn', 'Type', 'AwsManaged']);
    expect(world.call('UpdatePolicy', BILL, { PolicyId: id, Description: '' }).Policy.PolicySummary.Description).toBe('');
    expect(world.call('DescribePolicy', BILL, { PolicyId: id }).Policy.PolicySummary).toMatchObject({ Name: ' ', Description: 'no leaving' });
    expect(world.outcome('UpdatePolicy', BILL, { PolicyId: id, Content: '' })).toBe('InvalidInputException:MIN_LENGTH_EXCEEDED:CONTENT');
    expect(world.outcome('UpdatePolicy', BILL, { PolicyId: id, Content: '{"Version":"2012-10-17"}' })).toBe('MalformedPolicyDocumentException');
    expect(world.outcome('UpdatePolicy', BILL, { PolicyId: 'p-00000000' })).toBe('PolicyNotFoundException');
  });

  it('delete refuses an attached policy; its tags go with it (R-224)', () => {
    const world = withScps();
    const id = create(world).PolicySummary.Id;
    world.call('AttachPolicy', BILL, { PolicyId: id, TargetId: ROOT });
    expect(world.outcome('DeletePolicy', BILL, { PolicyId: id })).toBe('PolicyInUseException');
    world.call('DetachPolicy', BILL, { PolicyId: id, TargetId: ROOT });
    expect(world.call('DeletePolicy', BILL, { PolicyId: id })).toEqual({});
    expect(world.outcome('DescribePolicy', BILL, { PolicyId: id })).toBe('PolicyNotFoundException');
  });
});

describe('attach and detach', () => {
  it('direct attachments only; limits per target; FullAWSAccess can go once another SCP is there (R-226 to R-229)', () => {
    const world = withScps();
    const id = create(world).PolicySummary.Id;
    expect(world.call('AttachPolicy', BILL, { PolicyId: id, TargetId: JUAN })).toEqual({});
    expect(attached(world, JUAN)).toEqual(['p-FullAWSAccess', id]);
    expect(world.outcome('AttachPolicy', BILL, { PolicyId: id, TargetId: JUAN })).toBe('DuplicatePolicyAttachmentException');
    expect(world.outcome('DetachPolicy', BILL, { PolicyId: id, TargetId: ROOT })).toBe('PolicyNotAttachedException');
    world.call('DetachPolicy', BILL, { PolicyId: 'p-FullAWSAccess', TargetId: JUAN });
    expect(world.outcome('DetachPolicy', BILL, { PolicyId: id, TargetId: JUAN })).toBe('ConstraintViolationException:MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED');
    for (let i = 0; i < 9; i++) world.call('AttachPolicy', BILL, { PolicyId: create(world, { Name: `p${i}` }).PolicySummary.Id, TargetId: JUAN });
    expect(world.outcome('AttachPolicy', BILL, { PolicyId: 'p-FullAWSAccess', TargetId: JUAN })).toBe('ConstraintViolationException:MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED');
    expect(attached(world, JUAN, 'TAG_POLICY')).toEqual([]);
  });

  it('a type not enabled, unknown policies and targets, bad ids (R-226)', () => {
    const world = withScps();
    const tag = create(world, { Name: 't', Type: 'TAG_POLICY', Content: '{"tags":{}}' }).PolicySummary.Id;
    expect(world.outcome('AttachPolicy', BILL, { PolicyId: tag, TargetId: JUAN })).toBe('PolicyTypeNotEnabledException');
    expect(world.outcome('AttachPolicy', BILL, { PolicyId: 'p-00000000', TargetId: JUAN })).toBe('PolicyNotFoundException');
    expect(world.outcome('AttachPolicy', BILL, { PolicyId: tag, TargetId: '333333333333' })).toBe('TargetNotFoundException');
    expect(world.outcome('AttachPolicy', BILL, { PolicyId: tag, TargetId: 'x' })).toBe('InvalidInputException:INVALID_PATTERN_TARGET_ID');
    expect(world.outcome('AttachPolicy', BILL, { PolicyId: 'bad', TargetId: JUAN })).toBe('InvalidInputException:INVALID_PATTERN:POLICY_ID');
    expect(world.outcome('AttachPolicy', JUAN, { PolicyId: tag, TargetId: JUAN })).toBe('AccessDeniedException');
  });

  it('an account that leaves takes its attachments; one that joins gets FullAWSAccess', () => {
    const world = withScps();
    const id = create(world).PolicySummary.Id;
    world.call('AttachPolicy', BILL, { PolicyId: id, TargetId: JUAN });
    world.call('RemoveAccountFromOrganization', BILL, { AccountId: JUAN });
    expect(targets(world, id)).toEqual([]);
    world.call('AcceptHandshake', JUAN, { HandshakeId: world.invite({ Id: JUAN, Type: 'ACCOUNT' }) });
    expect(attached(world, JUAN)).toEqual(['p-FullAWSAccess']);
  });
});
