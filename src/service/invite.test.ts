import { describe, expect, it } from 'vitest';
import { ANIKA, BILL, JUAN, SUSAN, TestWorld } from './testing/world.js';

const INVITE = 'InviteAccountToOrganization';

describe('invite-account-to-organization', () => {
  it('creates an OPEN INVITE with the shape observed on AWS', () => {
    const world = new TestWorld();
    const h = world.call(INVITE, BILL, { Target: { Id: JUAN, Type: 'ACCOUNT' }, Notes: 'Welcome' }).Handshake;
    expect(h.Id).toMatch(/^h-[0-9a-f]{32}$/);
    expect(h.Arn).toBe(`arn:aws:organizations::111111111111:handshake/o-exampleorgid/invite/${h.Id}`);
    expect(h.State).toBe('OPEN');
    expect(h.Action).toBe('INVITE');
    expect(h.ExpirationTimestamp - h.RequestedTimestamp).toBe(15 * 86400);
    // the ORGANIZATION party has no o- prefix; the resource keeps it.
    expect(h.Parties).toEqual([
      { Id: 'exampleorgid', Type: 'ORGANIZATION' },
      { Id: JUAN, Type: 'ACCOUNT' },
    ]);
    expect(h.Resources).toEqual([
      {
        Value: 'o-exampleorgid',
        Type: 'ORGANIZATION',
        Resources: [
          { Value: 'bill@example.com', Type: 'MASTER_EMAIL' },
          { Value: 'Master Account', Type: 'MASTER_NAME' },
          { Value: 'ALL', Type: 'ORGANIZATION_FEATURE_SET' },
        ],
      },
      { Value: JUAN, Type: 'ACCOUNT' },
      { Value: 'Welcome', Type: 'NOTES' },
    ]);
  });

  it('adds a NOTES resource only when notes are given, even empty ones', () => {
    const world = new TestWorld();
    const without = world.call(INVITE, BILL, { Target: { Id: JUAN, Type: 'ACCOUNT' } }).Handshake;
    expect(without.Resources.map((r: { Type: string }) => r.Type)).toEqual(['ORGANIZATION', 'ACCOUNT']);
    const empty = world.call(INVITE, BILL, { Target: { Id: ANIKA, Type: 'ACCOUNT' }, Notes: '' }).Handshake;
    expect(empty.Resources[2]).toEqual({ Value: '', Type: 'NOTES' });
  });

  it.each([
    [{ Target: { Id: JUAN, Type: 'ORGANIZATION' } }, 'InvalidInputException:INVALID_PARTY_TYPE_TARGET'],
    [{ Target: { Id: JUAN, Type: 'FOO' } }, 'InvalidInputException:INVALID_PARTY_TYPE_TARGET'],
    [{ Target: { Id: '12345', Type: 'ACCOUNT' } }, 'InvalidInputException:INVALID_PATTERN'],
    [{ Target: { Id: 'not-an-email', Type: 'EMAIL' } }, 'InvalidInputException:INVALID_EMAIL_ADDRESS_TARGET'],
    [{ Target: { Id: JUAN, Type: 'ACCOUNT' }, Notes: 'x'.repeat(1025) }, 'InvalidInputException:MAX_LENGTH_EXCEEDED:NOTES'],
    [{ Target: { Id: JUAN, Type: 'ACCOUNT' }, Tags: [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }] }, 'InvalidInputException:DUPLICATE_TAG_KEY'],
    [{ Target: { Id: JUAN, Type: 'ACCOUNT' }, Tags: [{ Key: 'k'.repeat(129), Value: '' }] }, 'InvalidInputException:MAX_LENGTH_EXCEEDED:TAG'],
    [{ Target: { Id: JUAN, Type: 'ACCOUNT' }, Tags: [{ Key: 'bad*key', Value: '' }] }, 'InvalidInputException:INVALID_PATTERN:TAG'],
    [
      { Target: { Id: JUAN, Type: 'ACCOUNT' }, Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: '' })) },
      'ConstraintViolationException:MAX_TAG_LIMIT_EXCEEDED',
    ],
  ])('rejects bad input %# → %s, sending nothing', (input, expected) => {
    const world = new TestWorld();
    expect(world.outcome(INVITE, BILL, input)).toBe(expected);
    expect(world.state.Handshakes).toEqual([]);
  });

  it('only the management account of an organization may invite', () => {
    const world = new TestWorld();
    expect(world.outcome(INVITE, JUAN, { Target: { Id: ANIKA, Type: 'ACCOUNT' } })).toBe('AWSOrganizationsNotInUseException');
    world.call('AcceptHandshake', JUAN, { HandshakeId: world.invite({ Id: JUAN, Type: 'ACCOUNT' }) });
    expect(world.outcome(INVITE, JUAN, { Target: { Id: ANIKA, Type: 'ACCOUNT' } })).toBe('AccessDeniedException');
  });

  it('refuses a member or the management account by ID, but not by e-mail', () => {
    const world = new TestWorld();
    world.call('AcceptHandshake', JUAN, { HandshakeId: world.invite({ Id: JUAN, Type: 'ACCOUNT' }) });
    const already = 'HandshakeConstraintViolationException:ALREADY_IN_AN_ORGANIZATION';
    expect(world.outcome(INVITE, BILL, { Target: { Id: JUAN, Type: 'ACCOUNT' } })).toBe(already);
    expect(world.outcome(INVITE, BILL, { Target: { Id: BILL, Type: 'ACCOUNT' } })).toBe(already);
    expect(world.outcome(INVITE, BILL, { Target: { Id: 'juan@example.com', Type: 'EMAIL' } })).toBe('ok');
  });

  it('refuses a second pending invitation to the same party (e-mail case-insensitive), allows one after an answer', () => {
    const world = new TestWorld();
    const first = world.invite({ Id: JUAN, Type: 'ACCOUNT' });
    expect(world.outcome(INVITE, BILL, { Target: { Id: JUAN, Type: 'ACCOUNT' } })).toBe('DuplicateHandshakeException');
    world.invite({ Id: 'Anika@Example.com', Type: 'EMAIL' });
    expect(world.outcome(INVITE, BILL, { Target: { Id: 'anika@example.com', Type: 'EMAIL' } })).toBe('DuplicateHandshakeException');
    // An ACCOUNT and an EMAIL invitation for the same account are different parameters.
    expect(world.outcome(INVITE, BILL, { Target: { Id: ANIKA, Type: 'ACCOUNT' } })).toBe('ok');
    world.call('DeclineHandshake', JUAN, { HandshakeId: first });
    expect(world.outcome(INVITE, BILL, { Target: { Id: JUAN, Type: 'ACCOUNT' } })).toBe('ok');
  });

  it('counts pending invitations against the account quota of 10 and frees the slot on decline', () => {
    const world = new TestWorld();
    const ids = Array.from({ length: 9 }, (_, i) => world.invite({ Id: `user${i}@example.com`, Type: 'EMAIL' }));
    expect(world.outcome(INVITE, BILL, { Target: { Id: JUAN, Type: 'ACCOUNT' } })).toBe(
      'HandshakeConstraintViolationException:ACCOUNT_NUMBER_LIMIT_EXCEEDED',
    );
    world.call('CancelHandshake', BILL, { HandshakeId: ids[0] });
    expect(world.outcome(INVITE, BILL, { Target: { Id: JUAN, Type: 'ACCOUNT' } })).toBe('ok');
  });

  it('allows 20 invitations not accepted in any 24 hours', () => {
    const world = new TestWorld();
    world.state.Organizations[0]!.Quotas.Accounts = 1000;
    for (let i = 0; i < 20; i++) world.invite({ Id: `user${i}@example.com`, Type: 'EMAIL' });
    const limited = 'HandshakeConstraintViolationException:HANDSHAKE_RATE_LIMIT_EXCEEDED';
    expect(world.outcome(INVITE, BILL, { Target: { Id: JUAN, Type: 'ACCOUNT' } })).toBe(limited);
    world.now += 86_400_000;
    expect(world.outcome(INVITE, BILL, { Target: { Id: JUAN, Type: 'ACCOUNT' } })).toBe('ok');
  });

  it('counts a cancelled invitation toward the day\'s 20 but no longer toward the account quota', () => {
    const world = new TestWorld();
    world.state.Organizations[0]!.Quotas.Accounts = 21; // the management account and 20 invitations
    const ids = Array.from({ length: 20 }, (_, i) => world.invite({ Id: `user${i}@example.com`, Type: 'EMAIL' }));
    world.call('CancelHandshake', BILL, { HandshakeId: ids[0] });
    const invite = (id: string) => world.outcome(INVITE, BILL, { Target: { Id: id, Type: 'EMAIL' } });
    expect(invite('late@example.com')).toBe('HandshakeConstraintViolationException:HANDSHAKE_RATE_LIMIT_EXCEEDED');
    world.now += 86_400_000;
    expect(invite('next@example.com')).toBe('ok');
    expect(invite('over@example.com')).toBe('HandshakeConstraintViolationException:ACCOUNT_NUMBER_LIMIT_EXCEEDED');
  });

  it('does not count accepted invitations toward the daily limit', () => {
    const world = new TestWorld();
    world.state.Organizations[0]!.Quotas.Accounts = 1000;
    world.call('AcceptHandshake', JUAN, { HandshakeId: world.invite({ Id: JUAN, Type: 'ACCOUNT' }) });
    for (let i = 0; i < 19; i++) world.invite({ Id: `user${i}@example.com`, Type: 'EMAIL' });
    expect(world.outcome(INVITE, BILL, { Target: { Id: SUSAN, Type: 'ACCOUNT' } })).toBe('ok');
  });
});

