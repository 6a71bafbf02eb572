// Faults side by side: the real AWS CLI (through orgsim serve) and orgsim meet the same injected
// throttling, empty pages and repeated tokens, and must end the same: the same attempts, the same
// stderr and exit codes, the same merged output. boto3's paginator gets every handshake through
// empty pages.
import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox, type Run } from '../e2e/helpers.js';
import { startServer, type RunningServer } from '../e2e/server-helpers.js';

const AWS = process.env.ORGSIM_AWS_CLI ?? '/usr/bin/aws';
const PYTHON = process.env.ORGSIM_BOTO3_PYTHON ?? 'python3';

let box: Sandbox;
let server: RunningServer;
let credentials: string;

async function aws(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const result = await execa(AWS, ['--endpoint-url', server.url, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: box.dir, TZ: 'UTC', AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: '/dev/null', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', ...env },
    extendEnv: false,
    reject: false,
    stripFinalNewline: false,
  });
  return { stdout: String(result.stdout), stderr: String(result.stderr), exitCode: result.exitCode ?? -1 };
}

/** orgsim with retries that wait no longer than it takes to count them (the real CLI waits its backoff). */
const orgsim = (args: string[], env: Record<string, string> = {}) => box.run(['--cli-error-format', 'legacy', ...args], { ORGSIM_RETRY_DELAY_SCALE: '0', ...env });
const comparable = (stderr: string) => stderr.replace('orgsim: [ERROR]: ', '');
const eventCount = async () => (await box.json(['events', '--output', 'json', '--query', 'length(Events)'])) as number;

/** Switches `fault` on afresh (its count starts again), so that both tools meet the same calls. */
async function fault(...args: string[]): Promise<void> {
  await box.run(['faults', 'clear']);
  expect((await box.run(['faults', 'set', ...args, '--seed', 'side-by-side'])).exitCode).toBe(0);
}

beforeAll(async () => {
  box = new Sandbox();
  await box.run(['init', '--scenario', 'rollout', '--accounts', '9']);
  for (const id of (await box.json(['accounts', '--output', 'json', '--query', 'Accounts[?OrganizationId==``].Id'])) as string[]) {
    expect((await box.run(['invite-account-to-organization', '--target', `Id=${id},Type=ACCOUNT`])).exitCode).toBe(0);
  }
  credentials = join(box.dir, 'credentials');
  writeFileSync(credentials, (await box.run(['profiles', '--aws-credentials'])).stdout);
  server = await startServer(box);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  box?.cleanup();
});

describe('throttling every call', () => {
  it.each([
    ['the default three attempts', {}, 3],
    ['AWS_MAX_ATTEMPTS=5', { AWS_MAX_ATTEMPTS: '5' }, 5],
    ['AWS_MAX_ATTEMPTS=1', { AWS_MAX_ATTEMPTS: '1' }, 1],
  ])('%s: the same attempts, error line and exit code', async (_name, env, attempts) => {
    await fault('throttle', '--rate', '1', '--operations', 'describe-organization');
    const before = await eventCount();
    const real = await aws(['organizations', 'describe-organization'], env);
    const between = await eventCount();
    const ours = await orgsim(['organizations', 'describe-organization'], env);
    expect(between - before).toBe(attempts);
    expect((await eventCount()) - between).toBe(attempts);
    expect(real.exitCode).toBe(254);
    expect(ours.exitCode).toBe(254);
    expect(comparable(ours.stderr)).toBe(real.stderr);
    expect(real.stderr).toContain(`(reached max retries: ${attempts - 1})`);
  }, 60_000);

  it.each([['AWS_RETRY_MODE=legacy', { AWS_RETRY_MODE: 'legacy' }], ['AWS_MAX_ATTEMPTS=0', { AWS_MAX_ATTEMPTS: '0' }], ['AWS_MAX_ATTEMPTS=x', { AWS_MAX_ATTEMPTS: 'x' }]])('%s is refused alike', async (_name, env) => {
    const real = await aws(['organizations', 'describe-organization'], env);
    const ours = await orgsim(['organizations', 'describe-organization'], env);
    expect(real.exitCode).toBe(255);
    expect(ours.exitCode).toBe(255);
    expect(comparable(ours.stderr)).toBe(real.stderr);
  });

  it('a throttle every other call is absorbed by both', async () => {
    await fault('throttle', '--every', '2', '--operations', 'list-handshakes-for-organization');
    const real = await aws(['organizations', 'list-handshakes-for-organization', '--page-size', '2', '--query', 'Handshakes[].Id']);
    await fault('throttle', '--every', '2', '--operations', 'list-handshakes-for-organization');
    const ours = await orgsim(['organizations', 'list-handshakes-for-organization', '--page-size', '2', '--query', 'Handshakes[].Id']);
    expect(real.exitCode).toBe(0);
    expect(ours).toEqual(real);
  }, 60_000);
});

describe('empty pages', () => {
  it.each([
    ['merged JSON', ['--page-size', '2']],
    ['text per page', ['--page-size', '2', '--output', 'text', '--query', 'length(Handshakes)']],
    ['--max-items on a page boundary', ['--page-size', '2', '--max-items', '3']],
  ])('%s: the same stdout from both', async (_name, args) => {
    await fault('empty-page', '--every', '2');
    const real = await aws(['organizations', 'list-handshakes-for-organization', ...args]);
    await fault('empty-page', '--every', '2');
    const ours = await orgsim(['organizations', 'list-handshakes-for-organization', ...args]);
    expect(real.exitCode).toBe(0);
    expect(ours).toEqual(real);
  });

  it('merge to what no fault gives', async () => {
    await box.run(['faults', 'clear']);
    const plain = await aws(['organizations', 'list-handshakes-for-organization', '--page-size', '2']);
    await fault('empty-page', '--every', '2');
    expect(await aws(['organizations', 'list-handshakes-for-organization', '--page-size', '2'])).toEqual(plain);
  });

  it('a repeated token ends both with the same pagination error', async () => {
    await fault('repeated-token', '--every', '2');
    const real = await aws(['organizations', 'list-handshakes-for-organization', '--page-size', '2']);
    await fault('repeated-token', '--every', '2');
    const ours = await orgsim(['organizations', 'list-handshakes-for-organization', '--page-size', '2']);
    expect(real.exitCode).toBe(255);
    expect(ours.exitCode).toBe(255);
    expect(comparable(ours.stderr)).toBe(real.stderr);
  });

  it("boto3's paginator gets every handshake through them", async () => {
    await box.run(['faults', 'clear']);
    const all = ((await box.json(['list-handshakes-for-organization', '--output', 'json', '--query', 'Handshakes[].Id'])) as string[]).sort();
    await fault('empty-page', '--rate', '0.5');
    const script = `
import boto3, json, sys
client = boto3.client('organizations', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='AKIAORGSIMDEFAULT000', aws_secret_access_key='x')
ids, pages = [], 0
for page in client.get_paginator('list_handshakes_for_organization').paginate(PaginationConfig={'PageSize': 2}):
    pages += 1
    ids += [h['Id'] for h in page['Handshakes']]
print(json.dumps({'ids': sorted(ids), 'pages': pages}))`;
    const run = await execa(PYTHON, ['-c', script, server.url], { reject: false, env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' } });
    if (run.exitCode !== 0) throw new Error(`${PYTHON} (with boto3) failed: ${run.stderr}`);
    const seen = JSON.parse(run.stdout);
    expect(seen.ids).toEqual(all);
    expect(seen.pages).toBeGreaterThan(Math.ceil(all.length / 2));
  });
});
