// The world's shape describes every member the service writes, no more and no less.
import { describe, expect, it } from 'vitest';
import { buildScenario, SCENARIOS, type ScenarioName } from '../service/scenarios.js';
import { invoke } from '../service/operations.js';
import { WORLD_SHAPE, type Field } from './world-shape.js';
import { countingIds } from '../service/testing/ids.js';

const ctx = { caller: '111111111111', clock: { now: () => Date.parse('2026-11-21T12:00:00Z'), pinned: true }, ids: countingIds };

/** Members present in `value` that the shape does not name, and required members it lacks. */
function mismatches(value: unknown, field: Field, where: string, out: string[]): void {
  if (value === undefined) {
    if (!field.optional) out.push(`${where} is missing`);
    return;
  }
  if (field.kind === 'object') {
    const record = value as Record<string, unknown>;
    if (!field.open) for (const key of Object.keys(record)) if (!(key in field.fields)) out.push(`${where}.${key} is not in the shape`);
    for (const [key, f] of Object.entries(field.fields)) mismatches(record[key], f, `${where}.${key}`, out);
  }
  if (field.kind === 'array') (value as unknown[]).forEach((item, i) => mismatches(item, field.of(), `${where}[${i}]`, out));
}

describe('the world shape', () => {
  it.each(Object.keys(SCENARIOS))('matches the %s world, with invitations, answers and events in it', (name) => {
    const world = buildScenario(name as ScenarioName, ctx);
    const manager = world.Organizations[0]!.MasterAccountId;
    const outsider = world.Accounts.find((a) => !a.OrganizationId);
    if (outsider) invoke(world, 'InviteAccountToOrganization', { Target: { Id: outsider.Id, Type: 'ACCOUNT' }, Tags: [{ Key: 'k', Value: 'v' }] }, { ...ctx, caller: manager });
    const out: string[] = [];
    mismatches(world, { kind: 'object', fields: WORLD_SHAPE }, 'world', out);
    expect(out).toEqual([]);
  });
});
