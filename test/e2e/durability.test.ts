// A command that reports success has made its change durable; a command that fails has changed
// nothing. Each case is an edge an adversarial user found: short writes, repairs, numbers too
// large, locks, FIFOs and devices, closed pipes, the server behind a held lock, junk in requests,
// imports, looks at the future, file modes.
import { execa } from 'execa';
import { chmodSync, existsSync, readFileSync, readlinkSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, Sandbox } from './helpers.js';
import { post, startServer } from './server-helpers.js';

const NOW = '2026-11-21T12:00:00Z';
const at = { ORGSIM_NOW: NOW };
let box: Sandbox;
const state = () => join(box.home, 'state.json');
const lock = () => join(box.home, 'state.json.lock');
const read = () => readFileSync(state(), 'utf8');
const sh = (script: string, extra: Record<string, string> = {}) =>
  execa('bash', ['-c', script], { env: { ...box.env(at), ...extra, ORGSIM: BIN }, extendEnv: false, reject: false, cwd: box.dir, timeout: 20_000, stripFinalNewline: false });

/** A lock as a live orgsim process would hold it: this test process's own identity. */
function liveLock(overrides: { pidNamespace?: string; started?: string; pid?: number } = {}): string {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  const ns = readlinkSync('/proc/self/ns/pid');
  return `orgsim-lock 2\n${overrides.pid ?? process.pid}\n${hostname()}\n${boot}\n${overrides.pidNamespace ?? ns}\n${overrides.started ?? started}\n`;
}

beforeEach(async () => {
  box = new Sandbox();
  expect((await box.run(['init'], at)).exitCode).toBe(0);
});
afterEach(() => box.cleanup());

describe('a short write', () => {
  it('under a file size limit fails the command (253) and leaves the world as it was', async () => {
    await box.invite('Id=222222222222,Type=ACCOUNT', at);
    const before = read();
    expect(before.length).toBeGreaterThan(2048);
    const cut = await sh('ulimit -f 2; exec "$ORGSIM" --profile bill organizations invite-account-to-organization --target Id=333333333333,Type=ACCOUNT');
    expect(cut.exitCode).toBe(253);
    expect(cut.stdout).toBe('');
    expect(cut.stderr).toMatch(/Cannot write the state file .*state\.json/);
    expect(read()).toBe(before);
    const after = await box.run(['--profile', 'bill', 'organizations', 'list-handshakes-for-organization', '--query', 'length(Handshakes)'], at);
    expect(after.stdout).toBe('1\n');
  });
});

describe('doctor --repair and a missing world', () => {
  it('a deleted state.json beside its backup is never replaced by a new world; --repair restores the backup', async () => {
    await box.invite('Id=222222222222,Type=ACCOUNT', at); // the backup now holds the world before it
    const backup = readFileSync(`${state()}.bak`, 'utf8');
    unlinkSync(state());
    const refused = await box.run(['--profile', 'bill', 'organizations', 'describe-organization'], at);
    expect(refused.exitCode).toBe(253);
    expect(refused.stderr).toContain('is missing, but its backup');
    expect(existsSync(state())).toBe(false);
    const doctor = await box.run(['doctor'], at);
    expect(doctor.stdout).toContain('is missing, but its backup is there');
    expect(doctor.exitCode).toBe(253);
    const repaired = await box.run(['doctor', '--repair'], at);
    expect(repaired.exitCode).toBe(0);
    expect(read()).toBe(backup);
  });

  it('--repair waits for the lock like any writer, and changes nothing when it cannot get it', async () => {
    await box.invite('Id=222222222222,Type=ACCOUNT', at); // a backup to restore
    writeFileSync(state(), '{"broken": ');
    writeFileSync(lock(), liveLock());
    const repair = await box.run(['doctor', '--repair'], { ...at, ORGSIM_LOCK_TIMEOUT_MS: '300' });
    expect(repair.exitCode).not.toBe(0);
    expect(repair.stderr).toContain('ConcurrentModificationException');
    expect(read()).toBe('{"broken": ');
    unlinkSync(lock());
    expect((await box.run(['doctor', '--repair'], at)).exitCode).toBe(0);
    expect((await box.run(['doctor'], at)).stdout).toContain('is a healthy world');
  });
});

describe('numbers too large to store', () => {
  it.each([
    ['clock', 'advance', '999999999999d'],
    ['clock', 'advance', `${'9'.repeat(400)}d`],
    ['quota', 'set', '--accounts', '99999999999999999999'],
  ])('%s %s %s is refused and changes nothing; the world stays healthy and exportable', async (...args) => {
    const before = read();
    const result = await box.run(['--profile', 'bill', ...args], at);
    expect(result.exitCode).toBe(252);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(read()).toBe(before);
    expect((await box.run(['doctor'], at)).stdout).toContain('is a healthy world');
    await box.invite('Id=222222222222,Type=ACCOUNT', at);
    const exported = await box.run(['world', 'export'], at);
    writeFileSync(join(box.dir, 'export.json'), exported.stdout);
    expect((await box.run(['world', 'import', 'export.json'], at)).exitCode).toBe(0);
  });

  it('the store refuses to write a world it could not read back', async () => {
    const result = await box.run(['clock', 'set', '+275760-09-13T00:00:00Z'], at);
    expect(result.exitCode).not.toBe(0);
    expect((await box.run(['doctor'], at)).stdout).toContain('is a healthy world');
  });
});

