// STS over `orgsim serve` (organization.md ): the Query protocol with XML answers on
// the same endpoint as Organizations, for the JS SDK's STS client and for raw requests.
import { STSClient, AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { OrganizationsClient, DescribeOrganizationCommand, ListAccountsCommand } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from './helpers.js';
import { startServer, type RunningServer } from './server-helpers.js';

let box: Sandbox;
let server: RunningServer;
const ROLE = 'arn:aws:iam::222222222222:role/MigrationRole';
const bill = { accessKeyId: 'AKIAORGSIMBILL000000', secretAccessKey: 'x' };
const sts = (credentials: object) => new STSClient({ region: 'us-east-1', endpoint: server.url, credentials: credentials as never });

beforeAll(async () => {
  box = new Sandbox();
  await box.run(['init']);
  await box.run(['roles', 'put', '--account', '222222222222', '--name', 'MigrationRole', '--trust', '111111111111']);
  server = await startServer(box);
});
afterAll(async () => {
  await server.stop();
  box.cleanup();
});

/** A raw Query request: a form body, signed only as far as orgsim looks (the access key id). */
async function query(body: string, key = 'AKIAORGSIMBILL000000', extra: Record<string, string> = {}) {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Authorization: `AWS4-HMAC-SHA256 Credential=${key}/20261201/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0`, ...extra },
    body,
  });
  return { status: res.status, type: res.headers.get('content-type'), id: res.headers.get('x-amzn-requestid'), text: await res.text() };
}

describe('the JS SDK STS client', () => {
  it('GetCallerIdentity and AssumeRole; the session acts as the role on the Organizations side', async () => {
    expect(await sts(bill).send(new GetCallerIdentityCommand({}))).toMatchObject({ Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/bill', UserId: expect.stringMatching(/^AIDA/) });
    const out = await sts(bill).send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'sdk', DurationSeconds: 900 }));
    expect(out.Credentials!.Expiration).toBeInstanceOf(Date);
    expect(out.AssumedRoleUser).toEqual({ AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:sdk$/), Arn: 'arn:aws:sts::222222222222:assumed-role/MigrationRole/sdk' });
    const session = { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! };
    expect((await sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:sts::222222222222:assumed-role/MigrationRole/sdk');
    const org = new OrganizationsClient({ region: 'us-east-1', endpoint: server.url, credentials: session });
    await expect(org.send(new DescribeOrganizationCommand({}))).rejects.toMatchObject({ name: 'AWSOrganizationsNotInUseException' });
    const forged = new OrganizationsClient({ region: 'us-east-1', endpoint: server.url, credentials: { ...session, sessionToken: 'forged' } });
    await expect(forged.send(new ListAccountsCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 403 } });
  });

  it('errors as STS sends them: AccessDenied 403 from a role that does not trust the caller, InvalidClientTokenId for an unknown key', async () => {
    const juan = { accessKeyId: 'AKIAORGSIMJUAN000000', secretAccessKey: 'x' };
    await expect(sts(juan).send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'self' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: arn:aws:iam::222222222222:user/juan is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`,
      $fault: 'client',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(sts({ accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'x' }).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
  });
});

describe('raw Query requests', () => {
  it('answer in XML, the request id in the body and the header', async () => {
    const reply = await query('Action=GetCallerIdentity&Version=2011-06-15');
    expect([reply.status, reply.type]).toEqual([200, 'text/xml']);
    expect(reply.text).toBe(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <GetCallerIdentityResult>\n' +
        `    <UserId>${/<UserId>(\w+)<\/UserId>/.exec(reply.text)![1]}</UserId>\n    <Account>111111111111</Account>\n    <Arn>arn:aws:iam::111111111111:user/bill</Arn>\n` +
        `  </GetCallerIdentityResult>\n  <ResponseMetadata>\n    <RequestId>${reply.id}</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n`,
    );
    const get = await fetch(`${server.url}/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Credential=AKIAORGSIMJUAN000000%2F20261201%2Fus-east-1%2Fsts%2Faws4_request`);
    expect(await get.text()).toContain('<Account>222222222222</Account>');
  });

  it.each([
    ['an unknown action', 'Action=Nope&Version=2011-06-15', 400, 'InvalidAction', 'Could not find operation Nope for version 2011-06-15'],
    ['a wrong version', 'Action=GetCallerIdentity&Version=2020-01-01', 400, 'InvalidAction', 'Could not find operation GetCallerIdentity for version 2020-01-01'],
    ['a duration that is not a plain integer', `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(ROLE)}&RoleSessionName=ab&DurationSeconds=9e2`, 400, 'MalformedInput', 'Invalid value for parameter DurationSeconds'],
    [
      'a session name STS refuses',
      `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(ROLE)}&RoleSessionName=a%20b`,
      400,
      'ValidationError',
      "1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    ],
  ])('%s', async (_name, body, status, code, message) => {
    const reply = await query(body);
    expect(reply.status).toBe(status);
    expect(reply.text).toBe(
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>${code}</Code>\n    <Message>${message.replace(/&/g, '&amp;')}</Message>\n  </Error>\n  <RequestId>${reply.id}</RequestId>\n</ErrorResponse>\n`,
    );
  });

  it('an action STS has that orgsim does not answer says so', async () => {
    const reply = await query('Action=GetSessionToken&Version=2011-06-15');
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('<Code>InvalidAction</Code>');
    expect(reply.text).toContain('orgsim does not simulate it');
  });
});
