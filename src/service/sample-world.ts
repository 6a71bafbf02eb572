// The sample world of the AWS documentation: one organization, three standalone accounts.
import { AccountJoinedMethod, AccountState, OrganizationFeatureSet } from '../model/enums.js';
import { accessKeyIdFor, organizationArn } from '../model/ids.js';
import type { AccountRecord, OrgState, Profile } from '../model/types.js';

export { SCHEMA_VERSION, DEFAULT_QUOTAS } from '../model/limits.js';
import { DEFAULT_QUOTAS, SCHEMA_VERSION } from '../model/limits.js';


export function withAccessKeys(profiles: Omit<Profile, 'AccessKeyId'>[]): Profile[] {
  const taken = new Set<string>();
  return profiles.map((p) => {
    const AccessKeyId = accessKeyIdFor(p.Name, taken);
    taken.add(AccessKeyId);
    return { ...p, AccessKeyId };
  });
}

function standalone(Id: string, Name: string, Email: string, now: number): AccountRecord {
  return { Id, Name, Email, State: AccountState.ACTIVE, CreatedTimestamp: now, Tags: [] };
}

/** `now` is epoch seconds; it becomes the creation time of everything in the world. */
export function sampleWorld(now: number): OrgState {
  const orgId = 'o-exampleorgid';
  const management = '111111111111';
  return {
    SchemaVersion: SCHEMA_VERSION,
    Organizations: [
      {
        Id: orgId,
        Arn: organizationArn(management, orgId),
        FeatureSet: OrganizationFeatureSet.ALL,
        MasterAccountId: management,
        RootId: 'r-exam',
        CreatedTimestamp: now,
        Quotas: { ...DEFAULT_QUOTAS },
      },
    ],
    Accounts: [
      {
        ...standalone(management, 'Master Account', 'bill@example.com', now),
        OrganizationId: orgId,
        JoinedMethod: AccountJoinedMethod.INVITED,
        JoinedTimestamp: now,
      },
      standalone('222222222222', 'Juan', 'juan@example.com', now),
      standalone('333333333333', 'Anika', 'anika@example.com', now),
      standalone('444444444444', 'Susan', 'susan@example.com', now),
    ],
    Handshakes: [],
    Events: [],
    ClockOffsetMs: 0,
    IdSequence: 0,
    Profiles: withAccessKeys([
      { Name: 'default', AccountId: management },
      { Name: 'bill', AccountId: management },
      { Name: 'juan', AccountId: '222222222222' },
      { Name: 'anika', AccountId: '333333333333' },
      { Name: 'susan', AccountId: '444444444444' },
    ]),
  };
}
