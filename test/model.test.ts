// The model is generated from the service's definition: the committed files are what the
// generator writes, and what orgsim serves is in it.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { allOperationNames, kebabCase, operationByCliName, operationByName, operationsOf, SERVICE, STS, unservedOperation, unservedStsOperation } from '../src/model/operations.js';
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
    expect(operationsOf(SERVICE).map((o) => o.name).sort()).toEqual(Object.keys(SERVED).sort());
    for (const op of operationsOf(SERVICE)) {
      expect(shapeOf(op.input).type).toBe('structure');
      expect(shapeOf(op.output).type).toBe('structure');
    }
    expect(unservedOperation('describe-effective-policy')).toBe('DescribeEffectivePolicy');
    expect(unservedOperation('accept-handshake')).toBeUndefined();
    expect(operationsOf(STS).map((o) => o.name).sort()).toEqual(Object.keys(SERVED_STS).sort());
    expect(unservedOperation('get-session-token', 'sts')).toBe('GetSessionToken');
    expect(unservedOperation('assume-role', 'sts')).toBeUndefined();
  });

  it('finds each served operation by its CLI name and by its API name, as one object', () => {
    for (const service of [SERVICE, STS] as const) {
      for (const op of operationsOf(service)) {
        expect(op.cliName).toBe(kebabCase(op.name));
        expect(operationByCliName(op.cliName, service)).toBe(op);
        expect(operationByName(op.name)).toBe(op);
        // Only the CLI's own spelling names it: not without the dashes, not in capitals, not in the other service.
        expect(operationByCliName(op.cliName.replaceAll('-', ''), service)).toBeUndefined();
        expect(operationByCliName(op.cliName.toUpperCase(), service)).toBeUndefined();
        expect(operationByCliName(op.cliName, service === STS ? SERVICE : STS)).toBeUndefined();
      }
    }
    expect(operationByCliName('describe-effective-policy')).toBeUndefined();
    expect(operationByName('DescribeEffectivePolicy')).toBeUndefined();
    expect(unservedStsOperation('GetSessionToken')).toBe(true);
    expect(unservedStsOperation('AssumeRole')).toBe(false);
    expect(unservedStsOperation('AcceptHandshake')).toBe(false);
  });

  it('parses a shape from its text when first looked up, and gives the same one after', () => {
    const handshake = shapeOf('Handshake');
    expect(handshake.type).toBe('structure');
    expect(shapeOf('Handshake')).toBe(handshake);
    expect(shapeOf('sts.AssumeRoleRequest').type).toBe('structure');
    expect(() => shapeOf('NoSuchShape')).toThrow('unknown shape NoSuchShape');
    // A name the tables have only by inheritance is no shape.
    expect(() => shapeOf('constructor')).toThrow('unknown shape constructor');
  });
});

