// The model is generated from the service's definition: the committed files are what the
// generator writes, and what orgsim serves is in it.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { allOperationNames, OPERATIONS, STS_OPERATIONS, unservedOperation } from '../src/model/operations.js';
import { SERVED, SERVED_STS } from '../src/model/served.js';
import { shapeOf } from '../src/model/shapes.js';

describe('the generated model', () => {
  it('is what scripts/generate-model.mjs writes from scripts/botocore/', async () => {
    const result = await execa(process.execPath, ['scripts/generate-model.mjs', '--check'], { cwd: new URL('..', import.meta.url).pathname, reject: false });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('holds every operation of the service; orgsim serves those of its table', () => {
    expect(allOperationNames().length).toBeGreaterThan(60);
    expect(OPERATIONS.map((o) => o.name).sort()).toEqual(Object.keys(SERVED).sort());
    for (const op of OPERATIONS) {
      expect(shapeOf(op.input).type).toBe('structure');
      expect(shapeOf(op.output).type).toBe('structure');
    }
    expect(unservedOperation('describe-effective-policy')).toBe('DescribeEffectivePolicy');
    expect(unservedOperation('accept-handshake')).toBeUndefined();
    expect(STS_OPERATIONS.map((o) => o.name).sort()).toEqual(Object.keys(SERVED_STS).sort());
    expect(unservedOperation('get-session-token', 'sts')).toBe('GetSessionToken');
    expect(unservedOperation('assume-role', 'sts')).toBeUndefined();
  });
});