describe('the lock', () => {
  const invite = (extra: Record<string, string> = {}) =>
    box.run(['--profile', 'bill', 'organizations', 'invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT'], { ...at, ORGSIM_LOCK_TIMEOUT_MS: '400', ...extra });

  it('naming a pid that now belongs to another process (another start time) is taken over', async () => {
    writeFileSync(lock(), liveLock({ pid: 1, started: '1' }));
    expect((await invite()).exitCode).toBe(0);
  });

  it("of a live owner in another pid namespace is not taken over while it could still be working", async () => {
    // Its pid means nothing here: in this namespace no such process exists.
    writeFileSync(lock(), liveLock({ pidNamespace: 'pid:[1]', pid: 4_000_000 }));
    const result = await invite();
    expect(result.stderr).toContain('ConcurrentModificationException');
    expect((await box.run(['doctor'], at)).stdout).toContain('cannot be checked from here');
  });

  it('from another host is taken over once older than any transaction lasts', async () => {
    writeFileSync(lock(), 'orgsim-lock 2\n4242\nanother-host\nx\ny\nz\n');
    expect((await invite()).stderr).toContain('ConcurrentModificationException');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock(), old, old);
    expect((await invite()).exitCode).toBe(0);
  });

  it('of this process, alive, is never taken over however old', async () => {
    writeFileSync(lock(), liveLock());
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(lock(), old, old);
    expect((await invite()).stderr).toContain('ConcurrentModificationException');
    expect((await box.run(['doctor'], at)).stdout).toContain('which is running');
  });

  it('an empty lock file (a writer stalled before writing its name) is not taken over after 2 s', async () => {
    writeFileSync(lock(), '');
    const old = new Date(Date.now() - 3_000);
    utimesSync(lock(), old, old);
    expect((await invite()).stderr).toContain('ConcurrentModificationException');
  });
});

describe('FIFOs and devices', () => {
  it('a FIFO as state.json fails at once (253); as config.json or the lock nothing waits on it', async () => {
    unlinkSync(state());
    const fifo = await sh('mkfifo "$ORGSIM_HOME/state.json" && exec "$ORGSIM" --profile bill organizations describe-organization');
    expect(fifo.timedOut).toBe(false);
    expect(fifo.exitCode).toBe(253);
    expect(fifo.stderr).toContain('is not a regular file');
    const doctor = await sh('exec "$ORGSIM" doctor');
    expect(doctor.timedOut).toBe(false);
    expect(doctor.stdout).toContain('is not a regular file');
    const completion = await sh('exec "$ORGSIM" __complete explain ""');
    expect(completion.timedOut).toBe(false);
    unlinkSync(state());
    await box.run(['init'], at);
    const config = await sh('mkfifo "$ORGSIM_HOME/config.json" && exec "$ORGSIM" --profile bill organizations describe-organization --query Organization.Id');
    expect(config.timedOut).toBe(false);
    expect(config.stdout).toBe('"o-exampleorgid"\n');
    const held = await sh('mkfifo "$ORGSIM_HOME/state.json.lock" && exec "$ORGSIM" --profile bill organizations invite-account-to-organization --target Id=222222222222,Type=ACCOUNT --query Handshake.State', {
      ORGSIM_LOCK_TIMEOUT_MS: '500',
    });
    // Not a lock orgsim wrote: taken over like a stale one, never waited on.
    expect(held.timedOut).toBe(false);
    expect(held.stdout).toBe('"OPEN"\n');
  });

  it('a FIFO nobody writes to as a file:// parameter does not hang; /dev/zero is refused, not read until memory runs out', async () => {
    const fifo = await sh('mkfifo notes && exec "$ORGSIM" --profile bill organizations invite-account-to-organization --target Id=222222222222,Type=ACCOUNT --notes file://notes');
    expect(fifo.timedOut).toBe(false);
    const zero = await box.run(['--profile', 'bill', 'organizations', 'invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT', '--notes', 'file:///dev/zero'], at);
    expect(zero.exitCode).toBe(252);
    expect(zero.stderr).toContain('Unable to load paramfile file:///dev/zero: [Errno 27] File too large');
    const imported = await box.run(['world', 'import', '/dev/zero'], at);
    expect(imported.exitCode).toBe(253);
    expect(imported.stderr).toContain('larger than');
  });
});

