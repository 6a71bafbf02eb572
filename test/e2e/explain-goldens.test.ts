// explain of every kind of handshake in every state it can reach, and the event log after a
// rollout with expiries, against goldens (colours off, ids seeded, the clock pinned).
// ORGSIM_WRITE_GOLDENS=1 rewrites them.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Sandbox } from './helpers.js';

const SEEDED = { ORGSIM_SEED: 'explain-every-kind', NO_COLOR: '1' };
const at = (iso: string) => ({ ...SEEDED, ORGSIM_NOW: iso });
const T0 = at('2026-11-21T12:00:00Z');
const T1 = at('2026-11-22T09:30:00Z');
const LATER = at('2026-11-23T12:00:00Z');
const MEMBERS = ['juan', 'anika', 'susan', 'dana', 'eve'];

function golden(name: string, actual: string): void {
  const file = new URL(`../golden/explain/${name}.txt`, import.meta.url);
  if (process.env.ORGSIM_WRITE_GOLDENS) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

async function explained(box: Sandbox, profile: string, id: string, when = LATER): Promise<string> {
  const out = await box.run(['--profile', profile, 'explain', id], when);
  expect(out.exitCode).toBe(0);
  return out.stdout;
}

/** A consolidated-billing organization whose migration has begun: the parent, and juan's approval. */
async function migration(box: Sandbox): Promise<{ parent: string; child: string }> {
  await box.run(['init', '--scenario', 'consolidated-billing'], T0);
  const parent = (await box.json(['organizations', 'enable-all-features'], T0)).Handshake.Id;
  const child = (await box.run(['--profile', 'juan', 'organizations', 'list-handshakes-for-account', '--query', 'Handshakes[0].Id', '--output', 'text'], T0)).stdout.trim();
  return { parent, child };
}

async function approveAll(box: Sandbox): Promise<void> {
  for (const member of MEMBERS) {
    const id = (await box.run(['--profile', member, 'organizations', 'list-handshakes-for-account', '--query', 'Handshakes[0].Id', '--output', 'text'], T1)).stdout.trim();
    await box.run(['--profile', member, 'organizations', 'accept-handshake', '--handshake-id', id], T1);
  }
}

const answer = (box: Sandbox, profile: string, response: string, id: string) => box.run(['--profile', profile, 'organizations', `${response}-handshake`, '--handshake-id', id], T1);

describe('explain, every kind in every state', () => {
  it.each([
    ['REQUESTED', async () => {}],
    ['OPEN', approveAll],
    ['ACCEPTED', async (box: Sandbox, parent: string) => { await approveAll(box); await answer(box, 'bill', 'accept', parent); }],
    ['DECLINED', (box: Sandbox, parent: string) => answer(box, 'bill', 'decline', parent)],
    ['CANCELED', (box: Sandbox, parent: string) => answer(box, 'bill', 'cancel', parent)],
  ] as [string, (box: Sandbox, parent: string) => Promise<unknown>][])('ENABLE_ALL_FEATURES %s', async (state, steps) => {
    const box = new Sandbox();
    const { parent } = await migration(box);
    await steps(box, parent);
    golden(`ENABLE_ALL_FEATURES-${state}`, await explained(box, 'bill', parent));
    box.cleanup();
  });

  it('ENABLE_ALL_FEATURES EXPIRED, and its approvals CANCELED with it', async () => {
    const box = new Sandbox();
    const { parent, child } = await migration(box);
    const after = at('2027-02-20T12:00:00Z');
    golden('ENABLE_ALL_FEATURES-EXPIRED', await explained(box, 'bill', parent, after));
    golden('APPROVE_ALL_FEATURES-LAPSED', await explained(box, 'juan', child, after));
    box.cleanup();
  });

  it.each([
    ['OPEN', async () => {}],
    ['ACCEPTED', (box: Sandbox, child: string) => answer(box, 'juan', 'accept', child)],
    ['DECLINED', (box: Sandbox, child: string) => answer(box, 'juan', 'decline', child)],
    ['CANCELED', (box: Sandbox, _child: string, parent: string) => answer(box, 'bill', 'cancel', parent)],
  ] as [string, (box: Sandbox, child: string, parent: string) => Promise<unknown>][])('APPROVE_ALL_FEATURES %s', async (state, steps) => {
    const box = new Sandbox();
    const { parent, child } = await migration(box);
    await steps(box, child, parent);
    golden(`APPROVE_ALL_FEATURES-${state}`, await explained(box, 'juan', child));
    box.cleanup();
  });

  it('ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE OPEN, then ACCEPTED', async () => {
    const box = new Sandbox();
    await box.run(['init', '--scenario', 'consolidated-billing'], T0);
    await box.run(['quota', 'set', '--accounts', '20'], T0);
    const request = (await box.json(['organizations', 'create-account', '--email', 'made@example.com', '--account-name', 'Made'], T0)).CreateAccountStatus.Id;
    const made = (await box.json(['organizations', 'describe-create-account-status', '--create-account-request-id', request], T0)).CreateAccountStatus.AccountId;
    await box.run(['profiles', 'add', 'made', '--account', made], T0);
    await box.run(['organizations', 'enable-all-features'], T0);
    const child = (await box.run(['--profile', 'made', 'organizations', 'list-handshakes-for-account', '--query', 'Handshakes[0].Id', '--output', 'text'], T0)).stdout.trim();
    golden('ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE-OPEN', await explained(box, 'made', child));
    await answer(box, 'made', 'accept', child);
    golden('ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE-ACCEPTED', await explained(box, 'made', child));
    box.cleanup();
  });

  it.each([
    ['OPEN', 'source', async () => {}],
    ['ACCEPTED', 'source', (box: Sandbox, id: string) => answer(box, 'source', 'accept', id)],
    ['DECLINED', 'source', (box: Sandbox, id: string) => answer(box, 'source', 'decline', id)],
    ['CANCELED', 'payer', (box: Sandbox, id: string) => answer(box, 'payer', 'cancel', id)],
  ] as [string, string, (box: Sandbox, id: string) => Promise<unknown>][])('TRANSFER_RESPONSIBILITY %s, as %s', async (state, profile, steps) => {
    const box = new Sandbox();
    await box.run(['init', '--scenario', 'billing-transfer'], T0);
    const offer = (await box.json(['organizations', 'invite-organization-to-transfer-responsibility', '--type', 'BILLING', '--target', 'Type=ACCOUNT,Id=555555555555', '--start-timestamp', '2027-01-01', '--source-name', 'Source'], T0)).Handshake.Id;
    await steps(box, offer);
    golden(`TRANSFER_RESPONSIBILITY-${state}`, await explained(box, profile, offer));
    box.cleanup();
  });

  it('TRANSFER_RESPONSIBILITY EXPIRED, and the transfer itself', async () => {
    const box = new Sandbox();
    await box.run(['init', '--scenario', 'billing-transfer'], T0);
    const offer = (await box.json(['organizations', 'invite-organization-to-transfer-responsibility', '--type', 'BILLING', '--target', 'Type=ACCOUNT,Id=555555555555', '--start-timestamp', '2027-01-01', '--source-name', 'Source'], T0)).Handshake;
    const after = at('2026-12-31T00:00:00Z');
    golden('TRANSFER_RESPONSIBILITY-EXPIRED', await explained(box, 'payer', offer.Id, after));
    golden('RESPONSIBILITY_TRANSFER-EXPIRED', await explained(box, 'payer', offer.Resources[0].Value, after));
    box.cleanup();
  });
});

describe('events after a rollout with expiries', () => {
  it('every invitation, answer, join and expiry, in order', async () => {
    const box = new Sandbox();
    await box.run(['init', '--scenario', 'rollout', '--accounts', '5'], T0);
    for (let i = 1; i <= 5; i++) await box.run(['organizations', 'invite-account-to-organization', '--target', `Id=10000000000${i},Type=ACCOUNT`], T0);
    const sent = (name: string) => box.run(['--profile', name, 'organizations', 'list-handshakes-for-account', '--query', 'Handshakes[0].Id', '--output', 'text'], T1);
    for (const [name, response] of [['acct01', 'accept'], ['acct02', 'accept'], ['acct03', 'decline']]) await answer(box, name!, response!, (await sent(name!)).stdout.trim());
    // A change after the other two invitations expired stores their expiry.
    await box.run(['organizations', 'create-organizational-unit', '--parent-id', 'r-exam', '--name', 'Workloads'], at('2026-12-07T12:00:00Z'));
    const out = await box.run(['events'], at('2026-12-07T12:00:00Z'));
    golden('events-rollout', out.stdout);
    box.cleanup();
  });
});
