import { execa } from 'execa';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, Sandbox } from './helpers.js';

const binDir = BIN.replace(/\/orgsim$/, '');

describe('the 50-account rollout, scripted in bash', () => {
  let box: Sandbox;
  beforeAll(async () => {
    box = new Sandbox();
    const script = new URL('./scripts/rollout-50.sh', import.meta.url).pathname;
    const run = await execa('bash', [script], { env: box.env({ PATH: `${binDir}:${process.env.PATH}` }), extendEnv: false, reject: false });
    if (run.exitCode !== 0) throw new Error(`rollout script failed: ${run.stderr}`);
  }, 240_000);
  afterAll(() => box.cleanup());

  it('ends with 41 accounts in the organization, 5 declined and 5 expired invitations', async () => {
    const accounts = await box.json(['list-accounts', '--query', 'Accounts[].Id']);
    expect(accounts).toHaveLength(41);
    const states = await box.json(['list-handshakes-for-organization', '--query', 'Handshakes[].State']);
    const count = (s: string) => states.filter((x: string) => x === s).length;
    expect([states.length, count('ACCEPTED'), count('DECLINED'), count('EXPIRED'), count('OPEN')]).toEqual([50, 40, 5, 5, 0]);
    const expired = await box.json(['list-handshakes-for-organization', '--query', 'Handshakes[?State==`EXPIRED`].Parties[1].Id']);
    expect([...expired].sort()).toEqual(['100000000046', '100000000047', '100000000048', '100000000049', '100000000050']);
  });

  it('logs every invitation, answer and join', async () => {
    const events = (await box.json(['events', '--output', 'json'])).Events as { eventName: string; serviceEventDetails?: { joinedMethod?: string } }[];
    const count = (name: string) => events.filter((e) => e.eventName === name).length;
    expect([count('InviteAccountToOrganization'), count('AcceptHandshake'), count('DeclineHandshake'), count('AccountJoinedOrganization')]).toEqual([50, 40, 5, 40]);
    expect(events.filter((e) => e.eventName === 'AccountJoinedOrganization').every((e) => e.serviceEventDetails?.joinedMethod === 'Invited')).toBe(true);
    const forOne = (await box.json(['events', '--output', 'json', '--account', '100000000041'])).Events.map((e: { eventName: string }) => e.eventName);
    // The invitation it was sent concerns it as much as its answer.
    expect(forOne).toEqual(['InviteAccountToOrganization', 'DeclineHandshake']);
  });

  it('30 days after they ended, the handshakes are gone', async () => {
    expect((await box.run(['clock', 'advance', '30d'])).exitCode).toBe(0);
    expect(await box.json(['list-handshakes-for-organization'])).toEqual({ Handshakes: [] });
  });
});

describe('the all-features migration, from start to ALL', () => {
  it('enable, approve, finalise', async () => {
    const box = new Sandbox();
    await box.run(['init', '--scenario', 'consolidated-billing']);
    const parent = (await box.json(['organizations', 'enable-all-features'])).Handshake;
    expect(parent.State).toBe('REQUESTED');
    const children = await box.json(['list-handshakes-for-organization', '--filter', `ParentHandshakeId=${parent.Id}`, '--query', 'Handshakes[].[Id, Parties[1].Id]']);
    expect(children).toHaveLength(5);
    const early = await box.run(['accept-handshake', '--handshake-id', parent.Id]);
    expect(early.exitCode).toBe(254);
    expect(early.stderr).toContain('InvalidHandshakeTransitionException');
    const profiles = (await box.json(['profiles', '--output', 'json'])).Profiles as { Name: string; AccountId: string }[];
    for (const [id, account] of children as [string, string][]) {
      const profile = profiles.find((p) => p.AccountId === account)!.Name;
      expect((await box.json(['--profile', profile, 'accept-handshake', '--handshake-id', id])).Handshake.State).toBe('ACCEPTED');
    }
    expect((await box.json(['describe-handshake', '--handshake-id', parent.Id])).Handshake.State).toBe('OPEN');
    expect((await box.json(['accept-handshake', '--handshake-id', parent.Id])).Handshake.State).toBe('ACCEPTED');
    expect((await box.json(['describe-organization'])).Organization.FeatureSet).toBe('ALL');
    const again = await box.run(['enable-all-features']);
    expect(again.stderr).toContain('Reason: ORGANIZATION_ALREADY_HAS_ALL_FEATURES');
    box.cleanup();
  });
});

