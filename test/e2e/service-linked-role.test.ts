// An all-features migration that asks a created member for the service-linked role (semantics R-25),
// through the CLI and through orgsim serve with the JS SDK: the child handshake, who answers it,
// what accepting does, and explain.
import { CreateAccountCommand, DescribeCreateAccountStatusCommand, DescribeHandshakeCommand, EnableAllFeaturesCommand, ListHandshakesForAccountCommand, ListHandshakesForOrganizationCommand, AcceptHandshakeCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { Sandbox } from './helpers.js';
import { startServer } from './server-helpers.js';

describe('ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE children', () => {
  it('a member created under consolidated billing is asked; accepting gives it the role and lets the migration go on', async () => {
    const box = new Sandbox();
    try {
      await box.run(['init', '--scenario', 'consolidated-billing']);
      await box.run(['quota', 'set', '--accounts', '20']);
      const request = (await box.json(['create-account', '--email', 'made@example.com', '--account-name', 'Made'])).CreateAccountStatus.Id;
      const made = (await box.json(['describe-create-account-status', '--create-account-request-id', request])).CreateAccountStatus.AccountId;
      await box.run(['profiles', 'add', 'made', '--account', made]);
      const parent = (await box.json(['enable-all-features'])).Handshake;
      expect(parent.State).toBe('REQUESTED');
      const children = await box.json(['list-handshakes-for-organization', '--filter', 'ActionType=ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE']);
      expect(children.Handshakes).toHaveLength(1);
      const child = children.Handshakes[0];
      expect(child.Resources[0]).toEqual({ Value: parent.Id, Type: 'PARENT_HANDSHAKE' });
      expect((await box.json(['--profile', 'made', 'list-handshakes-for-account'])).Handshakes.map((h: { Id: string }) => h.Id)).toEqual([child.Id]);
      const explained = await box.run(['explain', child.Id]);
      expect(explained.exitCode).toBe(0);
      expect(explained.stdout).toContain('ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE');
      const accepted = await box.run(['--profile', 'made', 'accept-handshake', '--handshake-id', child.Id, '--query', 'Handshake.State', '--output', 'text']);
      expect(accepted.stdout).toBe('ACCEPTED\n');
      expect((await box.json(['roles', '--output', 'json'])).Roles.filter((r: { AccountId: string }) => r.AccountId === made).map((r: { RoleName: string }) => r.RoleName)).toEqual([
        'OrganizationAccountAccessRole',
        'AWSServiceRoleForOrganizations',
      ]);
      // The invited members' approvals are still owed: the parent waits for them too.
      expect((await box.json(['describe-handshake', '--handshake-id', parent.Id])).Handshake.State).toBe('REQUESTED');
    } finally {
      box.cleanup();
    }
  });

  it('the same through orgsim serve with the JS SDK', async () => {
    const box = new Sandbox();
    await box.run(['init', '--scenario', 'consolidated-billing']);
    await box.run(['quota', 'set', '--accounts', '20']);
    const server = await startServer(box);
    try {
      const client = (name: string) => new OrganizationsClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: `AKIAORGSIM${name.toUpperCase()}`.padEnd(20, '0'), secretAccessKey: 'x' } });
      const bill = client('bill');
      const request = (await bill.send(new CreateAccountCommand({ Email: 'made@example.com', AccountName: 'Made' }))).CreateAccountStatus!.Id!;
      const made = (await bill.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: request }))).CreateAccountStatus!.AccountId!;
      await box.run(['profiles', 'add', 'made', '--account', made]);
      const parent = (await bill.send(new EnableAllFeaturesCommand({}))).Handshake!;
      const children = (await bill.send(new ListHandshakesForOrganizationCommand({ Filter: { ActionType: 'ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE' } }))).Handshakes!;
      expect(children.map((h) => h.Resources?.[0])).toEqual([{ Value: parent.Id, Type: 'PARENT_HANDSHAKE' }]);
      const mine = (await client('made').send(new ListHandshakesForAccountCommand({}))).Handshakes!;
      expect(mine.map((h) => h.Id)).toEqual([children[0]!.Id]);
      expect((await client('made').send(new AcceptHandshakeCommand({ HandshakeId: children[0]!.Id }))).Handshake!.State).toBe('ACCEPTED');
      expect((await box.json(['roles', '--output', 'json'])).Roles.some((r: { AccountId: string; RoleName: string }) => r.AccountId === made && r.RoleName === 'AWSServiceRoleForOrganizations')).toBe(true);
      expect((await bill.send(new DescribeHandshakeCommand({ HandshakeId: parent.Id }))).Handshake!.State).toBe('REQUESTED');
    } finally {
      await server.stop();
      box.cleanup();
    }
  });
});
