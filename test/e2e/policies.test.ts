// Policies end to end (organization.md §26): the service control policies a script lists and
// attaches, through the CLI and through orgsim serve with the JS SDK.
import { AttachPolicyCommand, CreatePolicyCommand, ListPoliciesForTargetCommand, ListTargetsForPolicyCommand, OrganizationsClient, paginateListPolicies } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from './helpers.js';
import { startServer } from './server-helpers.js';

const DENY = '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}}';
let box: Sandbox;
beforeAll(async () => {
  box = new Sandbox();
  await box.run(['init']);
  const juan = await box.invite('Id=222222222222,Type=ACCOUNT');
  await box.run(['--profile', 'juan', 'accept-handshake', '--handshake-id', juan]);
});
afterAll(() => box.cleanup());

describe('through the CLI', () => {
  it('enable SCPs, create one from a file, attach it, and see where it is', async () => {
    const enabled = await box.run(['enable-policy-type', '--root-id', 'r-exam', '--policy-type', 'SERVICE_CONTROL_POLICY', '--output', 'text']);
    expect(enabled.stdout).toBe('ROOT\tarn:aws:organizations::111111111111:root/o-exampleorgid/r-exam\tr-exam\tRoot\nPOLICYTYPES\tENABLED\tSERVICE_CONTROL_POLICY\n');
    const file = `${box.dir}/deny.json`;
    await import('node:fs').then((fs) => fs.writeFileSync(file, DENY));
    const created = await box.json(['create-policy', '--name', 'DenyLeave', '--description', 'Members stay', '--type', 'SERVICE_CONTROL_POLICY', '--content', `file://${file}`]);
    expect(created.Policy.Content).toBe(DENY);
    const id = created.Policy.PolicySummary.Id;
    expect((await box.run(['attach-policy', '--policy-id', id, '--target-id', '222222222222'])).stdout).toBe('');
    expect((await box.run(['list-policies', '--filter', 'SERVICE_CONTROL_POLICY', '--query', 'Policies[].Name', '--output', 'text'])).stdout).toBe('FullAWSAccess\tDenyLeave\n');
    expect((await box.run(['list-policies-for-target', '--target-id', '222222222222', '--filter', 'SERVICE_CONTROL_POLICY', '--query', 'Policies[].Id', '--output', 'text'])).stdout).toBe(`p-FullAWSAccess\t${id}\n`);
    expect((await box.json(['list-targets-for-policy', '--policy-id', id])).Targets).toEqual([{ TargetId: '222222222222', Arn: 'arn:aws:organizations::111111111111:account/o-exampleorgid/222222222222', Name: 'Juan', Type: 'ACCOUNT' }]);
    expect((await box.json(['list-roots'])).Roots[0].PolicyTypes).toEqual([{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }]);
    const busy = await box.run(['delete-policy', '--policy-id', id]);
    expect([busy.exitCode, busy.stderr]).toEqual([
      254,
      '\norgsim: [ERROR]: An error occurred (PolicyInUseException) when calling the DeletePolicy operation: The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.\n',
    ]);
    const member = await box.run(['--profile', 'juan', 'list-policies', '--filter', 'SERVICE_CONTROL_POLICY']);
    expect(member.stderr).toContain('(AccessDeniedException)');
    const bad = await box.run(['create-policy', '--name', 'x', '--description', '', '--type', 'SERVICE_CONTROL_POLICY', '--content', '{"Version":"2012-10-17"}']);
    expect(bad.stderr).toBe('\norgsim: [ERROR]: An error occurred (MalformedPolicyDocumentException) when calling the CreatePolicy operation: The provided policy document does not meet the requirements of the specified policy type.\n');
  });
});

describe('through orgsim serve with the JS SDK', () => {
  it('the same rules and answers', async () => {
    const server = await startServer(box);
    try {
      const org = new OrganizationsClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: 'AKIAORGSIMBILL000000', secretAccessKey: 'x' } });
      const created = await org.send(new CreatePolicyCommand({ Name: 'TagRules', Description: '', Type: 'TAG_POLICY', Content: '{"tags":{"team":{"tag_key":{"@@assign":"Team"}}}}' }));
      await expect(org.send(new AttachPolicyCommand({ PolicyId: created.Policy!.PolicySummary!.Id!, TargetId: 'r-exam' }))).rejects.toMatchObject({ name: 'PolicyTypeNotEnabledException' });
      const names: string[] = [];
      for await (const page of paginateListPolicies({ client: org, pageSize: 1 }, { Filter: 'SERVICE_CONTROL_POLICY' })) names.push(...page.Policies!.map((p) => p.Name!));
      expect(names).toEqual(['FullAWSAccess', 'DenyLeave']);
      const targets = await org.send(new ListTargetsForPolicyCommand({ PolicyId: 'p-FullAWSAccess' }));
      expect(targets.Targets!.map((t) => t.Type)).toEqual(['ROOT', 'ACCOUNT', 'ACCOUNT']);
      expect((await org.send(new ListPoliciesForTargetCommand({ TargetId: 'r-exam', Filter: 'SERVICE_CONTROL_POLICY' }))).Policies!.map((p) => p.AwsManaged)).toEqual([true]);
    } finally {
      await server.stop();
    }
  });
});
