// boto3 (botocore, as the AWS CLI's own library) against `orgsim serve`: a billing transfer from
// invitation to withdrawal, with its timestamps read back as Python datetimes.
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../e2e/helpers.js';
import { startServer, type RunningServer } from '../e2e/server-helpers.js';

const PYTHON = process.env.ORGSIM_BOTO3_PYTHON ?? 'python3';
const SCRIPT = fileURLToPath(new URL('./scripts/transfer_with_boto3.py', import.meta.url));

let box: Sandbox;
let server: RunningServer;

beforeAll(async () => {
  box = new Sandbox();
  await box.run(['init', '--scenario', 'billing-transfer']);
  server = await startServer(box);
});
afterAll(async () => {
  await server?.stop();
  box?.cleanup();
});

describe('boto3 through orgsim serve', () => {
  it('invites, lists, accepts, describes and withdraws a billing transfer', async () => {
    const run = await execa(PYTHON, [SCRIPT, server.url], { reject: false, env: { ...process.env, TZ: 'UTC', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' } });
    if (run.exitCode !== 0) throw new Error(`${PYTHON} (with boto3, as .ci/run installs it) failed: ${run.stderr}`);
    const seen = JSON.parse(run.stdout);
    const start = new Date(seen.start);
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1) - 1000);
    expect(seen).toEqual({
      start: seen.start,
      expiration: new Date(start.getTime() - 86_400_000).toISOString().replace('.000Z', '+00:00'),
      outbound: [[seen.transfer, 'REQUESTED', seen.start]],
      described: ['ACCEPTED', { ManagementAccountId: '555555555555', ManagementAccountEmail: 'source@example.com' }, true],
      withdrawn: ['WITHDRAWN', end.toISOString().replace('.000Z', '+00:00')],
      again: 'ResponsibilityTransferAlreadyInStatusException',
      transfer: expect.stringMatching(/^rt-[0-9a-f]{32}$/),
    });
  });
});
