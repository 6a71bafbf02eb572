// A large world is read through the index orgsim keeps beside it (store/world-index.ts): every
// command prints, exits and leaves the world exactly as it does when there is no index, and a
// state file changed by other hands is read as it now is.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Sandbox, type Run } from './helpers.js';

const withIndex = new Sandbox();
const without = new Sandbox();
afterAll(() => {
  withIndex.cleanup();
  without.cleanup();
});

// The same ids and clock in both (ORGSIM_REPLAY), so that their outputs can be compared byte for byte.
const ENV = { ORGSIM_REPLAY: '7' };
const index = (box: Sandbox) => join(box.home, 'state.index');
const state = (box: Sandbox) => join(box.home, 'state.json');

/** Runs `args` in both sandboxes, the second with no index; both must answer alike. */
async function both(args: string[]): Promise<Run> {
  rmSync(index(without), { force: true });
  const [a, b] = await Promise.all([withIndex.run(args, ENV), without.run(args, ENV)]);
  const seen = (run: Run, box: Sandbox) => ({ args, exitCode: run.exitCode, stdout: run.stdout.replaceAll(box.home, '<home>'), stderr: run.stderr.replaceAll(box.home, '<home>') });
  expect(seen(a, withIndex)).toEqual(seen(b, without));
  return a;
}

const org = (...args: string[]) => ['--profile', 'bill', 'organizations', ...args];

describe('a world read through its index', () => {
  it('answers every command as the same world without one, and ends the same', { timeout: 120_000 }, async () => {
    // 1,500 accounts to invite: a world large enough that its lists are read a line at a time.
    await both(['init', '--scenario', 'rollout', '--accounts', '1500', '--members', '3']);
    expect(statSync(state(withIndex)).size).toBeGreaterThan(256 * 1024);
    const ids: string[] = [];
    for (let i = 1; i <= 8; i++) {
      const account = (await withIndex.json(['--profile', `acct${String(i).padStart(4, '0')}`, 'sts', 'get-caller-identity'], ENV)).Account as string;
      const invited = await both(org('invite-account-to-organization', '--target', `Id=${account},Type=ACCOUNT`));
      expect(invited.exitCode).toBe(0);
      ids.push(JSON.parse(invited.stdout).Handshake.Id);
    }
    expect((await both(org('invite-account-to-organization', '--target', 'Id=Someone@Example.com,Type=EMAIL'))).exitCode).toBe(0);
    // The same address in other letters is the same invitation (found in the stored bytes).
    const duplicate = await both(org('invite-account-to-organization', '--target', 'Id=someone@example.COM,Type=EMAIL'));
    expect(duplicate.stderr).toContain('DuplicateHandshakeException');
    const firstPage = await both(org('list-handshakes-for-organization', '--max-items', '4'));
    const token = JSON.parse(firstPage.stdout).NextToken as string;
    expect(JSON.parse((await both(org('list-handshakes-for-organization', '--max-items', '4', '--starting-token', token))).stdout).Handshakes).toHaveLength(4);
    await both(org('describe-handshake', '--handshake-id', ids[4]!));
    expect((await both(org('describe-handshake', '--handshake-id', 'h-0123456789abcdef0123456789abcdef'))).exitCode).toBe(254);
    expect((await both(['--profile', 'acct0003', 'organizations', 'accept-handshake', '--handshake-id', ids[2]!])).exitCode).toBe(0);
    expect((await both(['--profile', 'acct0004', 'organizations', 'decline-handshake', '--handshake-id', ids[3]!])).exitCode).toBe(0);
    expect((await both(org('cancel-handshake', '--handshake-id', ids[5]!))).exitCode).toBe(0);
    await both(['--profile', 'acct0005', 'organizations', 'list-handshakes-for-account']);
    await both(['--profile', 'acct0003', 'organizations', 'describe-organization']);
    await both(org('list-accounts', '--max-items', '3', '--output', 'text'));
    await both(org('list-handshakes-for-organization', '--query', 'Handshakes[].[Id,State]', '--output', 'text'));
    await both(['clock', 'advance', '16d']);
    await both(org('list-handshakes-for-organization', '--query', 'Handshakes[].State'));
    await both(['events', '--output', 'json']);
    await both(['status']);
    expect(readFileSync(state(withIndex), 'latin1')).toBe(readFileSync(state(without), 'latin1'));
    // The index there describes the file as it is now.
    expect(existsSync(index(withIndex))).toBe(true);
    const stat = statSync(state(withIndex), { bigint: true });
    const bytes = readFileSync(index(withIndex));
    const head = JSON.parse(bytes.subarray(Number(bytes.subarray(bytes.length - 16).toString('latin1')), bytes.length - 17).toString('latin1'));
    expect(head.file).toBe([stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join(':'));
  });

  it('reads a state file edited by hand as it now is, in place or longer', { timeout: 60_000 }, async () => {
    const name = async () => JSON.parse((await withIndex.run(org('describe-account', '--account-id', '111111111111', '--query', 'Account.Name'), ENV)).stdout) as string;
    const before = await name();
    // Past the file system's clock tick of orgsim's last write, as an edit by hand is.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const text = readFileSync(state(withIndex), 'latin1');
    const renamed = before.replace(/^./, (c) => (c === 'X' ? 'Y' : 'X'));
    writeFileSync(state(withIndex), text.replace(`"Name":"${before}"`, `"Name":"${renamed}"`));
    expect(statSync(state(withIndex)).size).toBe(text.length);
    expect(await name()).toBe(renamed);
    await new Promise((resolve) => setTimeout(resolve, 30));
    writeFileSync(state(withIndex), readFileSync(state(withIndex), 'latin1').replace(`"Name":"${renamed}"`, `"Name":"${renamed} and more"`));
    expect(await name()).toBe(`${renamed} and more`);
    const pending = await withIndex.json(org('list-handshakes-for-organization', '--query', 'Handshakes[].State'), ENV);
    expect(pending.length).toBeGreaterThan(0);
  });
});