describe('output nobody takes', () => {
  it('a closed pipe or a full device ends quietly, as the AWS CLI does', async () => {
    for (let i = 0; i < 3; i++) await box.invite(`Id=a${i}@example.com,Type=EMAIL`, at);
    for (let i = 0; i < 6; i++) await box.run(['clock', 'advance', '1h'], at);
    const pipe = await sh('set -o pipefail; for i in 1 2 3 4 5 6 7 8; do "$ORGSIM" events --output json; done | head -c 10 >/dev/null; "$ORGSIM" events --output json | head -1 >/dev/null; echo "exit ${PIPESTATUS[0]}"');
    expect(pipe.stderr).toBe('');
    expect(pipe.stdout).toBe('exit 0\n');
    const full = await sh('"$ORGSIM" --profile bill organizations describe-organization > /dev/full; echo "exit $?"');
    expect(full.stderr).toBe('');
    expect(full.stdout).toBe('exit 0\n');
  });
});

describe('orgsim serve', () => {
  it('answers reads while a write waits for a lock another process holds', async () => {
    const server = await startServer(box, { ...at, ORGSIM_LOCK_TIMEOUT_MS: '3000' });
    try {
      writeFileSync(lock(), liveLock());
      const started = Date.now();
      const write = post(server.url, 'InviteAccountToOrganization', JSON.stringify({ Target: { Id: '222222222222', Type: 'ACCOUNT' } })).then((r) => ({ ...r, ms: Date.now() - started }));
      const readReply = await post(server.url, 'DescribeOrganization', '{}');
      const readMs = Date.now() - started;
      expect(readReply.status).toBe(200);
      const written = await write;
      expect(readMs).toBeLessThan(written.ms);
      expect(written.body.__type).toBe('ConcurrentModificationException');
    } finally {
      await server.stop();
    }
  });

  it('stores nothing a request carries beyond its shape', async () => {
    const server = await startServer(box, at);
    try {
      const junk = 'j'.repeat(200_000);
      const reply = await post(server.url, 'InviteAccountToOrganization', JSON.stringify({ Target: { Id: '222222222222', Type: 'ACCOUNT', Extra: junk }, Junk: junk, Notes: 'hello' }));
      expect(reply.status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(read()).not.toContain('jjjj');
    const events = await box.json(['events', '--output', 'json'], at);
    expect(JSON.stringify(events)).toContain('"notes":"hello"');
  });
});

describe('world import', () => {
  async function exported(): Promise<any> {
    await box.invite('Id=222222222222,Type=ACCOUNT', at);
    return JSON.parse((await box.run(['world', 'export'], at)).stdout);
  }
  const importing = async (world: unknown) => {
    writeFileSync(join(box.dir, 'w.json'), JSON.stringify(world));
    const before = read();
    const result = await box.run(['world', 'import', 'w.json'], at);
    expect(read()).toBe(before);
    return result;
  };

  it('refuses duplicate handshake ids, duplicate account ids and timestamps past year 9999', async () => {
    const world = await exported();
    const twice = { ...world, Handshakes: [world.Handshakes[0], world.Handshakes[0]] };
    expect((await importing(twice)).stderr).toContain(`handshake ${world.Handshakes[0].Handshake.Id} appears twice`);
    const accounts = { ...world, Accounts: [...world.Accounts, world.Accounts[1]] };
    expect((await importing(accounts)).stderr).toContain(`account ${world.Accounts[1].Id} appears twice`);
    const far = structuredClone(world);
    far.Handshakes[0].Handshake.ExpirationTimestamp = 1e308;
    const result = await importing(far);
    expect(result.exitCode).toBe(253);
    expect(result.stderr).toContain('ExpirationTimestamp');
  });
});

describe('a look at the future', () => {
  it('with a future ORGSIM_NOW shows expiry and deletion but stores neither', async () => {
    const id = await box.invite('Id=222222222222,Type=ACCOUNT', at);
    const before = read();
    const future = await box.run(['--profile', 'bill', 'organizations', 'list-handshakes-for-organization', '--query', 'Handshakes[].Id'], { ORGSIM_NOW: '2027-03-01T00:00:00Z' });
    expect(future.stdout).toBe('[]\n');
    const expired = await box.run(['--profile', 'bill', 'organizations', 'describe-handshake', '--handshake-id', id, '--query', 'Handshake.State'], { ORGSIM_NOW: '2026-12-10T00:00:00Z' });
    expect(expired.stdout).toBe('"EXPIRED"\n');
    expect(read()).toBe(before);
    const present = await box.run(['--profile', 'bill', 'organizations', 'describe-handshake', '--handshake-id', id, '--query', 'Handshake.State'], at);
    expect(present.stdout).toBe('"OPEN"\n');
  });
});

describe('file modes', () => {
  it('a world left readable by others becomes private at the next write, backup included; doctor names a loose home', async () => {
    chmodSync(state(), 0o644);
    chmodSync(box.home, 0o755);
    await box.invite('Id=222222222222,Type=ACCOUNT', at);
    expect(statSync(state()).mode & 0o777).toBe(0o600);
    expect(statSync(`${state()}.bak`).mode & 0o777).toBe(0o600);
    expect((await box.run(['doctor'], at)).stdout).toContain('can be read by other users (mode 755)');
  });
});
