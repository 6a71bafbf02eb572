// 16 processes × 25 mutations on one world at once: nothing lost, nothing torn.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worldSchema } from '../../src/store/world-schema.js';
import { Sandbox } from '../e2e/helpers.js';
import { worldWithAccounts, writeWorld } from './world-builder.js';

const PROCESSES = 16;
const PER_PROCESS = 25;
const ACCOUNTS_PER_PROCESS = 10;

interface Mutation {
  args: string[];
  exitCode: number;
  /** What the final world must show for it when it exited 0. */
  expect?: { handshake: string; state: string };
}

let box: Sandbox;
const results: Mutation[][] = [];
beforeAll(async () => {
  box = new Sandbox();
  writeWorld(box.home, worldWithAccounts(PROCESSES * ACCOUNTS_PER_PROCESS));
  const env = { ORGSIM_LOCK_TIMEOUT_MS: '20000' };
  const worker = async (p: number): Promise<Mutation[]> => {
    const done: Mutation[] = [];
    const run = async (args: string[]) => {
      const out = await box.run([...args, '--output', 'json'], env);
      const mutation: Mutation = { args, exitCode: out.exitCode };
      if (out.exitCode === 0) mutation.expect = { handshake: JSON.parse(out.stdout).Handshake.Id, state: JSON.parse(out.stdout).Handshake.State };
      done.push(mutation);
      return mutation;
    };
    const account = (i: number) => p * ACCOUNTS_PER_PROCESS + i;
    const ids: string[] = [];
    for (let i = 0; i < ACCOUNTS_PER_PROCESS; i++) {
      ids.push((await run(['--profile', 'bill', 'invite-account-to-organization', '--target', `Id=${500000000000 + account(i)},Type=ACCOUNT`])).expect?.handshake ?? '');
    }
    for (let i = 0; i < 5; i++) await run(['--profile', `a${account(i)}`, 'accept-handshake', '--handshake-id', ids[i]!]);
    for (let i = 5; i < 8; i++) await run(['--profile', `a${account(i)}`, 'decline-handshake', '--handshake-id', ids[i]!]);
    for (let i = 8; i < 10; i++) await run(['--profile', 'bill', 'cancel-handshake', '--handshake-id', ids[i]!]);
    for (let k = 0; k < PER_PROCESS - 20; k++) await run(['--profile', 'bill', 'invite-account-to-organization', '--target', `Id=p${p}-${k}@example.com,Type=EMAIL`]);
    return done;
  };
  results.push(...(await Promise.all(Array.from({ length: PROCESSES }, (_, p) => worker(p)))));
}, 600_000);
afterAll(() => box.cleanup());

describe(`${PROCESSES} processes × ${PER_PROCESS} mutations in parallel`, () => {
  it('every mutation that exited 0 is in the final world; none is torn or lost', async () => {
    const text = readFileSync(join(box.home, 'state.json'), 'utf8');
    const world = worldSchema.parse(JSON.parse(text));
    const all = results.flat();
    const byId = new Map(world.Handshakes.map((r) => [r.Handshake.Id, r.Handshake.State]));
    // The last successful mutation of each handshake decides its state.
    const finalState = new Map<string, string>();
    for (const m of all) if (m.expect) finalState.set(m.expect.handshake, m.expect.state);
    const lost = [...finalState].filter(([id, state]) => byId.get(id) !== state);
    const succeeded = all.filter((m) => m.exitCode === 0).length;
    const failed = all.filter((m) => m.exitCode !== 0);
    console.log(`figures: ${PROCESSES} processes, ${all.length} mutations, ${succeeded} succeeded, ${failed.length} failed, ${lost.length} lost updates, 0 torn files`);
    expect(all).toHaveLength(PROCESSES * PER_PROCESS);
    expect(lost).toEqual([]);
    // Failed mutations (lock timeouts) left no trace: no handshake beyond the successful invitations.
    expect(world.Handshakes).toHaveLength(all.filter((m) => m.exitCode === 0 && m.args.includes('invite-account-to-organization')).length);
    for (const m of failed) expect(m.exitCode).toBe(254);
    const members = world.Accounts.filter((a) => a.OrganizationId).length;
    expect(members).toBe(1 + all.filter((m) => m.exitCode === 0 && m.args.includes('accept-handshake')).length);
    expect(readdirSync(box.home).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
  });
});

describe('the lock', () => {
  it('held by a live process: exit 254 ConcurrentModificationException after the timeout; a retry after release succeeds', async () => {
    const other = new Sandbox();
    await other.run(['init']);
    const lock = join(other.home, 'state.json.lock');
    writeFileSync(lock, `${process.pid}\n${hostname()}\n${Date.now()}\n`);
    const args = ['invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT'];
    const blocked = await other.run(args, { ORGSIM_LOCK_TIMEOUT_MS: '300' });
    expect(blocked.exitCode).toBe(254);
    expect(blocked.stderr).toContain('(ConcurrentModificationException)');
    expect((await other.json(['list-handshakes-for-organization'])).Handshakes).toEqual([]);
    (await import('node:fs')).unlinkSync(lock);
    expect((await other.run(args, { ORGSIM_LOCK_TIMEOUT_MS: '300' })).exitCode).toBe(0);
    other.cleanup();
  });

  it('left by a dead process: taken over; never taken from a live one even when old', async () => {
    const other = new Sandbox();
    await other.run(['init']);
    const lock = join(other.home, 'state.json.lock');
    writeFileSync(lock, `2147483646\n${hostname()}\n0\n`);
    expect((await other.run(['invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT'], { ORGSIM_LOCK_TIMEOUT_MS: '2000' })).exitCode).toBe(0);
    writeFileSync(lock, `${process.pid}\n${hostname()}\n0\n`);
    expect((await other.run(['invite-account-to-organization', '--target', 'Id=333333333333,Type=ACCOUNT'], { ORGSIM_LOCK_TIMEOUT_MS: '500' })).exitCode).toBe(254);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n${hostname()}\n0\n`);
    other.cleanup();
  });
});
