// `orgsim status` after a rehearsal: who has not answered, by name, in every output format and at
// 80 columns; and --watch, which draws it again when another shell changes the world.
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, Sandbox } from './helpers.js';
import { post, startServer } from './server-helpers.js';

let box: Sandbox;
const silent = new Set(['acct07', 'acct19', 'acct23', 'acct38', 'acct50']);
const declining = new Set(['acct02', 'acct11', 'acct44']);

/** The 50-account rehearsal: every account invited (through orgsim serve, to be quick), all but five answer. */
beforeAll(async () => {
  box = new Sandbox();
  expect((await box.run(['init', '--scenario', 'rollout', '--accounts', '50'])).exitCode).toBe(0);
  const profiles = (await box.json(['profiles', '--output', 'json'])).Profiles as { Name: string; AccountId: string; AccessKeyId: string }[];
  const server = await startServer(box);
  const as = (key: string) => ({ Authorization: `AWS4-HMAC-SHA256 Credential=${key}/20261121/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0` });
  for (const p of profiles.filter((p) => /^acct\d\d$/.test(p.Name))) {
    const sent = await post(server.url, 'InviteAccountToOrganization', JSON.stringify({ Target: { Id: p.AccountId, Type: 'ACCOUNT' } }));
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    if (silent.has(p.Name)) continue;
    const id = (sent.body.Handshake as { Id: string }).Id;
    const answer = await post(server.url, declining.has(p.Name) ? 'DeclineHandshake' : 'AcceptHandshake', JSON.stringify({ HandshakeId: id }), as(p.AccessKeyId));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }
  await server.stop();
  await box.run(['clock', 'advance', '3d']);
});

afterAll(() => box?.cleanup());

describe('orgsim status', () => {
  it('names the five who never answered, with their addresses, how long they waited and the time left', async () => {
    const status = await box.json(['status', '--output', 'json']);
    const [org] = status.Organizations;
    expect(org.Invitations).toEqual({ Pending: 5, Accepted: 42, Declined: 3, Expired: 0, Canceled: 0 });
    expect(org.Members).toBe(1 + 42);
    expect(org.Pending.map((p: { AccountName: string }) => p.AccountName).sort()).toEqual([...silent].sort());
    for (const p of org.Pending) {
      expect(p.Email).toBe(`${p.AccountName}@example.com`);
      expect(p.AgeSeconds).toBeGreaterThanOrEqual(3 * 86400);
      expect(p.ExpiresInSeconds).toBeLessThanOrEqual(12 * 86400);
    }
    // The same in the other formats, and through --query.
    expect((await box.run(['status', '--query', 'Organizations[0].Pending[].AccountName', '--output', 'text'])).stdout.trim().split('\t').sort()).toEqual([...silent].sort());
    expect((await box.run(['status', '--output', 'yaml'])).stdout).toContain('Pending: 5');
  });

  it('fits 80 columns for people, and names them there too', async () => {
    const out = await box.run(['status'], { COLUMNS: '80' });
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('Invitations: 5 pending, 42 accepted, 3 declined, 0 expired, 0 canceled');
    for (const name of silent) expect(out.stdout).toContain(name);
    expect(Math.max(...out.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
  });

  it('--watch draws it again when another shell changes the world, until interrupted', async () => {
    const watcher = execa(BIN, ['status', '--watch'], { env: box.env(), extendEnv: false, reject: false, buffer: false });
    let seen = '';
    const until = (text: string) =>
      new Promise<void>((resolve) => {
        const look = () => {
          if (seen.includes(text)) {
            watcher.stdout!.off('data', listen);
            resolve();
          }
        };
        const listen = (chunk: Buffer) => {
          seen += chunk.toString();
          look();
        };
        watcher.stdout!.on('data', listen);
        look();
      });
    await until('5 pending');
    const pending = (await box.json(['status', '--output', 'json'])).Organizations[0].Pending[0].HandshakeId;
    expect((await box.run(['organizations', 'cancel-handshake', '--handshake-id', pending])).exitCode).toBe(0);
    await until('4 pending');
    watcher.kill('SIGTERM');
    expect((await watcher).exitCode).toBe(0);
  });
});
