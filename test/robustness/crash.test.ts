// SIGKILL at random moments across 500 mutations: after every kill the world parses, passes
// validation and equals the world before or after the killed command. Temp files do not pile up.
import { execa } from 'execa';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idsFromEnv } from '../../src/app/clock-and-ids.js';
import type { OrgState } from '../../src/model/types.js';
import { invoke } from '../../src/service/operations.js';
import { worldSchema } from '../../src/store/world-schema.js';
import { BIN, Sandbox } from '../e2e/helpers.js';
import { T0, worldWithAccounts, writeWorld } from './world-builder.js';

const RUNS = Number(process.env.ORGSIM_CRASH_RUNS ?? 500);
const ENV = { ORGSIM_NOW: new Date(T0 * 1000).toISOString(), ORGSIM_SEED: 'crash-harness', ORGSIM_LOCK_TIMEOUT_MS: '10000' };

let box: Sandbox;
beforeAll(() => {
  box = new Sandbox();
  writeWorld(box.home, worldWithAccounts(0));
});
afterAll(() => box.cleanup());

// The world as any JSON tool reads the file, less the store's note of where its event log lies.
const read = (): unknown => {
  const { StoreLayout: _layout, ...world } = JSON.parse(readFileSync(join(box.home, 'state.json'), 'utf8'));
  return world;
};
const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(sortedKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortedKeys(v)])) : value;
const canonical = (value: unknown) => JSON.stringify(sortedKeys(value));

/** What the command does to `before`, computed in-process with the same clock and id seed. */
function expectedAfter(before: OrgState, operation: string, input: Record<string, unknown>): OrgState {
  const state = structuredClone(before);
  const clock = { now: () => T0 * 1000 };
  const outcome = invoke(state, operation, input, { caller: '111111111111', clock, ids: idsFromEnv(ENV) });
  if ('error' in outcome) throw outcome.error;
  return JSON.parse(JSON.stringify(state)) as OrgState;
}

describe(`${RUNS} mutations, each SIGKILLed at a random moment`, () => {
  it('leave the world as it was before or after, never in between', async () => {
    let typicalRun = 80;
    let kills = 0;
    let completed = 0;
    let before = 0;
    let after = 0;
    const open: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const state = read() as OrgState;
      worldSchema.parse(state);
      const cancel = i % 4 === 3 && open.length > 0;
      const [operation, input, args] = cancel
        ? (() => {
            const id = open.shift()!;
            return ['CancelHandshake', { HandshakeId: id }, ['cancel-handshake', '--handshake-id', id]] as const;
          })()
        : (['InviteAccountToOrganization', { Target: { Id: `user${i}@example.com`, Type: 'EMAIL' } }, ['invite-account-to-organization', '--target', `Id=user${i}@example.com,Type=EMAIL`]] as const);
      const expected = expectedAfter(state, operation, input as Record<string, unknown>);
      const started = Date.now();
      const child = execa(BIN, [...args], { env: box.env(ENV), extendEnv: false, reject: false });
      // Anywhere in a run's lifetime: start-up, lock, read, write, rename.
      const delay = Math.random() * typicalRun * 1.1;
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const result = await child;
      clearTimeout(timer);
      if (result.signal === 'SIGKILL') kills++;
      else {
        completed++;
        typicalRun = 0.8 * typicalRun + 0.2 * (Date.now() - started);
      }
      const now = read();
      expect(() => worldSchema.parse(now)).not.toThrow();
      const isBefore = canonical(now) === canonical(state);
      const isAfter = canonical(now) === canonical(expected);
      expect(isBefore || isAfter).toBe(true);
      if (result.signal !== 'SIGKILL') expect([result.exitCode, isAfter]).toEqual([0, true]);
      if (isAfter) {
        after++;
        if (operation === 'InviteAccountToOrganization') open.push(expected.Handshakes.at(-1)!.Handshake.Id);
      } else {
        before++;
        if (cancel) open.unshift((input as { HandshakeId: string }).HandshakeId);
      }
    }
    // One more command tidies what the last kill may have left (a stale lock, a temp file).
    expect((await box.run(['invite-account-to-organization', '--target', 'Id=final@example.com,Type=EMAIL'], ENV)).exitCode).toBe(0);
    const leftovers = readdirSync(box.home).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'));
    console.log(`figures: ${RUNS} mutations, ${kills} killed (${before} left the world as before, ${after} as after), ${completed} ran to the end, 0 torn, ${leftovers.length} temp files left`);
    expect(leftovers).toEqual([]);
    expect(kills).toBeGreaterThan(RUNS / 3);
  }, 900_000);
});
