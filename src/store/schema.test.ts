import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, loadWorld } from './schema.js';

describe('schema migrations', () => {
  it('a version-1 world (no access key ids) is migrated on read', () => {
    const v1 = JSON.parse(readFileSync(new URL('../../test/fixtures/world-v1.json', import.meta.url), 'utf8'));
    const { state, migrated } = loadWorld(v1, 'world-v1.json');
    expect(migrated).toBe(true);
    expect(state.SchemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(state.Profiles.map((p) => p.AccessKeyId)).toEqual(['AKIAORGSIMDEFAULT000', 'AKIAORGSIMBILL000000', 'AKIAORGSIMJUAN000000', 'AKIAORGSIMBILL100000']);
    expect([state.Events, state.ClockOffsetMs, state.IdSequence]).toEqual([[], 0, 0]);
  });

  it('refuses newer, foreign and damaged worlds with a message naming the file', () => {
    expect(() => loadWorld({ SchemaVersion: 99 }, 'x.json')).toThrow('x.json was written by a newer orgsim');
    expect(() => loadWorld([], 'x.json')).toThrow('does not hold an orgsim world');
    expect(() => loadWorld({ SchemaVersion: 3, Organizations: [] }, 'x.json')).toThrow('"Accounts" is missing');
  });
});
