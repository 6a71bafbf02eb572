import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OrganizationsClient,
  AcceptHandshakeCommand,
  CreateOrganizationalUnitCommand,
  DescribeAccountCommand,
  InviteAccountToOrganizationCommand,
  ListParentsCommand,
  ListRootsCommand,
  MoveAccountCommand,
  paginateListChildren,
  paginateListHandshakesForOrganization,
} from '@aws-sdk/client-organizations';
import { Sandbox } from './helpers.js';
import { post, startServer, type RunningServer } from './server-helpers.js';

let box: Sandbox;
let server: RunningServer;
beforeAll(async () => {
  box = new Sandbox();
  await box.run(['quota', 'set', '--accounts', '500', '--invitations-per-day', '500']);
  server = await startServer(box);
});
afterAll(async () => {
  await server.stop();
  box.cleanup();
});

describe('bad requests get the AWS error shapes, and the server keeps running', () => {
  it.each([
    ['unknown target', () => post(server.url, 'NoSuchOperation', '{}'), 400, 'UnknownOperationException'],
    ['malformed JSON', () => post(server.url, 'ListAccounts', '{nope'), 400, 'SerializationException'],
    ['wrong content type', () => post(server.url, 'ListAccounts', '{}', { 'Content-Type': 'text/plain' }), 400, 'SerializationException'],
    ['missing Authorization', () => post(server.url, 'ListAccounts', '{}', { Authorization: '' }), 400, 'MissingAuthenticationTokenException'],
    ['unknown access key', () => post(server.url, 'ListAccounts', '{}', { Authorization: 'AWS4-HMAC-SHA256 Credential=AKIANOBODY0000000000/x/y/z/aws4_request' }), 403, 'UnrecognizedClientException'],
    ['oversized body', () => post(server.url, 'ListAccounts', JSON.stringify({ pad: 'x'.repeat(1024 * 1024) })), 413, 'RequestEntityTooLargeException'],
    ['a service error', () => post(server.url, 'DescribeHandshake', '{"HandshakeId": "bad"}'), 400, 'InvalidInputException'],
  ])('%s', async (_name, send, status, type) => {
    const reply = await send();
    expect(reply.status).toBe(status);
    expect(reply.body.__type).toBe(type);
    expect(typeof reply.body.Message).toBe('string');
    const after = await post(server.url, 'ListAccounts', '{}');
    expect(after.status).toBe(200);
  });

  it('service errors carry Reason where the shape has one; timestamps are epoch seconds', async () => {
    const reply = await post(server.url, 'DescribeHandshake', '{"HandshakeId": "bad"}');
    expect(reply.body).toEqual({
      __type: 'InvalidInputException',
      Message: 'You provided a value that does not match the required pattern.',
      Reason: 'INVALID_PATTERN:HANDSHAKE_ID',
    });
    const invited = await post(server.url, 'InviteAccountToOrganization', '{"Target": {"Id": "wire@example.com", "Type": "EMAIL"}}');
    const handshake = invited.body.Handshake as { RequestedTimestamp: unknown; ExpirationTimestamp: number };
    expect(typeof handshake.RequestedTimestamp).toBe('number');
    expect(handshake.ExpirationTimestamp - (handshake.RequestedTimestamp as number)).toBeCloseTo(15 * 86400, 3);
  });
});

describe('the CLI and the server on one world', () => {
  it('4 CLI processes and 4 server clients mutating at once lose nothing', async () => {
    const cli = Array.from({ length: 4 }, (_, p) =>
      (async () => {
        const ids: string[] = [];
        for (let i = 0; i < 5; i++) ids.push(await box.invite(`cli${p}-${i}@example.com,Type=EMAIL`.replace(/^/, 'Id=')));
        return ids;
      })(),
    );
    const wire = Array.from({ length: 4 }, (_, p) =>
      (async () => {
        const ids: string[] = [];
        for (let i = 0; i < 5; i++) {
          const reply = await post(server.url, 'InviteAccountToOrganization', JSON.stringify({ Target: { Id: `wire${p}-${i}@example.com`, Type: 'EMAIL' } }));
          expect(reply.status).toBe(200);
          ids.push((reply.body.Handshake as { Id: string }).Id);
        }
        return ids;
      })(),
    );
    const created = (await Promise.all([...cli, ...wire])).flat();
    expect(created).toHaveLength(40);
    const listed = new Set((await box.json(['list-handshakes-for-organization'])).Handshakes.map((h: { Id: string }) => h.Id));
    for (const id of created) expect(listed.has(id)).toBe(true);
  });
});

