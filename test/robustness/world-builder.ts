// Worlds for the robustness tests, written straight into a sandbox's ORGSIM_HOME.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrgState } from '../../src/model/types.js';
import { sampleWorld, withAccessKeys } from '../../src/service/sample-world.js';

export const T0 = Date.parse('2026-11-21T12:00:00Z') / 1000;

/** The sample world with `n` extra standalone accounts (profiles a0 … a<n-1>) and high quotas. */
export function worldWithAccounts(n: number): OrgState {
  const world = sampleWorld(T0);
  world.Organizations[0]!.Quotas = { Accounts: 10_000, InvitationsPerDay: 10_000 };
  const extra = Array.from({ length: n }, (_, i) => ({ id: String(500000000000 + i), name: `a${i}` }));
  for (const { id, name } of extra) world.Accounts.push({ Id: id, Name: name, Email: `${name}@example.com`, State: 'ACTIVE', CreatedTimestamp: T0, Tags: [] });
  world.Profiles = withAccessKeys([...world.Profiles.map(({ Name, AccountId }) => ({ Name, AccountId })), ...extra.map(({ id, name }) => ({ Name: name, AccountId: id }))]);
  return world;
}

export function writeWorld(home: string, world: OrgState): void {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  writeFileSync(join(home, 'state.json'), JSON.stringify(world, null, 2) + '\n', { mode: 0o600 });
}
