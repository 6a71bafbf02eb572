import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = new Sandbox();
});
afterEach(() => box.cleanup());

describe('one world, many processes', () => {
  it('8 parallel invitations give 8 handshakes, none lost', async () => {
    await box.run(['init']);
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) => box.run(['invite-account-to-organization', '--target', `Id=user${i}@example.com,Type=EMAIL`])),
    );
    expect(runs.map((r) => r.exitCode)).toEqual(Array(8).fill(0));
    const ids = runs.map((r) => JSON.parse(r.stdout).Handshake.Id as string);
    const listed = await box.json(['list-handshakes-for-organization']);
    expect(listed.Handshakes.map((h: { Id: string }) => h.Id).sort()).toEqual([...ids].sort());
    expect(readdirSync(box.home).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
  });

  it('8 parallel first runs on an empty home agree on one world', async () => {
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) => box.run(['invite-account-to-organization', '--target', `Id=user${i}@example.com,Type=EMAIL`])),
    );
    expect(runs.map((r) => r.exitCode)).toEqual(Array(8).fill(0));
    expect((await box.json(['list-handshakes-for-organization'])).Handshakes).toHaveLength(8);
  });

  it('a lock held by a live process: ConcurrentModificationException after the timeout, exit 254', async () => {
    await box.run(['init']);
    writeFileSync(join(box.home, 'state.json.lock'), `${process.pid}\n${(await import('node:os')).hostname()}\n0\n`);
    const result = await box.run(['invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT'], { ORGSIM_LOCK_TIMEOUT_MS: '300' });
    expect(result).toEqual({
      stdout: '',
      stderr:
        "\norgsim: [ERROR]: An error occurred (ConcurrentModificationException) when calling the InviteAccountToOrganization operation: AWS Organizations can't complete your request because it conflicts with another attempt to modify the same entity. Try again later.\n",
      exitCode: 254,
    });
  });

  it('a lock left by a dead process is taken over', async () => {
    await box.run(['init']);
    writeFileSync(join(box.home, 'state.json.lock'), `999999999\n${(await import('node:os')).hostname()}\n0\n`);
    const result = await box.run(['invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT'], { ORGSIM_LOCK_TIMEOUT_MS: '300' });
    expect(result.exitCode).toBe(0);
  });

  it('a damaged state file is exit 253 with a message naming it, and is left untouched', async () => {
    await box.run(['init']);
    const file = join(box.home, 'state.json');
    writeFileSync(file, '{"SchemaVersion": 1, "Organiz');
    const result = await box.run(['list-accounts']);
    expect(result.exitCode).toBe(253);
    expect(result.stderr).toContain(`The state file ${file} is not valid JSON`);
    expect((await import('node:fs')).readFileSync(file, 'utf8')).toBe('{"SchemaVersion": 1, "Organiz');
    writeFileSync(file, JSON.stringify({ SchemaVersion: 99 }));
    const newer = await box.run(['list-accounts']);
    expect(newer.exitCode).toBe(253);
    expect(newer.stderr).toContain('written by a newer orgsim');
  });

  it('ORGSIM_HOME that is a file is exit 253', async () => {
    const file = join(box.dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const result = await box.run(['list-accounts'], { ORGSIM_HOME: file });
    expect(result.exitCode).toBe(253);
    expect(result.stderr).toContain('not a directory');
  });
});
