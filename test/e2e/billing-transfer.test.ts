// Billing transfers end to end (transfer-and-delegation.md §16), on the billing-transfer scenario:
// once through the orgsim command line and once through `orgsim serve` with the AWS SDK for
// JavaScript v3. A transfer accepted then withdrawn; declined; canceled; expired with the clock.
import * as Sdk from '@aws-sdk/client-organizations';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterEach, describe, expect, it } from 'vitest';
import { kebabCase } from '../../src/model/operations.js';
import { Sandbox } from './helpers.js';
import { startServer, type RunningServer } from './server-helpers.js';

type Driver = (who: string, operation: string, input: object) => Promise<any>;

/** The 1st of the month after next, 00:00 UTC: always a start the service takes. */
function start(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1));
}

let box: Sandbox;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
  box.cleanup();
});

async function cliDriver(): Promise<Driver> {
  return async (who, operation, input) => {
    const run = await box.run(['--profile', who, 'organizations', kebabCase(operation), '--cli-input-json', JSON.stringify(input)]);
    if (run.exitCode !== 0) throw Object.assign(new Error(run.stderr), { name: /An error occurred \((\w+)\)/.exec(run.stderr)?.[1] ?? `exit ${run.exitCode}` });
    return run.stdout.trim() ? JSON.parse(run.stdout) : {};
  };
}

async function sdkDriver(): Promise<Driver> {
  server = await startServer(box);
  const clients: Record<string, OrganizationsClient> = {};
  for (const name of ['payer', 'source', 'anika']) {
    clients[name] = new OrganizationsClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: `AKIAORGSIM${name.toUpperCase()}`.padEnd(20, '0'), secretAccessKey: 'x' } });
  }
  return (who, operation, input) => {
    const Command = (Sdk as unknown as Record<string, new (input: object) => never>)[`${operation}Command`];
    return clients[who]!.send(new Command!(input));
  };
}

const DRIVERS = { cli: cliDriver, sdk: sdkDriver };

/** Compares times whatever the driver gives (the CLI an ISO string, the SDK a Date). */
const epoch = (time: string | Date) => new Date(time).getTime() / 1000;

async function refused(drive: Driver, who: string, operation: string, input: object): Promise<string> {
  try {
    await drive(who, operation, input);
    return 'ok';
  } catch (error) {
    return (error as { name: string }).name;
  }
}

