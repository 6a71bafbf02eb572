// The state file's schema version, the migrations from older versions, and a structural check.
import { accessKeyIdFor } from '../model/ids.js';
import type { OrgState } from '../model/types.js';
import { ConfigurationError } from '../errors/classes.js';

import { SCHEMA_VERSION as CURRENT_SCHEMA_VERSION } from '../model/limits.js';

export { CURRENT_SCHEMA_VERSION };

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
    throw new ConfigurationError(`The state file ${file} does not hold an orgsim world (expected a JSON object).`);
  }
  let world = parsed as Record<string, unknown>;
  let version = world.SchemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ConfigurationError(`The state file ${file} does not hold an orgsim world (no valid SchemaVersion).`);
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new ConfigurationError(
      `The state file ${file} was written by a newer orgsim (schema ${version}; this orgsim reads up to ${CURRENT_SCHEMA_VERSION}).`,
    );
  }
  const migrated = version < CURRENT_SCHEMA_VERSION;
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) throw new ConfigurationError(`The state file ${file} has schema ${version}, which this orgsim cannot migrate.`);
    world = step(world);
    version += 1;
    world.SchemaVersion = version;
  }
  for (const key of LISTS) {
    if (!Array.isArray(world[key])) throw new ConfigurationError(`The state file ${file} is damaged: "${key}" is missing or not a list.`);
  }
  const problem = firstProblem(world);
  if (problem) throw new ConfigurationError(`The state file ${file} is damaged: ${problem}.`);
  return { state: world as unknown as OrgState, migrated };
}

type Check = [string, 'string' | 'number' | 'object' | 'array', boolean?];

// The members every command relies on, checked on each read. Cheap enough for every start-up;
// `orgsim doctor` and `world import` check the whole shape.
const ENTRY_CHECKS: Record<string, Check[]> = {
  Organizations: [['Id', 'string'], ['Arn', 'string'], ['FeatureSet', 'string'], ['MasterAccountId', 'string'], ['RootId', 'string'], ['CreatedTimestamp', 'number'], ['Quotas', 'object']],
  Accounts: [['Id', 'string'], ['Name', 'string'], ['Email', 'string'], ['State', 'string'], ['CreatedTimestamp', 'number'], ['Tags', 'array'], ['OrganizationId', 'string', true], ['JoinedTimestamp', 'number', true]],
  Handshakes: [['Handshake', 'object'], ['OrganizationId', 'string'], ['Tags', 'array'], ['EndedTimestamp', 'number', true]],
  Profiles: [['Name', 'string'], ['AccountId', 'string'], ['AccessKeyId', 'string']],
  Events: [['eventName', 'string'], ['eventTime', 'string']],
};
const HANDSHAKE_CHECKS: Check[] = [['Id', 'string'], ['Arn', 'string'], ['Parties', 'array'], ['State', 'string'], ['RequestedTimestamp', 'number'], ['ExpirationTimestamp', 'number'], ['Action', 'string'], ['Resources', 'array']];

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

function checkFields(entry: unknown, checks: Check[], where: string): string | undefined {
  if (kindOf(entry) !== 'object') return `${where} is not an object`;
  const record = entry as Record<string, unknown>;
  for (const [name, kind, optional] of checks) {
    const value = Object.hasOwn(record, name) ? record[name] : undefined;
    if (value === undefined && optional) continue;
    if (kindOf(value) !== kind || (kind === 'number' && !Number.isFinite(value))) return `${where}.${name} should be ${kind === 'array' ? 'a list' : `a ${kind}`}`;
  }
  return undefined;
}

function firstProblem(world: Record<string, unknown>): string | undefined {
  for (const key of ['ClockOffsetMs', 'IdSequence']) {
    if (!Number.isFinite(world[key])) return `"${key}" should be a number`;
  }
  for (const [list, checks] of Object.entries(ENTRY_CHECKS)) {
    const entries = world[list] as unknown[];
    for (let i = 0; i < entries.length; i++) {
      const problem = checkFields(entries[i], checks, `${list}[${i}]`);
      if (problem) return problem;
      if (list === 'Handshakes') {
        const handshake = (entries[i] as Record<string, unknown>).Handshake;
        const inner = checkFields(handshake, HANDSHAKE_CHECKS, `${list}[${i}].Handshake`);
        if (inner) return inner;
        const parties = (handshake as { Parties: unknown[] }).Parties;
        for (let j = 0; j < parties.length; j++) {
          const p = checkFields(parties[j], [['Id', 'string'], ['Type', 'string']], `${list}[${i}].Handshake.Parties[${j}]`);
          if (p) return p;
        }
        const resources = (handshake as { Resources: unknown[] }).Resources;
        for (let j = 0; j < resources.length; j++) {
          const r = checkFields(resources[j], [['Value', 'string'], ['Type', 'string']], `${list}[${i}].Handshake.Resources[${j}]`);
          if (r) return r;
        }
      }
    }
  }
  return undefined;
}
