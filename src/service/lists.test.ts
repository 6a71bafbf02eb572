import { describe, expect, it } from 'vitest';
import { ANIKA, BILL, JUAN, TestWorld } from './testing/world.js';

const LIST = 'ListHandshakesForOrganization';

function worldWithInvitations(n: number): TestWorld {
  const world = new TestWorld();
  world.state.Organizations[0]!.Quotas = { Accounts: 1000, InvitationsPerDay: 1000 };
  for (let i = 0; i < n; i++) {
    world.now += 1000;
    world.invite({ Id: `user${i}@example.com`, Type: 'EMAIL' });
  }
  return world;
}

const emails = (page: { Handshakes: { Parties: { Id: string }[] }[] }) => page.Handshakes.map((h) => h.Parties[1]!.Id);

describe('list-handshakes-for-organization', () => {
  it('lists newest first in pages of 20 with a NextToken, and every item exactly once', () => {
    const world = worldWithInvitations(45);
    const seen: string[] = [];
    let token: string | undefined;
    const sizes: number[] = [];
    do {
      const page = world.call(LIST, BILL, token ? { NextToken: token } : {});
      sizes.push(page.Handshakes.length);
      seen.push(...emails(page));
      token = page.NextToken;
    } while (token);
    expect(sizes).toEqual([20, 20, 5]);
    expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => `user${44 - i}@example.com`));
  });

  it('a handshake created between two pages does not shift them', () => {
    const world = worldWithInvitations(5);
    const first = world.call(LIST, BILL, { MaxResults: 2 });
    world.now += 1000;
    world.invite({ Id: JUAN, Type: 'ACCOUNT' });
    const second = world.call(LIST, BILL, { MaxResults: 2, NextToken: first.NextToken });
    expect(emails(first)).toEqual(['user4@example.com', 'user3@example.com']);
    expect(emails(second)).toEqual(['user2@example.com', 'user1@example.com']);
  });

  it.each([
    [{ MaxResults: 0 }, 'InvalidInputException:MIN_VALUE_EXCEEDED:MAX_RESULTS'],
    [{ MaxResults: 21 }, 'InvalidInputException:MAX_VALUE_EXCEEDED:MAX_RESULTS'],
    [{ NextToken: 'garbage' }, 'InvalidInputException:INVALID_NEXT_TOKEN'],
    [{ NextToken: '' }, 'InvalidInputException:INVALID_NEXT_TOKEN'],
    [{ Filter: { ActionType: 'INVITE', ParentHandshakeId: 'h-12345678' } }, 'InvalidInputException:MAX_LIMIT_EXCEEDED_FILTER'],
    [{ Filter: { ActionType: 'BOGUS' } }, 'InvalidInputException:INVALID_ENUM:FILTER_ACTION_TYPE'],
    [{ Filter: { ParentHandshakeId: 'nope' } }, 'InvalidInputException:INVALID_PATTERN:FILTER_PARENT_HANDSHAKE_ID'],
  ])('%j → %s', (input, expected) => {
    expect(worldWithInvitations(1).outcome(LIST, BILL, input)).toBe(expected);
  });

  it('rejects a token made for another filter or operation', () => {
    const world = worldWithInvitations(3);
    const token = world.call(LIST, BILL, { MaxResults: 1 }).NextToken;
    expect(world.outcome(LIST, BILL, { NextToken: token, Filter: { ActionType: 'INVITE' } })).toBe('InvalidInputException:INVALID_NEXT_TOKEN');
    expect(world.outcome('ListHandshakesForAccount', JUAN, { NextToken: token })).toBe('InvalidInputException:INVALID_NEXT_TOKEN');
  });

  it('filters by action type; an unmatched parent id gives an empty list', () => {
    const world = worldWithInvitations(2);
    expect(world.call(LIST, BILL, { Filter: { ActionType: 'INVITE' } }).Handshakes).toHaveLength(2);
    expect(world.call(LIST, BILL, { Filter: { ActionType: 'ENABLE_ALL_FEATURES' } }).Handshakes).toEqual([]);
    expect(world.call(LIST, BILL, { Filter: { ParentHandshakeId: 'h-12345678' } }).Handshakes).toEqual([]);
  });

  it('is for the management account only; filter checks come before the caller check', () => {
    const world = worldWithInvitations(1);
    expect(world.outcome(LIST, JUAN)).toBe('AWSOrganizationsNotInUseException');
    expect(world.outcome(LIST, JUAN, { Filter: { ActionType: 'BOGUS' } })).toBe('InvalidInputException:INVALID_ENUM:FILTER_ACTION_TYPE');
    world.call('AcceptHandshake', JUAN, { HandshakeId: world.invite({ Id: JUAN, Type: 'ACCOUNT' }) });
    expect(world.outcome(LIST, JUAN)).toBe('AccessDeniedException');
  });
});

describe('list-handshakes-for-account', () => {
  it('shows what was sent to the caller, by account id or e-mail', () => {
    const world = new TestWorld();
    const byId = world.invite({ Id: JUAN, Type: 'ACCOUNT' });
    world.now += 1000;
    const byEmail = world.invite({ Id: 'Juan@Example.com', Type: 'EMAIL' });
    world.invite({ Id: ANIKA, Type: 'ACCOUNT' });
    const ids = world.call('ListHandshakesForAccount', JUAN).Handshakes.map((h: { Id: string }) => h.Id);
    expect(ids).toEqual([byEmail, byId]);
    expect(world.call('ListHandshakesForAccount', BILL).Handshakes).toEqual([]);
  });
});

describe('describe-organization and list-accounts', () => {
  it('describes the organization to members and refuses standalone accounts', () => {
    const world = new TestWorld();
    expect(world.call('DescribeOrganization', BILL).Organization).toEqual({
      Id: 'o-exampleorgid',
      Arn: 'arn:aws:organizations::111111111111:organization/o-exampleorgid',
      FeatureSet: 'ALL',
      MasterAccountArn: 'arn:aws:organizations::111111111111:account/o-exampleorgid/111111111111',
      MasterAccountId: BILL,
      MasterAccountEmail: 'bill@example.com',
      AvailablePolicyTypes: [],
    });
    expect(world.outcome('DescribeOrganization', JUAN)).toBe('AWSOrganizationsNotInUseException');
    expect(world.outcome('ListAccounts', JUAN)).toBe('AWSOrganizationsNotInUseException');
  });
});
