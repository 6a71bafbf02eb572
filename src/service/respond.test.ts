import { describe, expect, it } from 'vitest';
import { sweep } from './lifecycle.js';
import { countingIds } from './testing/ids.js';
import { ANIKA, BILL, JUAN, TestWorld } from './testing/world.js';

type Op = 'AcceptHandshake' | 'DeclineHandshake' | 'CancelHandshake';
type Role = 'recipient' | 'sender' | 'non-party';
type Setup = 'OPEN' | 'ACCEPTED' | 'DECLINED' | 'CANCELED' | 'EXPIRED' | 'deleted';

const CALLERS: Record<Role, string> = { recipient: JUAN, sender: BILL, 'non-party': ANIKA };

/** A world with one invitation from bill to juan, brought into `setup`. */
function worldWith(setup: Setup): { world: TestWorld; id: string } {
  const world = new TestWorld();
  const id = world.invite({ Id: JUAN, Type: 'ACCOUNT' });
  if (setup === 'ACCEPTED') world.call('AcceptHandshake', JUAN, { HandshakeId: id });
  if (setup === 'DECLINED') world.call('DeclineHandshake', JUAN, { HandshakeId: id });
  if (setup === 'CANCELED' || setup === 'deleted') world.call('CancelHandshake', BILL, { HandshakeId: id });
  if (setup === 'EXPIRED') world.advanceDays(15);
  if (setup === 'deleted') world.advanceDays(30);
  return { world, id };
}

// The transition table with the service's choices.
const TABLE: Record<Setup, Record<Op, Record<Role, string>>> = {
  OPEN: {
    AcceptHandshake: { recipient: 'ACCEPTED', sender: 'AccessDeniedException', 'non-party': 'AccessDeniedException' },
    DeclineHandshake: { recipient: 'DECLINED', sender: 'AccessDeniedException', 'non-party': 'AccessDeniedException' },
    CancelHandshake: { recipient: 'AccessDeniedException', sender: 'CANCELED', 'non-party': 'AccessDeniedException' },
  },
  ACCEPTED: {
    AcceptHandshake: { recipient: 'HandshakeAlreadyInStateException', sender: 'AccessDeniedException', 'non-party': 'AccessDeniedException' },
    DeclineHandshake: { recipient: 'InvalidHandshakeTransitionException', sender: 'AccessDeniedException', 'non-party': 'AccessDeniedException' },
    CancelHandshake: { recipient: 'AccessDeniedException', sender: 'InvalidHandshakeTransitionException', 'non-party': 'AccessDeniedException' },
  },
  DECLINED: {
    AcceptHandshake: { recipient: 'InvalidHandshakeTransitionException', sender: 'AccessDeniedException', 'non-party': 'AccessDeniedException' },
    DeclineHandshake: { recipient: 'HandshakeAlreadyInStateException', sender: 'AccessDeniedException', 'non-party': 'AccessDeniedException' },
    CancelHandshake: { recipient: 'AccessDeniedException', sender: 'InvalidHandshakeTransitionException', 'non-party': 'AccessDeniedException' },
  },
  CANCELED: {
    AcceptHandshake: { recipient: 'InvalidHandshakeTransitionException', sender: 'AccessDeniedException', 'non-party': 'AccessDeniedException' },
    DeclineHandshake: { recipient: 'InvalidHandshakeTransitionException', sender: 'AccessDeniedException', 'non-party': 'AccessDeniedException' },
    CancelHandshake: { recipient: 'AccessDeniedException', sender: 'HandshakeAlreadyInStateException', 'non-party': 'AccessDeniedException' },
  },
  EXPIRED: {
    AcceptHandshake: { recipient: 'InvalidHandshakeTransitionException', sender: 'AccessDeniedException', 'non-party': 'AccessDeniedException' },
    DeclineHandshake: { recipient: 'InvalidHandshakeTransitionException', sender: 'AccessDeniedException', 'non-party': 'AccessDeniedException' },
    CancelHandshake: { recipient: 'AccessDeniedException', sender: 'InvalidHandshakeTransitionException', 'non-party': 'AccessDeniedException' },
  },
  deleted: {
    AcceptHandshake: { recipient: 'HandshakeNotFoundException', sender: 'HandshakeNotFoundException', 'non-party': 'HandshakeNotFoundException' },
    DeclineHandshake: { recipient: 'HandshakeNotFoundException', sender: 'HandshakeNotFoundException', 'non-party': 'HandshakeNotFoundException' },
    CancelHandshake: { recipient: 'HandshakeNotFoundException', sender: 'HandshakeNotFoundException', 'non-party': 'HandshakeNotFoundException' },
  },
};

const cells = Object.entries(TABLE).flatMap(([setup, ops]) =>
  Object.entries(ops).flatMap(([op, roles]) => Object.entries(roles).map(([role, expected]) => ({ setup, op, role, expected }))),
);