describe.each(Object.keys(DRIVERS) as (keyof typeof DRIVERS)[])('billing transfers through the %s', (kind) => {
  async function setUp(): Promise<{ drive: Driver; invite: () => Promise<{ handshakeId: string; transferId: string }> }> {
    box = new Sandbox();
    await box.run(['init', '--scenario', 'billing-transfer']);
    const drive = await DRIVERS[kind]();
    const invite = async () => {
      const input = { Type: 'BILLING', Target: { Type: 'ACCOUNT', Id: '555555555555' }, StartTimestamp: start(), SourceName: 'Source bill' };
      const handshake = (await drive('payer', 'InviteOrganizationToTransferResponsibility', kind === 'cli' ? { ...input, StartTimestamp: start().toISOString() } : input)).Handshake;
      return { handshakeId: handshake.Id, transferId: handshake.Resources[0].Value };
    };
    return { drive, invite };
  }

  it('invited, accepted, then withdrawn', async () => {
    const { drive, invite } = await setUp();
    const { handshakeId, transferId } = await invite();
    const outbound = (await drive('source', 'ListOutboundResponsibilityTransfers', { Type: 'BILLING' })).ResponsibilityTransfers;
    expect(outbound.map((t: { Id: string; Status: string }) => [t.Id, t.Status])).toEqual([[transferId, 'REQUESTED']]);
    expect(epoch(outbound[0].StartTimestamp)).toBe(start().getTime() / 1000);
    expect((await drive('source', 'ListHandshakesForAccount', { Filter: { ActionType: 'TRANSFER_RESPONSIBILITY' } })).Handshakes.map((h: { Id: string }) => h.Id)).toEqual([handshakeId]);
    expect(await refused(drive, 'anika', 'AcceptHandshake', { HandshakeId: handshakeId })).toBe('AccessDeniedException');
    expect((await drive('source', 'AcceptHandshake', { HandshakeId: handshakeId })).Handshake.State).toBe('ACCEPTED');
    const inbound = (await drive('payer', 'ListInboundResponsibilityTransfers', { Type: 'BILLING', MaxResults: 5 })).ResponsibilityTransfers;
    expect(inbound).toEqual([expect.objectContaining({ Id: transferId, Status: 'ACCEPTED', Source: { ManagementAccountId: '555555555555', ManagementAccountEmail: 'source@example.com' } })]);
    expect(inbound[0].Arn).toBe(`arn:aws:organizations::111111111111:transfer/o-payerorg001/billing/inbound/${transferId}`);
    expect((await drive('payer', 'UpdateResponsibilityTransfer', { Id: transferId, Name: 'Source, Inc.' })).ResponsibilityTransfer.Name).toBe('Source, Inc.');
    await drive('source', 'RemoveAccountFromOrganization', { AccountId: '333333333333' });
    expect(await refused(drive, 'source', 'DeleteOrganization', {})).toBe('ConstraintViolationException');
    const withdrawn = (await drive('source', 'TerminateResponsibilityTransfer', { Id: transferId })).ResponsibilityTransfer;
    expect(withdrawn).toMatchObject({ Status: 'WITHDRAWN', Name: 'Source, Inc.' });
    // The end of the month it starts in, 23:59:59 UTC.
    const s = start();
    expect(epoch(withdrawn.EndTimestamp)).toBe(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 1) / 1000 - 1);
    expect((await drive('payer', 'DescribeResponsibilityTransfer', { Id: transferId })).ResponsibilityTransfer.Status).toBe('WITHDRAWN');
    expect(await refused(drive, 'payer', 'TerminateResponsibilityTransfer', { Id: transferId })).toBe('ResponsibilityTransferAlreadyInStatusException');
    // Withdrawn, it no longer holds the organization (R-134, a proposal).
    await drive('source', 'DeleteOrganization', {});
    const events = (await box.json(['events', '--output', 'json'])).Events.filter((e: { eventType: string }) => e.eventType === 'AwsApiCall');
    expect(events.map((e: { eventName: string }) => e.eventName)).toEqual([
      'InviteOrganizationToTransferResponsibility',
      'AcceptHandshake',
      'UpdateResponsibilityTransfer',
      'RemoveAccountFromOrganization',
      'TerminateResponsibilityTransfer',
      'DeleteOrganization',
    ]);
  });

  it('declined', async () => {
    const { drive, invite } = await setUp();
    const { handshakeId, transferId } = await invite();
    expect((await drive('source', 'DeclineHandshake', { HandshakeId: handshakeId })).Handshake.State).toBe('DECLINED');
    expect((await drive('payer', 'DescribeResponsibilityTransfer', { Id: transferId })).ResponsibilityTransfer.Status).toBe('DECLINED');
    // The inbound slot came back: another invitation may go.
    expect((await invite()).transferId).not.toBe(transferId);
  });

  it('canceled', async () => {
    const { drive, invite } = await setUp();
    const { handshakeId, transferId } = await invite();
    expect(await refused(drive, 'source', 'CancelHandshake', { HandshakeId: handshakeId })).toBe('AccessDeniedException');
    expect((await drive('payer', 'CancelHandshake', { HandshakeId: handshakeId })).Handshake.State).toBe('CANCELED');
    expect((await drive('source', 'DescribeResponsibilityTransfer', { Id: transferId })).ResponsibilityTransfer.Status).toBe('CANCELED');
    expect(await refused(drive, 'source', 'AcceptHandshake', { HandshakeId: handshakeId })).toBe('InvalidHandshakeTransitionException');
  });

  it('expired with the clock, a day before the start', async () => {
    const { drive, invite } = await setUp();
    const { handshakeId, transferId } = await invite();
    const deadline = new Date(start().getTime() - 86_400_000);
    await box.run(['clock', 'set', new Date(deadline.getTime() - 60_000).toISOString()]);
    expect((await drive('payer', 'DescribeResponsibilityTransfer', { Id: transferId })).ResponsibilityTransfer.Status).toBe('REQUESTED');
    await box.run(['clock', 'set', deadline.toISOString()]);
    expect((await drive('payer', 'DescribeResponsibilityTransfer', { Id: transferId })).ResponsibilityTransfer.Status).toBe('EXPIRED');
    expect((await drive('source', 'DescribeHandshake', { HandshakeId: handshakeId })).Handshake.State).toBe('EXPIRED');
    expect(await refused(drive, 'source', 'AcceptHandshake', { HandshakeId: handshakeId })).toBe('InvalidHandshakeTransitionException');
  });
});