describe('the AWS SDK for JavaScript v3', () => {
  it('invites, accepts and pages through the server, paginator included', async () => {
    const client = (accessKeyId: string) =>
      new OrganizationsClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey: 'x' }, maxAttempts: 1 });
    const bill = client('AKIAORGSIMBILL000000');
    const invited = await bill.send(new InviteAccountToOrganizationCommand({ Target: { Id: '333333333333', Type: 'ACCOUNT' }, Notes: 'from the SDK' }));
    expect(invited.Handshake?.State).toBe('OPEN');
    expect(invited.Handshake?.RequestedTimestamp).toBeInstanceOf(Date);
    const accepted = await client('AKIAORGSIMANIKA00000').send(new AcceptHandshakeCommand({ HandshakeId: invited.Handshake!.Id! }));
    expect(accepted.Handshake?.State).toBe('ACCEPTED');
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListHandshakesForOrganization({ client: bill, pageSize: 7 }, {})) {
      pages++;
      seen.push(...(page.Handshakes ?? []).map((h) => h.Id!));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(invited.Handshake!.Id);
    expect(pages).toBe(Math.ceil(seen.length / 7));
    await expect(bill.send(new AcceptHandshakeCommand({ HandshakeId: 'h-00000000' }))).rejects.toMatchObject({ name: 'HandshakeNotFoundException' });
  });

  it('builds OUs and moves an account through the server, paginator included', async () => {
    const bill = new OrganizationsClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIAORGSIMBILL000000', secretAccessKey: 'x' }, maxAttempts: 1 });
    const rootId = (await bill.send(new ListRootsCommand({}))).Roots![0]!.Id!;
    const units = [];
    for (const Name of ['Sdk A', 'Sdk B', 'Sdk C']) units.push((await bill.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name }))).OrganizationalUnit!);
    expect(units[0]!.Path).toMatch(new RegExp(`^o-exampleorgid/${rootId}/ou-${rootId.slice(2)}-[a-z0-9]{8}/$`));
    const children: string[] = [];
    for await (const page of paginateListChildren({ client: bill, pageSize: 2 }, { ParentId: rootId, ChildType: 'ORGANIZATIONAL_UNIT' })) children.push(...page.Children!.map((c) => c.Id!));
    expect(children).toEqual(expect.arrayContaining(units.map((u) => u.Id)));
    await bill.send(new MoveAccountCommand({ AccountId: '111111111111', SourceParentId: rootId, DestinationParentId: units[1]!.Id }));
    expect((await bill.send(new ListParentsCommand({ ChildId: '111111111111' }))).Parents).toEqual([{ Id: units[1]!.Id, Type: 'ORGANIZATIONAL_UNIT' }]);
    const account = (await bill.send(new DescribeAccountCommand({ AccountId: '111111111111' }))).Account!;
    expect(account).toMatchObject({ Status: 'ACTIVE', State: 'ACTIVE', Paths: [`${units[1]!.Path}111111111111/`] });
    await expect(bill.send(new MoveAccountCommand({ AccountId: '111111111111', SourceParentId: units[1]!.Id, DestinationParentId: units[1]!.Id }))).rejects.toMatchObject({
      name: 'DuplicateAccountException',
    });
    await bill.send(new MoveAccountCommand({ AccountId: '111111111111', SourceParentId: units[1]!.Id, DestinationParentId: rootId }));
  });
});

describe('stopping', () => {
  it('SIGTERM stops the server with exit 0 and no lock left behind', async () => {
    const other = new Sandbox();
    const running = await startServer(other);
    await post(running.url, 'InviteAccountToOrganization', '{"Target": {"Id": "222222222222", "Type": "ACCOUNT"}}');
    expect(await running.stop()).toBe(0);
    expect(readdirSync(other.home).filter((f) => f.includes('.lock') || f.endsWith('.tmp'))).toEqual([]);
    other.cleanup();
  });

  it('refuses a non-loopback address without --allow-remote', async () => {
    const out = await box.run(['serve', '--host', '0.0.0.0', '--port', '0']);
    expect(out.exitCode).toBe(252);
    expect(out.stderr).toContain('--allow-remote');
    expect(existsSync(join(box.home, 'state.json.lock'))).toBe(false);
  });
});