describe('accepting an invitation', () => {
  it('makes the account a member, INVITED, with the staged tags', () => {
    const world = new TestWorld();
    const id = world.invite({ Id: JUAN, Type: 'ACCOUNT' }, { Tags: [{ Key: 'env', Value: 'dev' }] });
    world.advanceDays(1);
    world.call('AcceptHandshake', JUAN, { HandshakeId: id });
    const juan = world.state.Accounts.find((a) => a.Id === JUAN)!;
    expect(juan).toMatchObject({ OrganizationId: 'o-exampleorgid', JoinedMethod: 'INVITED', JoinedTimestamp: world.now / 1000, Tags: [{ Key: 'env', Value: 'dev' }] });
    const listed = world.call('ListAccounts', BILL).Accounts.map((a: { Id: string }) => a.Id);
    expect(listed).toEqual([BILL, JUAN]);
  });

  it('turns an EMAIL party into an ACCOUNT party and keeps the EMAIL resource', () => {
    const world = new TestWorld();
    const id = world.invite({ Id: 'JUAN@example.com', Type: 'EMAIL' });
    const h = world.call('AcceptHandshake', JUAN, { HandshakeId: id }).Handshake;
    expect(h.Parties[1]).toEqual({ Id: JUAN, Type: 'ACCOUNT' });
    expect(h.Resources[1]).toEqual({ Value: 'JUAN@example.com', Type: 'EMAIL' });
  });

  it('an e-mail invitation to a member fails with ALREADY_IN_AN_ORGANIZATION yet is recorded ACCEPTED', () => {
    const world = new TestWorld();
    world.call('AcceptHandshake', JUAN, { HandshakeId: world.invite({ Id: JUAN, Type: 'ACCOUNT' }) });
    const id = world.invite({ Id: 'juan@example.com', Type: 'EMAIL' }, { Tags: [{ Key: 'x', Value: 'y' }] });
    expect(world.outcome('AcceptHandshake', JUAN, { HandshakeId: id })).toBe(
      'HandshakeConstraintViolationException:ALREADY_IN_AN_ORGANIZATION',
    );
    const h = world.call('DescribeHandshake', BILL, { HandshakeId: id }).Handshake;
    expect(h.State).toBe('ACCEPTED');
    expect(h.Parties[1]).toEqual({ Id: JUAN, Type: 'ACCOUNT' });
    expect(world.state.Accounts.find((a) => a.Id === JUAN)!.Tags).toEqual([]);
    expect(world.outcome('AcceptHandshake', JUAN, { HandshakeId: id })).toBe('HandshakeAlreadyInStateException');
  });

  it('the management account cannot accept an invitation sent to its own e-mail', () => {
    const world = new TestWorld();
    const id = world.invite({ Id: 'bill@example.com', Type: 'EMAIL' });
    expect(world.outcome('AcceptHandshake', BILL, { HandshakeId: id })).toBe('MasterCannotLeaveOrganizationException');
    expect(world.call('ListHandshakesForAccount', BILL).Handshakes).toEqual([]);
  });

  it('a member of another organization moves to the inviting one (direct transfer)', () => {
    const world = new TestWorld();
    world.state.Organizations.push({ ...structuredClone(world.state.Organizations[0]!), Id: 'o-secondorgid', MasterAccountId: SUSAN, Arn: 'x' });
    world.state.Accounts.find((a) => a.Id === SUSAN)!.OrganizationId = 'o-secondorgid';
    world.state.Accounts.find((a) => a.Id === ANIKA)!.OrganizationId = 'o-secondorgid';
    const id = world.invite({ Id: ANIKA, Type: 'ACCOUNT' });
    // The receiving organization must be at least 7 days old.
    world.advanceDays(6);
    expect(world.outcome('AcceptHandshake', ANIKA, { HandshakeId: id })).toBe('ConstraintViolationException:WAIT_PERIOD_ACTIVE');
    world.advanceDays(1);
    world.call('AcceptHandshake', ANIKA, { HandshakeId: id });
    expect(world.state.Accounts.find((a) => a.Id === ANIKA)!.OrganizationId).toBe('o-exampleorgid');
    const names = world.state.Events.filter((e) => e.eventType === 'AwsServiceEvent').map((e) => [e.eventName, e.recipientAccountId, e.serviceEventDetails?.departedMethod ?? e.serviceEventDetails?.joinedMethod]);
    expect(names).toEqual([
      ['AccountDepartedOrganization', SUSAN, 'Left'],
      ['AccountJoinedOrganization', BILL, 'Invited'],
    ]);
  });
});