describe('the clock', () => {
  it('advance, set and reset move world time; ORGSIM_NOW still wins', async () => {
    const box = new Sandbox();
    const id = await box.invite('Id=222222222222,Type=ACCOUNT');
    const state = async () => (await box.run(['describe-handshake', '--handshake-id', id, '--query', 'Handshake.State', '--output', 'text'])).stdout;
    expect(await state()).toBe('OPEN\n');
    expect((await box.run(['clock', 'advance', '16d'])).stdout).toMatch(/^World time: \S+ \(16d ahead of real time\)\n$/);
    expect(await state()).toBe('EXPIRED\n');
    const pinned = await box.run(['describe-handshake', '--handshake-id', id, '--query', 'Handshake.State', '--output', 'text'], { ORGSIM_NOW: '2020-01-01T00:00:00Z' });
    expect(pinned.stdout).toBe('EXPIRED\n'); // expiry was already recorded; pinning the clock does not undo it
    await box.run(['clock', 'advance', '30d']);
    expect((await box.run(['describe-handshake', '--handshake-id', id])).stderr).toContain('HandshakeNotFoundException');
    expect((await box.run(['clock', 'set', '2030-01-01T00:00:00Z', '--output', 'json'])).stdout).toMatch(/"WorldTime": "2030-01-01T00:00:0/);
    expect((await box.run(['clock', 'reset'])).stdout).toMatch(/in step with real time/);
    expect((await box.run(['clock', 'advance', 'soon'])).exitCode).toBe(252);
    box.cleanup();
  });
});

describe('explain', () => {
  const env = { ORGSIM_NOW: '2026-11-21T12:00:00Z', ORGSIM_SEED: 'explain-goldens', NO_COLOR: '1' };
  const golden = (name: string) => readFileSync(new URL(`../golden/explain/${name}.txt`, import.meta.url), 'utf8');

  it.each([
    ['OPEN', 'juan', []],
    ['ACCEPTED', 'juan', [['--profile', 'juan', 'accept-handshake']]],
    ['DECLINED', 'bill', [['--profile', 'juan', 'decline-handshake']]],
    ['CANCELED', 'anika', [['--profile', 'bill', 'cancel-handshake']]],
    ['EXPIRED', 'bill', []],
  ] as [string, string, string[][]][])('a %s handshake, as %s', async (state, profile, steps) => {
    const box = new Sandbox();
    await box.run(['init'], env);
    const id = await box.invite('Id=222222222222,Type=ACCOUNT', env);
    for (const step of steps) await box.run([...step, '--handshake-id', id], { ...env, ORGSIM_NOW: '2026-11-22T09:30:00Z' });
    // ORGSIM_NOW pins the clock; the EXPIRED case looks 16 days on.
    const at = state === 'EXPIRED' ? { ORGSIM_NOW: '2026-12-07T12:00:00Z' } : { ORGSIM_NOW: '2026-11-23T12:00:00Z' };
    const out = await box.run(['--profile', profile, 'explain', id], { ...env, ...at });
    expect(out.exitCode).toBe(0);
    if (process.env.ORGSIM_WRITE_GOLDENS) writeFileSync(new URL(`../golden/explain/${state}.txt`, import.meta.url), out.stdout);
    expect(out.stdout).toBe(golden(state));
    box.cleanup();
  });

  it('counts the time left in world time, as orgsim clock moves it', async () => {
    const box = new Sandbox();
    await box.run(['init']);
    const id = await box.invite('Id=222222222222,Type=ACCOUNT');
    await box.run(['clock', 'advance', '10d']);
    const out = await box.run(['explain', id]);
    expect(out.stdout).toMatch(/\nTime: expires \S+, in (4d 23h 59m|5d)\n/);
    box.cleanup();
  });

  it('explains a handshake retention deleted from the event log; an id it never saw is a plain error', async () => {
    const box = new Sandbox();
    await box.run(['init']);
    const id = await box.invite('Id=222222222222,Type=ACCOUNT');
    await box.run(['--profile', 'juan', 'organizations', 'accept-handshake', '--handshake-id', id]);
    await box.run(['clock', 'advance', '31d']);
    expect((await box.run(['organizations', 'describe-handshake', '--handshake-id', id])).exitCode).toBe(254);
    const out = await box.run(['--profile', 'juan', 'explain', id]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain(`Handshake ${id} — INVITE, now ACCEPTED\n`);
    expect(out.stdout).toMatch(/juan \(222222222222\): AcceptHandshake → ACCEPTED\n/);
    expect(out.stdout).toContain("(this picture is the event log's)");
    expect(out.stdout).toContain('✗ accept: it was deleted 30 days after it ended');
    const unknown = await box.run(['explain', 'h-12345678']);
    expect(unknown).toEqual({ exitCode: 255, stdout: '', stderr: '\norgsim: [ERROR]: There is no handshake h-12345678 in this world, and its event log does not name one.\n' });
    box.cleanup();
  });

  it('--output json gives the explanation itself: the handshake, its machine, the steps', async () => {
    const box = new Sandbox();
    await box.run(['init']);
    const id = await box.invite('Id=222222222222,Type=ACCOUNT');
    const x = await box.json(['--profile', 'juan', 'explain', id, '--output', 'json']);
    expect(x.handshake.Id).toBe(id);
    expect(x.machine.edges.map((e: { to: string }) => e.to)).toEqual(['ACCEPTED', 'DECLINED', 'CANCELED', 'EXPIRED']);
    expect(x.steps.map((s: { response: string; allowed: boolean }) => [s.response, s.allowed])).toEqual([['accept', true], ['decline', true], ['cancel', false]]);
    expect((await box.run(['explain', id, '--query', 'steps[?allowed].response', '--output', 'text'])).stdout).toBe('cancel\n');
    box.cleanup();
  });

  it('events --account names the invitations sent to the account, not only what it did', async () => {
    const box = new Sandbox();
    await box.run(['init']);
    const id = await box.invite('Id=333333333333,Type=ACCOUNT');
    const events = (await box.json(['events', '--account', '333333333333', '--output', 'json'])).Events;
    expect(events.map((e: { eventName: string }) => e.eventName)).toEqual(['InviteAccountToOrganization']);
    expect(events[0].responseElements.handshake.id).toBe(id);
    box.cleanup();
  });

  it('events notes the handshakes no call of their own ended: an expiry, and the invitations a migration cancels', async () => {
    const box = new Sandbox();
    await box.run(['init']);
    const lapsing = await box.invite('Id=222222222222,Type=ACCOUNT');
    await box.run(['clock', 'advance', '16d']);
    // A read shows the expiry without storing it; the next change stores it with its note.
    const seen = (await box.json(['events', '--output', 'json'])).Events.map((e: { eventName: string }) => e.eventName);
    expect(seen).toEqual(['InviteAccountToOrganization', 'HandshakeExpired']);
    const pending = await box.invite('Id=333333333333,Type=ACCOUNT');
    const events = (await box.json(['events', '--output', 'json'])).Events;
    expect(events.map((e: { eventName: string }) => e.eventName)).toEqual(['InviteAccountToOrganization', 'HandshakeExpired', 'InviteAccountToOrganization']);
    expect(events[1]).toMatchObject({ eventSource: 'orgsim', eventType: 'AwsServiceEvent', serviceEventDetails: { handshakeId: lapsing, state: 'EXPIRED', reason: 'no answer in time' } });
    // The sample organization has all features: a consolidated-billing world shows the migration's cancellations.
    const cb = new Sandbox();
    await cb.run(['init', '--scenario', 'consolidated-billing']);
    await cb.run(['quota', 'set', '--accounts', '20']);
    const invited = (await cb.json(['organizations', 'invite-account-to-organization', '--target', 'Id=777777777777,Type=ACCOUNT'])).Handshake.Id;
    await cb.run(['organizations', 'enable-all-features']);
    const canceled = (await cb.json(['events', '--output', 'json'])).Events.find((e: { eventName: string }) => e.eventName === 'HandshakeCanceled');
    expect(canceled.serviceEventDetails).toMatchObject({ handshakeId: invited, state: 'CANCELED', reason: 'EnableAllFeatures started the migration to all features' });
    expect((await cb.run(['explain', invited])).stdout).toContain('AWS: EnableAllFeatures started the migration to all features → CANCELED');
    expect(pending).toMatch(/^h-/);
    box.cleanup();
    cb.cleanup();
  });

  it('at 80 columns, no line of events, explain or status is wider', async () => {
    const box = new Sandbox();
    const narrow = { COLUMNS: '80' };
    const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
    await box.run(['init', '--scenario', 'consolidated-billing']);
    await box.run(['quota', 'set', '--accounts', '20']);
    const invite = (await box.json(['organizations', 'invite-account-to-organization', '--target', 'Id=777777777777,Type=ACCOUNT', '--notes', 'A note long enough to matter'])).Handshake.Id;
    const parent = (await box.json(['organizations', 'enable-all-features'])).Handshake.Id;
    const child = (await box.json(['--profile', 'juan', 'organizations', 'list-handshakes-for-account'])).Handshakes[0].Id;
    await box.run(['clock', 'advance', '100d']);
    for (const [profile, id] of [['bill', invite], ['bill', parent], ['juan', child]]) {
      const out = await box.run(['--profile', profile!, 'explain', id!], narrow);
      expect(out.exitCode).toBe(0);
      expect(widest(out.stdout)).toBeLessThanOrEqual(80);
    }
    const events = await box.run(['events'], narrow);
    expect(events.stdout).toContain('HandshakeExpired');
    const status = await box.run(['status'], narrow);
    expect(status.stdout).toContain('All features: ');
    expect(widest(status.stdout)).toBeLessThanOrEqual(80);
    expect(widest(events.stdout)).toBeLessThanOrEqual(80);
    // Wide as they come without a width (a file, a pipe): scripts see whole lines.
    expect(widest((await box.run(['events'])).stdout)).toBeGreaterThan(80);
    const transfer = new Sandbox();
    await transfer.run(['init', '--scenario', 'billing-transfer']);
    await transfer.run(['clock', 'set', '2026-12-02T00:00:00Z']);
    const offer = (await transfer.json(['organizations', 'invite-organization-to-transfer-responsibility', '--type', 'BILLING', '--target', 'Type=EMAIL,Id=source@example.com', '--start-timestamp', '2027-02-01', '--source-name', 'Source'])).Handshake;
    for (const id of [offer.Id, offer.Resources[0].Value]) expect(widest((await transfer.run(['--profile', 'source', 'explain', id], narrow)).stdout)).toBeLessThanOrEqual(80);
    box.cleanup();
    transfer.cleanup();
  });

  it('--format mermaid draws the same machine with the current state marked', async () => {
    const box = new Sandbox();
    const id = await box.invite('Id=222222222222,Type=ACCOUNT', env);
    const out = await box.run(['explain', id, '--format', 'mermaid'], env);
    expect(out.stdout).toContain('stateDiagram-v2\n    [*] --> OPEN: sent\n');
    expect(out.stdout).toContain('    class OPEN current\n');
    box.cleanup();
  });
});

describe('scenarios and sharing', () => {
  it.each(['docs-example', 'consolidated-billing', 'rollout-50', 'two-orgs', 'billing-transfer'])('%s: the default profile is the management account of the first organization', async (scenario) => {
    const box = new Sandbox();
    expect((await box.run(['init', '--scenario', scenario])).exitCode).toBe(0);
    const org = await box.json(['describe-organization']);
    expect(org.Organization.MasterAccountId).toBe('111111111111');
    const profiles = (await box.json(['profiles', '--output', 'json'])).Profiles;
    expect(profiles[0]).toMatchObject({ Name: 'default', Role: 'MANAGEMENT_ACCOUNT' });
    box.cleanup();
  });

  it('export → import gives back the same world; a broken file is refused and nothing changes', async () => {
    const box = new Sandbox();
    await box.run(['init', '--scenario', 'docs-example']);
    const exported = (await box.run(['world', 'export'])).stdout;
    const file = join(box.dir, 'world.json');
    writeFileSync(file, exported);
    await box.run(['init', '--force']);
    expect((await box.run(['world', 'import', 'world.json'])).exitCode).toBe(0);
    expect((await box.run(['world', 'export'])).stdout).toBe(exported);
    const broken = JSON.parse(exported);
    broken.Profiles[0].AccountId = '999999999999';
    writeFileSync(join(box.dir, 'broken.json'), JSON.stringify(broken));
    const refused = await box.run(['world', 'import', 'broken.json']);
    expect(refused.exitCode).toBe(253);
    expect(refused.stderr).toContain('profile default: account 999999999999 is not in Accounts');
    writeFileSync(join(box.dir, 'typed.json'), JSON.stringify({ ...JSON.parse(exported), ClockOffsetMs: 'soon' }));
    expect((await box.run(['world', 'import', 'typed.json'])).stderr).toContain('ClockOffsetMs');
    expect((await box.run(['world', 'export'])).stdout).toBe(exported);
    box.cleanup();
  });

  it('ORGSIM_SEED makes two rehearsals produce the same ids', async () => {
    const run = async () => {
      const box = new Sandbox();
      const env = { ORGSIM_SEED: 'rehearsal-1', ORGSIM_NOW: '2026-11-21T12:00:00Z' };
      await box.run(['init', '--scenario', 'docs-example'], env);
      const ids = await box.json(['list-handshakes-for-organization', '--query', 'Handshakes[].Id'], env);
      box.cleanup();
      return ids;
    };
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
    expect(a).toHaveLength(3);
  });

  it('the demo tells both acts', async () => {
    const box = new Sandbox();
    const out = await box.run(['demo']);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('Act two: enabling all features, with the clock.');
    expect(out.stdout.trimEnd().endsWith('describe-organization --query Organization.FeatureSet --output text\nALL')).toBe(true);
    box.cleanup();
  });

  it('demo --step waits for Enter before each step, and runs on when the input ends; --keep keeps its world', async () => {
    const box = new Sandbox();
    // Two Enters, then the end of the input: two pauses that wait, and the rest runs on.
    const out = await box.run(['demo', '--step', '--keep'], {}, '\n\n');
    expect(out.exitCode).toBe(0);
    expect(out.stdout.split('(Enter for the next step)')).toHaveLength(4);
    const kept = /The world is kept: ORGSIM_HOME=(\S+) orgsim explain\n$/.exec(out.stdout)?.[1];
    expect(kept).toBeDefined();
    const world = await box.run(['--profile', 'bill', 'organizations', 'describe-organization', '--query', 'Organization.FeatureSet', '--output', 'text'], { ORGSIM_HOME: kept! });
    expect(world.stdout).toBe('ALL\n');
    rmSync(kept!, { recursive: true, force: true });
    box.cleanup();
  });
});
