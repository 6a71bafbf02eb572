// A world from outside must hold together: what the new lists name must exist.
import { describe, expect, it } from 'vitest';
import { sampleWorld } from '../service/sample-world.js';
import { referenceProblems, worldSchema } from './world-schema.js';

describe('roles, attachments and the other lists of the organization', () => {
  it('a role of an account the world lacks, a role twice, an attachment of a policy nobody has', () => {
    const world = sampleWorld(1_700_000_000);
    world.Roles = [
      { AccountId: '222222222222', RoleName: 'Ops', RoleId: 'AROAX', Trust: [], MaxSessionDuration: 3600, CreatedTimestamp: 1 },
      { AccountId: '222222222222', RoleName: 'ops', RoleId: 'AROAY', Trust: [], MaxSessionDuration: 3600, CreatedTimestamp: 1 },
      { AccountId: '999999999999', RoleName: 'Gone', RoleId: 'AROAZ', Trust: [], MaxSessionDuration: 3600, CreatedTimestamp: 1 },
    ];
    world.Organizations[0]!.Attachments = [{ PolicyId: 'p-FullAWSAccess', TargetId: 'r-exam' }, { PolicyId: 'p-12345678', TargetId: 'r-exam' }];
    expect(worldSchema.safeParse(world).success).toBe(true);
    expect(referenceProblems(world)).toEqual([
      'role Gone: account 999999999999 is not in Accounts',
      'role 222222222222:ops appears twice',
      'organization o-exampleorgid: attachment of unknown policy p-12345678',
    ]);
  });

  it('a session longer than STS allows is not a world', () => {
    const world = sampleWorld(1_700_000_000);
    world.Roles = [{ AccountId: '222222222222', RoleName: 'Ops', RoleId: 'AROAX', Trust: [], MaxSessionDuration: 99_999, CreatedTimestamp: 1 }];
    expect(worldSchema.safeParse(world).success).toBe(false);
  });
});
