import { describe, expect, it } from 'vitest';
import { ANIKA, BILL, JUAN, TestWorld } from './testing/world.js';

describe('list-roots', () => {
  it('the management account sees the one root, named Root, with its ARN', () => {
    expect(new TestWorld().call('ListRoots', BILL)).toEqual({
      Roots: [{ Id: 'r-exam', Arn: 'arn:aws:organizations::111111111111:root/o-exampleorgid/r-exam', Name: 'Root', PolicyTypes: [] }],
    });
  });

  it('a member is denied, a standalone account is in no organization, page sizes are checked', () => {
    const world = new TestWorld();
    world.call('AcceptHandshake', JUAN, { HandshakeId: world.invite({ Id: JUAN, Type: 'ACCOUNT' }) });
    expect(world.outcome('ListRoots', JUAN)).toBe('AccessDeniedException');
    expect(world.outcome('ListRoots', ANIKA)).toBe('AWSOrganizationsNotInUseException');
    expect(world.outcome('ListRoots', BILL, { MaxResults: 21 })).toBe('InvalidInputException:MAX_VALUE_EXCEEDED:MAX_RESULTS');
    expect(world.outcome('ListRoots', BILL, { NextToken: 'junk' })).toBe('InvalidInputException:INVALID_NEXT_TOKEN');
  });
});
