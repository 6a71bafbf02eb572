import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = new Sandbox();
});
afterEach(() => box.cleanup());

describe('limits: each a clear error, nothing written', () => {
  it('51 tags', async () => {
    const tags = Array.from({ length: 51 }, (_, i) => `Key=k${i},Value=v`);
    const out = await box.run(['invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT', '--tags', ...tags]);
    expect(out.exitCode).toBe(254);
    expect(out.stderr).toContain('(ConstraintViolationException)');
    expect(out.stderr).toContain('Reason: MAX_TAG_LIMIT_EXCEEDED');
  });

  it('a 10 MB --cli-input-json', async () => {
    writeFileSync(join(box.dir, 'big.json'), JSON.stringify({ Target: { Id: '222222222222', Type: 'ACCOUNT' }, Notes: 'x'.repeat(10 * 1024 * 1024) }));
    const out = await box.run(['invite-account-to-organization', '--cli-input-json', 'file://big.json']);
    expect(out.exitCode).toBe(252);
    expect(out.stderr).toMatch(/Error parsing parameter '--cli-input-json': the document is 1048\d{4} bytes; a request can carry at most 1048576 bytes\n$/);
  });

  it('a file:// path that does not exist, or is a directory', async () => {
    mkdirSync(join(box.dir, 'adir'));
    const missing = await box.run(['invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT', '--notes', 'file://nope.txt']);
    expect(missing.stderr).toContain("Unable to load paramfile file://nope.txt: [Errno 2] No such file or directory: 'nope.txt'");
    const directory = await box.run(['accept-handshake', '--cli-input-yaml', 'file://adir']);
    expect(directory.exitCode).toBe(252);
    expect(directory.stderr).toContain("Unable to load paramfile file://adir: [Errno 21] Is a directory: 'adir'");
  });
});

describe('files and ORGSIM_HOME', () => {
  it('state and backup are 0600 in a 0700 directory; the backup is the world before the last change', async () => {
    await box.invite('Id=222222222222,Type=ACCOUNT');
    const before = readFileSync(join(box.home, 'state.json'), 'utf8');
    await box.invite('Id=333333333333,Type=ACCOUNT');
    expect(statSync(box.home).mode & 0o777).toBe(0o700);
    expect(statSync(join(box.home, 'state.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(box.home, 'state.json.bak')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(box.home, 'state.json.bak'), 'utf8')).toBe(before);
    // The backup it replaced went aside and was deleted before the command ended.
    await box.invite('Id=444444444444,Type=ACCOUNT');
    expect(readdirSync(box.home).filter((name) => name.startsWith('state.json.'))).toEqual(['state.json.bak']);
  });

  it('a missing ORGSIM_HOME is created; one that cannot be created or is a file is exit 253', async () => {
    expect((await box.run(['list-accounts'], { ORGSIM_HOME: join(box.dir, 'a', 'b') })).exitCode).toBe(0);
    const impossible = await box.run(['list-accounts'], { ORGSIM_HOME: '/proc/orgsim-cannot-be-here' });
    expect(impossible.exitCode).toBe(253);
    expect(impossible.stderr).toContain("Cannot use /proc/orgsim-cannot-be-here as orgsim's home");
    writeFileSync(join(box.dir, 'file'), '');
    const file = await box.run(['list-accounts'], { ORGSIM_HOME: join(box.dir, 'file') });
    expect(file.exitCode).toBe(253);
    expect(file.stderr).toContain('not a directory');
  });

  it('an unreadable state file is exit 253 (when permissions apply)', async () => {
    await box.run(['init']);
    const file = join(box.home, 'state.json');
    chmodSync(file, 0o000);
    const out = await box.run(['list-accounts']);
    chmodSync(file, 0o600);
    // root reads it anyway; anyone else gets a clear error
    if (process.getuid?.() === 0) expect(out.exitCode).toBe(0);
    else expect([out.exitCode, out.stderr.includes('Cannot read the state file')]).toEqual([253, true]);
  });
});

describe('damaged worlds and orgsim doctor', () => {
  const cases: [string, (text: string) => string, RegExp][] = [
    ['truncated', (t) => t.slice(0, t.length / 2), /is not valid JSON/],
    ['foreign', () => JSON.stringify({ hello: 'world' }), /does not hold an orgsim world/],
    ['newer', (t) => t.replace(/"SchemaVersion": ?3/, '"SchemaVersion":9'), /written by a newer orgsim \(schema 9/],
    ['missing list', (t) => t.replace('"Handshakes"', '"Handshakez"'), /"Handshakes" is missing/],
  ];
  it.each(cases)('%s: exit 253 naming the file, the file untouched; doctor explains; --repair restores the backup', async (_name, damage, message) => {
    await box.invite('Id=222222222222,Type=ACCOUNT');
    await box.invite('Id=333333333333,Type=ACCOUNT');
    const file = join(box.home, 'state.json');
    const good = readFileSync(join(box.home, 'state.json.bak'), 'utf8');
    const broken = damage(readFileSync(file, 'utf8'));
    writeFileSync(file, broken);
    const out = await box.run(['list-handshakes-for-organization']);
    expect(out.exitCode).toBe(253);
    expect(out.stderr).toContain(file);
    expect(out.stderr).toMatch(message);
    expect(readFileSync(file, 'utf8')).toBe(broken);
    const doctor = await box.run(['doctor']);
    expect(doctor.exitCode).toBe(253);
    expect(doctor.stdout).toContain(`${file} is damaged:`);
    expect(doctor.stdout).toContain('orgsim doctor --repair restores it');
    const repair = await box.run(['doctor', '--repair']);
    expect(repair.exitCode).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(good);
    const aside = readdirSync(box.home).find((f) => f.startsWith('state.json.broken-'))!;
    expect(readFileSync(join(box.home, aside), 'utf8')).toBe(broken);
    expect((await box.json(['list-handshakes-for-organization'])).Handshakes).toHaveLength(1);
    expect((await box.run(['doctor'])).stdout).toContain('is a healthy world');
  });

  it('a world of an older schema is migrated on read and written back as the current one', async () => {
    mkdirSync(box.home, { recursive: true });
    writeFileSync(join(box.home, 'state.json'), readFileSync(new URL('../fixtures/world-v1.json', import.meta.url)));
    expect((await box.json(['profiles', '--output', 'json'])).Profiles[1].AccessKeyId).toBe('AKIAORGSIMBILL000000');
    await box.invite('Id=222222222222,Type=ACCOUNT');
    expect(JSON.parse(readFileSync(join(box.home, 'state.json'), 'utf8')).SchemaVersion).toBe(3);
    expect(existsSync(join(box.home, 'state.json.bak'))).toBe(true);
  });
});
