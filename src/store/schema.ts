// The state file's schema version, the migrations from older versions, and a structural check.
import { accessKeyIdFor } from '../model/ids.js';
import type { OrgState } from '../model/types.js';
import { WORLD_SHAPE, type Field } from '../model/world-shape.js';
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
  const problem = firstProblem(world);
  if (problem) throw new ConfigurationError(`The state file ${file} is damaged: ${problem}.`);
  return { state: world as unknown as OrgState, migrated };
}

// Every read checks the kinds of every member the world's shape names (model/world-shape.ts):
// cheap enough for each start-up. `orgsim doctor` and `world import` check the whole shape.

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

const kindName = (field: Field) => (field.kind === 'integer' ? 'number' : field.kind);
const expected = (kind: string) => (kind === 'array' ? 'a list' : `a ${kind}`);

/** A number the state file can hold and give back: finite, within the field's bounds, an integer exactly. */
function inRange(value: number, field: Extract<Field, { kind: 'number' | 'integer' }>): boolean {
  if (field.kind === 'integer' ? !Number.isSafeInteger(value) : !Number.isFinite(value)) return false;
  return (field.min === undefined || value >= field.min) && (field.max === undefined || value <= field.max);
}

function fieldProblem(value: unknown, field: Field, where: string): string | undefined {
  if (value === undefined && field.optional) return undefined;
  const kind = kindName(field);
  if (kindOf(value) !== kind || (kind === 'number' && !Number.isFinite(value))) return `${where} should be ${expected(kind)}`;
  if ((field.kind === 'number' || field.kind === 'integer') && !inRange(value as number, field)) {
    const bounds = [field.min !== undefined && `at least ${field.min}`, field.max !== undefined && `at most ${field.max}`].filter(Boolean).join(' and ');
    return `${where} should be ${field.kind === 'integer' ? 'a whole number' : 'a number'}${bounds ? ` ${bounds}` : ''}`;
  }
  if (field.kind === 'object') return objectProblem(value, field.fields, where);
  if (field.kind === 'array') {
    const item = field.of();
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) {
      const at = `${where}[${i}]`;
      if (item.kind === 'object' && kindOf(items[i]) !== 'object') return `${at} is not an object`;
      const problem = fieldProblem(items[i], item, at);
      if (problem) return problem;
    }
  }
  return undefined;
}

function objectProblem(value: unknown, fields: Record<string, Field>, where: string): string | undefined {
  const record = value as Record<string, unknown>;
  for (const [name, field] of Object.entries(fields)) {
    const problem = fieldProblem(Object.hasOwn(record, name) ? record[name] : undefined, field, `${where}.${name}`);
    if (problem) return problem;
  }
  return undefined;
}

/** A problem of the world's own members (its lists are lists, its numbers numbers), not of its items. */
export function topLevelProblem(world: Record<string, unknown>): string | undefined {
  const top = Object.entries(WORLD_SHAPE);
  for (const [key, field] of top) if (field.kind === 'array' && !Array.isArray(world[key]) && !(field.optional && world[key] === undefined)) return `"${key}" is missing or not a list`;
  for (const [key, field] of top) if ((field.kind === 'number' || field.kind === 'integer') && !Number.isFinite(world[key]) && !(field.optional && world[key] === undefined)) return `"${key}" should be a number`;
  for (const [key, field] of top) {
    if (field.kind === 'array') continue;
    const problem = fieldProblem(world[key], field, key);
    if (problem) return problem;
  }
  return undefined;
}

/** Whether `value` has the kinds `field` names: the check of every item read, so it allocates nothing. */
function fits(value: unknown, field: Field): boolean {
  if (value === undefined) return field.optional === true;
  switch (field.kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
    case 'integer':
      return typeof value === 'number' && inRange(value, field);
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      for (const name in field.fields) if (!fits(Object.hasOwn(record, name) ? record[name] : undefined, field.fields[name]!)) return false;
      return true;
    }
    case 'array': {
      if (!Array.isArray(value)) return false;
      const item = field.of();
      for (const entry of value) if (!fits(entry, item)) return false;
      return true;
    }
  }
}

/** A problem of item `index` of list `key`, checked when the item is read. */
export function itemProblem(key: string, item: unknown, index: number): string | undefined {
  const field = WORLD_SHAPE[key];
  if (field?.kind !== 'array') return undefined;
  const shape = field.of();
  if (fits(item, shape)) return undefined;
  const at = `${key}[${index}]`;
  if (shape.kind === 'object' && kindOf(item) !== 'object') return `${at} is not an object`;
  return fieldProblem(item, shape, at);
}

/** The first problem of a migrated world: its lists, then its numbers, then each entry in order. */
function firstProblem(world: Record<string, unknown>): string | undefined {
  const top = topLevelProblem(world);
  if (top) return top;
  for (const [key, field] of Object.entries(WORLD_SHAPE)) {
    if (field.kind !== 'array') continue;
    const items = (world[key] ?? []) as unknown[];
    for (let i = 0; i < items.length; i++) {
      const problem = itemProblem(key, items[i], i);
      if (problem) return problem;
    }
  }
  return undefined;
}
