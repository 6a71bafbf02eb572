// What a script sees of billing transfers at the command line: formats, the lists' lack of a
// paginator, the user guide's own examples that fail, timestamp parameters,
// completion, the scenario and explain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANNER, Sandbox } from './helpers.js';

let box: Sandbox;
const START = '2027-02-01T00:00:00Z';
const ERROR = 'orgsim: [ERROR]: An error occurred (ParamValidation): ';

beforeAll(async () => {
  box = new Sandbox();
  await box.run(['init', '--scenario', 'billing-transfer']);
  // A world time from which February 2027 is the month after next.
  await box.run(['clock', 'set', '2026-12-02T00:00:00Z']);
});
afterAll(() => box.cleanup());

const invite = (...more: string[]) =>
  box.run(['organizations', 'invite-organization-to-transfer-responsibility', '--type', 'BILLING', '--target', 'Type=ACCOUNT,Id=555555555555', '--start-timestamp', START, ...more]);

describe('billing transfers at the command line', () => {
  it('reads a timestamp parameter as botocore does, and refuses one it cannot read', async () => {
    const bad = await invite('--source-name', 'x', '--start-timestamp', 'tomorrow');
    expect(bad).toEqual({
      exitCode: 252,
      stdout: '',
      stderr: `\n${ERROR}Parameter validation failed:\nInvalid type for parameter StartTimestamp, value: tomorrow, type: <class 'str'>, valid types: <class 'datetime.datetime'>, timestamp-string\n`,
    });
    // An offset is honoured: 01:00 at +01:00 is midnight UTC.
    const made = await invite('--source-name', 'Source bill', '--start-timestamp', '2027-02-01T01:00:00+01:00', '--query', 'Handshake.Resources[0].Resources[1].Value', '--output', 'text');
    expect(made).toMatchObject({ exitCode: 0, stdout: `${Date.parse(START)}\n` });
    const refused = await invite('--source-name', 'Again', '--start-timestamp', String(Date.parse(START) / 1000));
    expect(refused.exitCode).toBe(254);
    expect(refused.stderr).toContain('(DuplicateHandshakeException)');
  });

  it('prints transfers in every format; the lists take --next-token and --max-results, not --max-items (R-136)', async () => {
    const id = (await box.run(['organizations', 'list-inbound-responsibility-transfers', '--type', 'BILLING', '--query', 'ResponsibilityTransfers[0].Id', '--output', 'text'])).stdout.trim();
    expect(id).toMatch(/^rt-[0-9a-f]{32}$/);
    const text = await box.run(['organizations', 'describe-responsibility-transfer', '--id', id, '--output', 'text']);
    expect(text.stdout.split('\n')[0]).toBe(`RESPONSIBILITYTRANSFER\t${(await box.json(['organizations', 'describe-responsibility-transfer', '--id', id])).ResponsibilityTransfer.ActiveHandshakeId}\tarn:aws:organizations::111111111111:transfer/o-payerorg001/billing/inbound/${id}\t${id}\tSource bill\t2027-02-01T00:00:00+00:00\tREQUESTED\tBILLING`);
    const yaml = await box.run(['--profile', 'source', 'organizations', 'list-outbound-responsibility-transfers', '--type', 'BILLING', '--output', 'yaml']);
    expect(yaml.stdout).toContain(`  Arn: arn:aws:organizations::555555555555:transfer/o-sourceorg01/billing/outbound/${id}\n`);
    const table = await box.run(['organizations', 'describe-responsibility-transfer', '--id', id, '--output', 'table']);
    expect(table.stdout).toMatch(/\|\s+DescribeResponsibilityTransfer\s+\|/);
    const noPaginator = await box.run(['organizations', 'list-inbound-responsibility-transfers', '--type', 'BILLING', '--max-items', '1']);
    expect(noPaginator).toEqual({ exitCode: 252, stdout: '', stderr: `\n${BANNER}\n\norgsim: [ERROR]: Unknown options: --max-items, 1\n` });
  });

  it("fails the user guide's own examples as the AWS CLI does (R-137)", async () => {
    const filter = await box.run(['--profile', 'source', 'organizations', 'list-handshakes-for-account', '--filter', 'HandshakeType=TRANSFER_RESPONSIBILITY']);
    expect(filter).toEqual({
      exitCode: 252,
      stdout: '',
      stderr: `\n${ERROR}Parameter validation failed:\nUnknown parameter in Filter: "HandshakeType", must be one of: ActionType, ParentHandshakeId\n`,
    });
    const terminate = await box.run(['organizations', 'terminate-responsibility-transfer', '--responsibility-id', 'rt-12345678']);
    expect(terminate).toEqual({ exitCode: 252, stdout: '', stderr: `\n${ERROR}the following arguments are required: --id\n\n${BANNER}` });
    const cancel = await box.run(['organizations', 'cancel-handshake', '--id', 'h-1']);
    expect(cancel.stderr).toContain('the following arguments are required: --handshake-id');
    const camel = await invite('--sourceName', 'x');
    expect(camel.stderr).toContain('the following arguments are required: --source-name');
    const list = await box.run(['organizations', 'invite-organization-to-transfer-responsibility', '--type', 'BILLING', '--target', '[{"Type":"ACCOUNT","Id":"555555555555"}]', '--start-timestamp', START, '--source-name', 'x']);
    expect(list).toEqual({ exitCode: 252, stdout: '', stderr: `\n${ERROR}Error parsing parameter '--target': Invalid JSON:\n[{"Type":"ACCOUNT","Id":"555555555555"}]\n` });
    const empty = await box.run(['organizations', 'update-responsibility-transfer', '--id', 'rt-12345678', '--name', '']);
    expect(empty.stderr).toBe(`\n${ERROR}Parameter validation failed:\nInvalid length for parameter Name, value: 0, valid min length: 1\n`);
  });

  it('completes the commands and transfer ids, and explains a transfer', async () => {
    expect((await box.run(['__complete', 'orgsim organizations list-inb'])).stdout).toBe('list-inbound-responsibility-transfers\n');
    const id = (await box.run(['organizations', 'list-inbound-responsibility-transfers', '--type', 'BILLING', '--query', 'ResponsibilityTransfers[0].Id', '--output', 'text'])).stdout.trim();
    expect((await box.run(['__complete', 'orgsim explain '])).stdout.split('\n')).toContain(id);
    const explained = await box.run(['--profile', 'source', 'explain', id]);
    expect(explained.exitCode).toBe(0);
    expect(explained.stdout).toContain(`Transfer ${id} — BILLING "Source bill", now REQUESTED`);
    // Counted in world time: the clock was set to 2 December, a few seconds ago.
    expect(explained.stdout).toMatch(/\nTime: must be accepted by 2027-01-31T00:00:00Z, in (59d 23h 59m|60d); after that it expires\n/);
    expect(explained.stdout).toMatch(/✓ accept: the transfer becomes ACCEPTED: payer \(111111111111\) pays source \(555555555555\)'s bill from 2027-02-01T00:00:00Z/);
    expect(explained.stdout).toContain('✗ cancel: only the sender\'s management account can cancel');
    const mermaid = await box.run(['explain', id, '--format', 'mermaid']);
    expect(mermaid.stdout).toContain('    ACCEPTED --> WITHDRAWN: terminate (either management account)\n');
    expect(mermaid.stdout).toContain('    class REQUESTED current\n');
    const quota = await box.json(['quota', '--output', 'json']);
    expect(quota.InboundResponsibilityTransfers).toEqual({ Quota: 1, Used: 1 });
  });
});