describe('accept, decline and cancel: every cell of the transition table', () => {
  it.each(cells)('$op by the $role of a $setup handshake → $expected', ({ setup, op, role, expected }) => {
    const { world, id } = worldWith(setup as Setup);
    sweep(world.state, world.now / 1000, countingIds); // expiry is not what a failed call may change
    const before = JSON.stringify(world.state);
    const outcome = world.outcome(op, CALLERS[role as Role], { HandshakeId: id });
    if (expected.endsWith('Exception')) {
      expect(outcome).toBe(expected);
      expect(JSON.stringify(world.state)).toBe(before);
    } else {
      expect(outcome).toBe('ok');
      const state = world.call('DescribeHandshake', role === 'sender' ? BILL : JUAN, { HandshakeId: id }).Handshake.State;
      expect(state).toBe(expected);
    }
  });
});

describe('handshake id checks come first', () => {
  it.each([
    [{}, 'InvalidInputException:INPUT_REQUIRED:HANDSHAKE_ID'],
    [{ HandshakeId: '' }, 'InvalidInputException:INVALID_PATTERN:HANDSHAKE_ID'],
    [{ HandshakeId: 'h-BADID12345' }, 'InvalidInputException:INVALID_PATTERN:HANDSHAKE_ID'],
    [{ HandshakeId: 'h-' + 'a'.repeat(33) }, 'InvalidInputException:INVALID_PATTERN:HANDSHAKE_ID'],
    [{ HandshakeId: 'h-00000000' }, 'HandshakeNotFoundException'],
  ])('%j → %s', (input, expected) => {
    const world = new TestWorld();
    for (const op of ['AcceptHandshake', 'DeclineHandshake', 'CancelHandshake', 'DescribeHandshake']) {
      expect(world.outcome(op, JUAN, input)).toBe(expected);
    }
  });
});

describe('expiry and retention', () => {
  it('an open invitation expires exactly 15 days after it was sent', () => {
    const world = new TestWorld();
    const id = world.invite({ Id: JUAN, Type: 'ACCOUNT' });
    const describe = () => world.call('DescribeHandshake', BILL, { HandshakeId: id }).Handshake;
    world.now += 15 * 86_400_000 - 1;
    expect(describe().State).toBe('OPEN');
    world.now += 1;
    const expired = describe();
    expect(expired.State).toBe('EXPIRED');
    expect(expired.ExpirationTimestamp - expired.RequestedTimestamp).toBe(15 * 86_400);
  });

  it('an expired invitation disappears 30 days after its expiry (45 days after sending)', () => {
    const world = new TestWorld();
    const id = world.invite({ Id: JUAN, Type: 'ACCOUNT' });
    world.now += 45 * 86_400_000 - 1;
    expect(world.outcome('DescribeHandshake', BILL, { HandshakeId: id })).toBe('ok');
    world.now += 1;
    expect(world.outcome('DescribeHandshake', BILL, { HandshakeId: id })).toBe('HandshakeNotFoundException');
  });

  it.each(['AcceptHandshake', 'DeclineHandshake', 'CancelHandshake'] as const)(
    'a handshake ended by %s disappears 30 days after the transition, not after sending',
    (op) => {
      const world = new TestWorld();
      const id = world.invite({ Id: JUAN, Type: 'ACCOUNT' });
      world.advanceDays(10);
      world.call(op, op === 'CancelHandshake' ? BILL : JUAN, { HandshakeId: id });
      const ended = world.call('DescribeHandshake', BILL, { HandshakeId: id }).Handshake;
      world.now += 30 * 86_400_000 - 1;
      expect(world.call('DescribeHandshake', BILL, { HandshakeId: id }).Handshake).toEqual(ended);
      world.now += 1;
      expect(world.outcome('DescribeHandshake', BILL, { HandshakeId: id })).toBe('HandshakeNotFoundException');
      expect(world.call('ListHandshakesForOrganization', BILL).Handshakes).toEqual([]);
    },
  );

  it('transitions keep both timestamps', () => {
    const world = new TestWorld();
    const id = world.invite({ Id: JUAN, Type: 'ACCOUNT' });
    const sent = world.call('DescribeHandshake', BILL, { HandshakeId: id }).Handshake;
    world.advanceDays(3);
    const accepted = world.call('AcceptHandshake', JUAN, { HandshakeId: id }).Handshake;
    expect([accepted.RequestedTimestamp, accepted.ExpirationTimestamp]).toEqual([sent.RequestedTimestamp, sent.ExpirationTimestamp]);
  });
});

describe('describe-handshake visibility', () => {
  it('sender and recipient see it; a non-party is denied, even a member of the organization', () => {
    const world = new TestWorld();
    const member = world.invite({ Id: ANIKA, Type: 'ACCOUNT' });
    world.call('AcceptHandshake', ANIKA, { HandshakeId: member });
    const id = world.invite({ Id: JUAN, Type: 'ACCOUNT' });
    expect(world.outcome('DescribeHandshake', BILL, { HandshakeId: id })).toBe('ok');
    expect(world.outcome('DescribeHandshake', JUAN, { HandshakeId: id })).toBe('ok');
    expect(world.outcome('DescribeHandshake', ANIKA, { HandshakeId: id })).toBe('AccessDeniedException');
  });
});
