// Every Organizations operation orgsim simulates, called in the order a rehearsal calls them, once
// through the CLI and once through `orgsim serve` with the AWS SDK for JavaScript v3; a test fails
// when an operation is added to the model without a call here.
import * as Sdk from '@aws-sdk/client-organizations';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kebabCase, operationsOf, SERVICE } from '../../src/model/operations.js';
import { Sandbox } from './helpers.js';
import { startServer, type RunningServer } from './server-helpers.js';

let box: Sandbox;
let server: RunningServer;
const clients: Record<string, OrganizationsClient> = {};

beforeAll(async () => {
  box = new Sandbox();
  server = await startServer(box);
  for (const name of ['bill', 'juan', 'anika', 'susan']) {
    clients[name] = new OrganizationsClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: `AKIAORGSIM${name.toUpperCase()}`.padEnd(20, '0'), secretAccessKey: 'x' } });
  }
});
afterAll(async () => {
  await server.stop();
  box.cleanup();
});

type Driver = (who: string, operation: string, input: object) => Promise<any>;

/** The SDK's own command class, sent to orgsim serve. */
const sdk: Driver = (who, operation, input) => {
  const Command = (Sdk as unknown as Record<string, new (input: object) => never>)[`${operation}Command`];
  if (!Command) throw new Error(`the SDK has no ${operation}Command`);
  return clients[who]!.send(new Command(input));
};

/** The orgsim command line, with the input as --cli-input-json; a service error is thrown by its code, as the SDK names it. */
const cli: Driver = async (who, operation, input) => {
  const run = await box.run(['--profile', who, 'organizations', kebabCase(operation), '--cli-input-json', JSON.stringify(input)]);
  if (run.exitCode !== 0) throw Object.assign(new Error(run.stderr), { name: /An error occurred \((\w+)\)/.exec(run.stderr)?.[1] ?? `exit ${run.exitCode}` });
  return run.stdout.trim() ? JSON.parse(run.stdout) : {};
};

let drive: Driver = sdk;
const called = new Set<string>();

/** Calls `operation` as `who` through the driver of the run, and remembers that it was called. */
async function call(who: string, operation: string, input: object): Promise<any> {
  called.add(operation);
  return drive(who, operation, input);
}

async function refused(who: string, operation: string, input: object): Promise<string> {
  try {
    await call(who, operation, input);
    return 'ok';
  } catch (error) {
    return (error as { name: string }).name;
  }
}

