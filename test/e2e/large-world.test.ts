// A world large enough to be read as stored lines (store/lazy-list.ts) answers every command as
// the same world read whole does: the same world in the layout of an older orgsim is read whole.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from './helpers.js';

// Seeded, so that both sandboxes make the same ids.
const at = { ORGSIM_NOW: '2026-11-21T12:00:00Z', ORGSIM_SEED: 'large-world' };
const N = 600;
let stored: Sandbox; // written by orgsim: one item a line, read a line at a time
let whole: Sandbox; // the same world pretty-printed, as an older orgsim wrote it: read whole
let juanId = '';
let middleId = '';

beforeAll(async () => {
  stored = new Sandbox();
  whole = new Sandbox();
  await stored.run(['init'], at);
  juanId = await stored.invite('Id=222222222222,Type=ACCOUNT', at);
  const world = JSON.parse((await stored.run(['world', 'export'], at)).stdout);
  world.Organizations[0].Quotas = { Accounts: 100_000, InvitationsPerDay: 100_000 };
  const [record] = world.Handshakes;
  const [event] = world.Events;
  const hex = (i: number) => i.toString(16).padStart(32, '0');
  for (let i = 1; i < N; i++) {
    const id = String(600000000000 + i);
    const clone = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll(record.Handshake.Id.slice(2), hex(i)).replaceAll('222222222222', id));
    const copy = clone(record);
    // Three request times, many invitations at each; some ended.
    copy.Handshake.RequestedTimestamp += i % 3;
    if (i % 11 === 0) Object.assign(copy, { EndedTimestamp: copy.Handshake.RequestedTimestamp }, { Handshake: { ...copy.Handshake, State: 'CANCELED' } });
    world.Handshakes.push(copy);
    world.Accounts.push({ ...world.Accounts.find((a: { Id: string }) => a.Id === '222222222222'), Id: id, Name: `Account ${i}`, Email: `account${i}@example.com` });
    world.Events.push(clone(event));
  }
  middleId = world.Handshakes[N / 2].Handshake.Id;
  writeFileSync(join(stored.dir, 'world.json'), JSON.stringify(world, null, 2));
  expect((await stored.run(['world', 'import', 'world.json'], at)).exitCode).toBe(0);
  await whole.run(['init'], at);
  writeFileSync(join(whole.home, 'state.json'), JSON.stringify(world, null, 2) + '\n', { mode: 0o600 });
  expect(statSync(join(stored.home, 'state.json')).size).toBeGreaterThan(256 * 1024);
  expect(readFileSync(join(stored.home, 'state.json'), 'utf8')).toContain('\n"StoreLayout":');
}, 60_000);
afterAll(() => {
  stored.cleanup();
  whole.cleanup();
});

const both = async (args: string[]) => {
  const [a, b] = await Promise.all([stored.run(args, at), whole.run(args, at)]);
  expect(a).toEqual(b);
  return a;
};

describe(`a world of ${N} handshakes read as stored lines`, () => {
  it('lists, pages and looks up exactly as the world read whole', async () => {
    const all = await both(['--profile', 'bill', 'organizations', 'list-handshakes-for-organization', '--query', 'Handshakes[].Id', '--output', 'text']);
    expect(all.stdout.trim().split(/\s+/)).toHaveLength(N);
    let token = '';
    for (let page = 0; page < 4; page++) {
      const out = await both(['--profile', 'bill', 'organizations', 'list-handshakes-for-organization', '--max-items', '7', ...(token ? ['--starting-token', token] : [])]);
      token = JSON.parse(out.stdout).NextToken;
    }
    await both(['--profile', 'bill', 'organizations', 'list-handshakes-for-organization', '--filter', 'ActionType=INVITE', '--page-size', '5', '--max-items', '12']);
    await both(['--profile', 'bill', 'organizations', 'describe-handshake', '--handshake-id', middleId]);
    await both(['--profile', 'juan', 'organizations', 'list-handshakes-for-account']);
    await both(['--profile', 'bill', 'organizations', 'describe-organization']);
    await both(['--profile', 'bill', 'organizations', 'list-accounts', '--max-items', '30']);
    await both(['events', '--output', 'json']);
    await both(['--profile', 'bill', 'organizations', 'list-handshakes-for-organization', '--query', 'length(Handshakes)']);
  });

  it('prints a listing of every item a page at a time, as the one response the AWS CLI prints', async () => {
    const list = ['--profile', 'bill', 'organizations', 'list-handshakes-for-organization'];
    const streamed = await both(list);
    // A query prints the merged response at once: the same bytes, but for the query's own reading of numbers.
    const merged = await both([...list, '--query', '@']);
    expect(streamed.exitCode).toBe(0);
    expect(streamed.stdout).toBe(merged.stdout);
    expect(JSON.parse(streamed.stdout).Handshakes).toHaveLength(N);
    // More than the output src/spool.ts holds in memory: the temporary file is used, and left nowhere.
    expect(Buffer.byteLength(streamed.stdout)).toBeGreaterThan(256 * 1024);
    const cut = await both([...list, '--max-items', '450', '--page-size', '7']);
    expect(cut.stdout).toBe((await both([...list, '--max-items', '450', '--page-size', '7', '--query', '@'])).stdout);
    expect(JSON.parse(cut.stdout).NextToken).toEqual(expect.any(String));
  });

  it('prints none of a listing that fails part way, however much of it was printed', async () => {
    // The 15th call hands back the token it was sent: the AWS CLI's paginator stops with an error.
    // (A rehearsal counts its calls in the world: both worlds count them alike.)
    const failing = { ...at, ORGSIM_FAULTS: 'repeated-token:every=15' };
    const args = ['--profile', 'bill', 'organizations', 'list-handshakes-for-organization'];
    const [run, other] = await Promise.all([stored.run(args, failing), whole.run(args, failing)]);
    expect(run).toEqual(other);
    expect(run.exitCode).toBe(255);
    expect(run.stderr).toContain('The same next token was received twice');
    expect(run.stdout).toBe('');
  });

  it('changes exactly as the world read whole, and is read back the same', async () => {
    await both(['--profile', 'juan', 'organizations', 'accept-handshake', '--handshake-id', juanId]);
    await both(['--profile', 'bill', 'organizations', 'invite-account-to-organization', '--target', 'Id=someone@example.com,Type=EMAIL', '--query', 'Handshake.State']);
    await both(['--profile', 'bill', 'organizations', 'invite-account-to-organization', '--target', 'Id=600000000005,Type=ACCOUNT', '--query', 'Handshake.Parties']);
    await both(['clock', 'advance', '16d']);
    await both(['--profile', 'bill', 'organizations', 'list-handshakes-for-organization', '--max-items', '5', '--query', 'Handshakes[].[Id,State]']);
    await both(['world', 'export']);
    const doctors = await Promise.all([stored.run(['doctor'], at), whole.run(['doctor'], at)]);
    expect(doctors.map((d) => d.exitCode)).toEqual([0, 0]);
  });
});
