// The state file's schema version, the migrations from older versions, and a structural check.
import { accessKeyIdFor } from '../model/ids.js';
import type { OrgState } from '../model/types.js';
import { StoreError } from './store-error.js';

export const CURRENT_SCHEMA_VERSION = 3;

/** migrations[n] turns a version-n world into a version-(n+1) world. */
const migrations: Record<number, (world: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 gives every profile an access key id, for `orgsim serve`.
  1: (world) => {
    const taken = new Set<string>();
    const profiles = Array.isArray(world.Profiles) ? (world.Profiles as Record<string, unknown>[]) : [];
    for (const profile of profiles) {
      const id = accessKeyIdFor(String(profile.Name ?? ''), taken);
      taken.add(id);
      profile.AccessKeyId = id;
    }
    return world;
  },
  // Version 3 adds the event log, the world clock's offset and the id sequence.
  2: (world) => ({ ...world, Events: [], ClockOffsetMs: 0, IdSequence: 0 }),
};

const LISTS = ['Organizations', 'Accounts', 'Handshakes', 'Profiles', 'Events'] as const;

/** Checks and migrates a parsed state file; `file` names it in error messages. */
export function loadWorld(parsed: unknown, file: string): { state: OrgState; migrated: boolean } {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new StoreError(`The state file ${file} does not hold an orgsim world (expected a JSON object).`);
  }
  let world = parsed as Record<string, unknown>;
  let version = world.SchemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StoreError(`The state file ${file} does not hold an orgsim world (no valid SchemaVersion).`);
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new StoreError(
      `The state file ${file} was written by a newer orgsim (schema ${version}; this orgsim reads up to ${CURRENT_SCHEMA_VERSION}).`,
    );
  }
  const migrated = version < CURRENT_SCHEMA_VERSION;
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) throw new StoreError(`The state file ${file} has schema ${version}, which this orgsim cannot migrate.`);
    world = step(world);
    version += 1;
    world.SchemaVersion = version;
  }
  for (const key of LISTS) {
    if (!Array.isArray(world[key])) throw new StoreError(`The state file ${file} is damaged: "${key}" is missing or not a list.`);
  }
  return { state: world as unknown as OrgState, migrated };
}