describe.each([
  ['the CLI', cli],
  ['the JS SDK through orgsim serve', sdk],
])('every operation through %s', (_name, driver) => {
  it('a rehearsal from invitation to policies, created accounts and a second organization', async () => {
    drive = driver;
    called.clear();
    await box.run(['init', '--force']);
    const org = (await call('bill', 'DescribeOrganization', {})).Organization;
    expect(org.Id).toBe('o-exampleorgid');

    const juan = (await call('bill', 'InviteAccountToOrganization', { Target: { Type: 'ACCOUNT', Id: '222222222222' } })).Handshake.Id;
    expect((await call('juan', 'ListHandshakesForAccount', {})).Handshakes.map((h: { Id: string }) => h.Id)).toContain(juan);
    expect((await call('juan', 'AcceptHandshake', { HandshakeId: juan })).Handshake.State).toBe('ACCEPTED');
    expect((await call('bill', 'DescribeHandshake', { HandshakeId: juan })).Handshake.State).toBe('ACCEPTED');
    const anika = (await call('bill', 'InviteAccountToOrganization', { Target: { Type: 'ACCOUNT', Id: '333333333333' } })).Handshake.Id;
    expect((await call('anika', 'DeclineHandshake', { HandshakeId: anika })).Handshake.State).toBe('DECLINED');
    const susan = (await call('bill', 'InviteAccountToOrganization', { Target: { Type: 'EMAIL', Id: 'susan@example.com' } })).Handshake.Id;
    expect((await call('bill', 'CancelHandshake', { HandshakeId: susan })).Handshake.State).toBe('CANCELED');
    expect((await call('bill', 'ListHandshakesForOrganization', {})).Handshakes).toHaveLength(3);
    expect(await refused('bill', 'EnableAllFeatures', {})).toBe('HandshakeConstraintViolationException');

    expect((await call('bill', 'ListAccounts', {})).Accounts.map((a: { Id: string }) => a.Id)).toEqual(['111111111111', '222222222222']);
    expect((await call('bill', 'DescribeAccount', { AccountId: '222222222222' })).Account).toMatchObject({ State: 'ACTIVE', Status: 'ACTIVE' });

    const root = (await call('bill', 'ListRoots', {})).Roots[0].Id;
    const ou = (await call('bill', 'CreateOrganizationalUnit', { ParentId: root, Name: 'Workloads' })).OrganizationalUnit.Id;
    expect((await call('bill', 'UpdateOrganizationalUnit', { OrganizationalUnitId: ou, Name: 'Apps' })).OrganizationalUnit.Name).toBe('Apps');
    expect((await call('bill', 'DescribeOrganizationalUnit', { OrganizationalUnitId: ou })).OrganizationalUnit.Name).toBe('Apps');
    expect((await call('bill', 'ListOrganizationalUnitsForParent', { ParentId: root })).OrganizationalUnits.map((u: { Id: string }) => u.Id)).toEqual([ou]);
    await call('bill', 'MoveAccount', { AccountId: '222222222222', SourceParentId: root, DestinationParentId: ou });
    expect((await call('bill', 'ListParents', { ChildId: '222222222222' })).Parents).toEqual([{ Id: ou, Type: 'ORGANIZATIONAL_UNIT' }]);
    expect((await call('bill', 'ListChildren', { ParentId: ou, ChildType: 'ACCOUNT' })).Children).toEqual([{ Id: '222222222222', Type: 'ACCOUNT' }]);
    expect((await call('bill', 'ListAccountsForParent', { ParentId: ou })).Accounts[0].Paths).toEqual([`o-exampleorgid/${root}/${ou}/222222222222/`]);
    await call('bill', 'MoveAccount', { AccountId: '222222222222', SourceParentId: ou, DestinationParentId: root });
    await call('bill', 'DeleteOrganizationalUnit', { OrganizationalUnitId: ou });

    await call('bill', 'TagResource', { ResourceId: '222222222222', Tags: [{ Key: 'team', Value: 'blue' }, { Key: 'tier', Value: '1' }] });
    await call('bill', 'UntagResource', { ResourceId: '222222222222', TagKeys: ['tier'] });
    expect((await call('bill', 'ListTagsForResource', { ResourceId: '222222222222' })).Tags).toEqual([{ Key: 'team', Value: 'blue' }]);

    expect((await call('bill', 'EnablePolicyType', { RootId: root, PolicyType: 'SERVICE_CONTROL_POLICY' })).Root.PolicyTypes).toEqual([{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }]);
    const content = '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}}';
    const policy = (await call('bill', 'CreatePolicy', { Name: 'Stay', Description: 'no leaving', Type: 'SERVICE_CONTROL_POLICY', Content: content })).Policy.PolicySummary.Id;
    expect((await call('bill', 'UpdatePolicy', { PolicyId: policy, Description: 'members stay' })).Policy.PolicySummary).toEqual({ Id: policy, Arn: expect.any(String), Description: 'members stay', Type: 'SERVICE_CONTROL_POLICY', AwsManaged: false });
    expect((await call('bill', 'DescribePolicy', { PolicyId: policy })).Policy.Content).toBe(content);
    await call('bill', 'AttachPolicy', { PolicyId: policy, TargetId: '222222222222' });
    expect((await call('bill', 'ListPoliciesForTarget', { TargetId: '222222222222', Filter: 'SERVICE_CONTROL_POLICY' })).Policies.map((p: { Id: string }) => p.Id)).toEqual(['p-FullAWSAccess', policy]);
    expect((await call('bill', 'ListTargetsForPolicy', { PolicyId: policy })).Targets.map((t: { TargetId: string }) => t.TargetId)).toEqual(['222222222222']);
    expect((await call('bill', 'ListPolicies', { Filter: 'SERVICE_CONTROL_POLICY' })).Policies.map((p: { Id: string }) => p.Id)).toEqual(['p-FullAWSAccess', policy]);
    await call('bill', 'DetachPolicy', { PolicyId: policy, TargetId: '222222222222' });
    await call('bill', 'DeletePolicy', { PolicyId: policy });
    expect((await call('bill', 'DisablePolicyType', { RootId: root, PolicyType: 'SERVICE_CONTROL_POLICY' })).Root.PolicyTypes).toEqual([]);

    await call('bill', 'EnableAWSServiceAccess', { ServicePrincipal: 'sso.amazonaws.com' });
    expect((await call('bill', 'ListAWSServiceAccessForOrganization', {})).EnabledServicePrincipals.map((s: { ServicePrincipal: string }) => s.ServicePrincipal)).toEqual(['sso.amazonaws.com']);
    expect(await refused('juan', 'ListHandshakesForOrganization', {})).toBe('AccessDeniedException');
    await call('bill', 'RegisterDelegatedAdministrator', { AccountId: '222222222222', ServicePrincipal: 'sso.amazonaws.com' });
    expect((await call('juan', 'ListHandshakesForOrganization', {})).Handshakes).toHaveLength(3);
    expect((await call('juan', 'ListDelegatedAdministrators', {})).DelegatedAdministrators.map((a: { Id: string }) => a.Id)).toEqual(['222222222222']);
    expect((await call('bill', 'ListDelegatedServicesForAccount', { AccountId: '222222222222' })).DelegatedServices.map((s: { ServicePrincipal: string }) => s.ServicePrincipal)).toEqual(['sso.amazonaws.com']);
    expect(await refused('bill', 'RemoveAccountFromOrganization', { AccountId: '222222222222' })).toBe('ConstraintViolationException');
    await call('bill', 'DeregisterDelegatedAdministrator', { AccountId: '222222222222', ServicePrincipal: 'sso.amazonaws.com' });
    await call('bill', 'DisableAWSServiceAccess', { ServicePrincipal: 'sso.amazonaws.com' });

    const request = (await call('bill', 'CreateAccount', { Email: 'dev@example.com', AccountName: 'Dev' })).CreateAccountStatus;
    expect(request.State).toBe('IN_PROGRESS');
    const done = (await call('bill', 'DescribeCreateAccountStatus', { CreateAccountRequestId: request.Id })).CreateAccountStatus;
    expect(done).toMatchObject({ State: 'SUCCEEDED', AccountId: expect.stringMatching(/^\d{12}$/) });
    expect(new Date(done.CompletedTimestamp).getTime()).toBeGreaterThan(0);
    expect((await call('bill', 'ListCreateAccountStatus', { States: ['SUCCEEDED'] })).CreateAccountStatuses.map((s: { Id: string }) => s.Id)).toEqual([request.Id]);
    await call('bill', 'CloseAccount', { AccountId: done.AccountId });
    expect((await call('bill', 'DescribeAccount', { AccountId: done.AccountId })).Account).toMatchObject({ State: 'CLOSED', Status: 'SUSPENDED' });

    await call('bill', 'RemoveAccountFromOrganization', { AccountId: '222222222222' });
    const again = (await call('bill', 'InviteAccountToOrganization', { Target: { Type: 'ACCOUNT', Id: '333333333333' } })).Handshake.Id;
    await call('anika', 'AcceptHandshake', { HandshakeId: again });
    await call('anika', 'LeaveOrganization', {});
    expect((await call('bill', 'ListAccounts', {})).Accounts.map((a: { Id: string }) => a.Id)).toEqual(['111111111111', done.AccountId].sort());

    const own = (await call('susan', 'CreateOrganization', { FeatureSet: 'CONSOLIDATED_BILLING' })).Organization;
    expect(own).toMatchObject({ FeatureSet: 'CONSOLIDATED_BILLING', MasterAccountId: '444444444444', AvailablePolicyTypes: [] });

    // bill's organization takes susan's bill over, then gives it back. AWS's inbound quota is 0 until raised.
    await box.run(['quota', 'set', '--inbound-transfers', '1']);
    const now = new Date();
    const StartTimestamp = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1));
    const offer = (await call('bill', 'InviteOrganizationToTransferResponsibility', { Type: 'BILLING', Target: { Type: 'ACCOUNT', Id: '444444444444' }, StartTimestamp, SourceName: 'Susan' })).Handshake;
    const transfer = offer.Resources[0].Value;
    expect((await call('susan', 'ListOutboundResponsibilityTransfers', { Type: 'BILLING' })).ResponsibilityTransfers.map((t: { Id: string }) => t.Id)).toEqual([transfer]);
    await call('susan', 'AcceptHandshake', { HandshakeId: offer.Id });
    expect((await call('bill', 'ListInboundResponsibilityTransfers', { Type: 'BILLING' })).ResponsibilityTransfers.map((t: { Status: string }) => t.Status)).toEqual(['ACCEPTED']);
    expect((await call('bill', 'UpdateResponsibilityTransfer', { Id: transfer, Name: 'Susan Ltd' })).ResponsibilityTransfer.Name).toBe('Susan Ltd');
    expect((await call('susan', 'TerminateResponsibilityTransfer', { Id: transfer })).ResponsibilityTransfer.Status).toBe('WITHDRAWN');
    expect((await call('bill', 'DescribeResponsibilityTransfer', { Id: transfer })).ResponsibilityTransfer).toMatchObject({ Id: transfer, Status: 'WITHDRAWN', Name: 'Susan Ltd' });
    await call('susan', 'DeleteOrganization', {});
    expect(await refused('susan', 'DescribeOrganization', {})).toBe('AWSOrganizationsNotInUseException');
  });

  it('called every operation orgsim simulates', () => {
    expect(operationsOf(SERVICE).map((op) => op.name).filter((name) => !called.has(name))).toEqual([]);
  });
});
