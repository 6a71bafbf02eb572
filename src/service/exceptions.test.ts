// Each handler throws only the exceptions its operation's definition lists (the model's errors):
// every served operation, called by every kind of caller with inputs drawn from its input shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationsOf, SERVICE } from '../model/operations.js';
import { shapeOf } from '../model/shapes.js';
import { invoke } from './operations.js';
import { ANIKA, BILL, JUAN, SUSAN, TestWorld } from './testing/world.js';

const ACCOUNTS = [BILL, JUAN, ANIKA, SUSAN, '999999999999'];

/** Values of a shape: the model's enums, ids the world knows, and junk. */
function valueOf(shapeName: string, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  const shape = shapeOf(shapeName);
  switch (shape.type) {
    case 'structure': {
      if (depth > 3) return fc.constant({});
      const members = Object.fromEntries(Object.entries(shape.members).map(([m, ref]) => [m, valueOf(ref.shape, ids, depth + 1)]));
      return fc.record(members, { requiredKeys: [] });
    }
    case 'list':
      return fc.array(valueOf(shape.member, ids, depth + 1), { maxLength: 3 });
    case 'string':
      return fc.oneof(fc.constantFrom(...(shape.enum ?? ['x']), ...ids, ...ACCOUNTS, 'juan@example.com', 'h-00000000', ''), fc.string({ maxLength: 40 }));
    case 'integer':
      return fc.integer({ min: -3, max: 40 });
    case 'boolean':
      return fc.boolean();
    default:
      return fc.constant(undefined);
  }
}

describe('the exceptions a handler throws', () => {
  it.each(operationsOf(SERVICE).map((op) => [op.name, op] as const))('%s: only those its definition lists', (_name, op) => {
    const seed = new TestWorld();
    const ids = [seed.invite({ Id: JUAN, Type: 'ACCOUNT' }), seed.invite({ Id: 'susan@example.com', Type: 'EMAIL' })];
    seed.call('AcceptHandshake', JUAN, { HandshakeId: ids[0] });
    const pristine = structuredClone(seed.state);
    fc.assert(
      fc.property(fc.constantFrom(...ACCOUNTS), valueOf(op.input, ids), (caller, input) => {
        const world = new TestWorld();
        world.state = structuredClone(pristine);
        const outcome = invoke(world.state, op.name, input as Record<string, unknown>, world.ctx(caller));
        if ('error' in outcome) expect(op.errors, `${op.name} by ${caller} with ${JSON.stringify(input)}`).toContain(outcome.error.code);
      }),
      { numRuns: 150, seed: 20261201 },
    );
  });
});
