// Ready-made worlds for `orgsim init --scenario NAME`. In every one, the profile `default` is the
// management account of its first organization.
import { AccountJoinedMethod, AccountState, OrganizationFeatureSet } from '../model/enums.js';
import { organizationArn } from '../model/ids.js';
import type { AccountRecord, OrganizationRecord, OrgState } from '../model/types.js';
import { DAY_SECONDS, type ServiceContext } from './context.js';
import { invoke } from './operations.js';
import { DEFAULT_QUOTAS, sampleWorld, withAccessKeys } from './sample-world.js';

export const SCENARIOS = {
  sample: 'the sample world of the AWS documentation: one organization, three standalone accounts (the default)',
  'docs-example': "the sample world with the documentation's invitations already sent (juan, anika, susan)",
  'consolidated-billing': 'a CONSOLIDATED_BILLING organization with 5 invited members, ready for enable-all-features',
  'rollout-50': 'a management account and 50 standalone accounts (acct01 … acct50) to invite',
  rollout: 'a management account, --members accounts already in its organization and --accounts standalone ones to invite (--feature-set ALL or CONSOLIDATED_BILLING); quotas sized to fit',
  'two-orgs': 'two organizations and a standalone account, for direct transfers between them',
  'billing-transfer':
    "a paying organization (profile payer, the default) allowed one inbound billing transfer, and a bill-source organization (profile source) with a member (anika): rehearse invite-organization-to-transfer-responsibility",
} as const;

export type ScenarioName = keyof typeof SCENARIOS;

/** What a scenario can be sized by (the rollout scenario's; the others take none). */
export interface ScenarioParams {
  accounts?: number;
  members?: number;
  featureSet?: OrganizationFeatureSet;
}

/** The scenarios that take parameters, and the largest sizes they take. */
export const SIZED_SCENARIOS: readonly ScenarioName[] = ['rollout'];
export const MAX_SCENARIO_ACCOUNTS = 10_000;

function account(Id: string, Name: string, Email: string, created: number, org?: OrganizationRecord, joined?: number): AccountRecord {
  const record: AccountRecord = { Id, Name, Email, State: AccountState.ACTIVE, CreatedTimestamp: created, Tags: [] };
  if (org) Object.assign(record, { OrganizationId: org.Id, JoinedMethod: AccountJoinedMethod.INVITED, JoinedTimestamp: joined ?? created });
  return record;
}

function organization(Id: string, management: string, created: number, featureSet: OrganizationFeatureSet = OrganizationFeatureSet.ALL): OrganizationRecord {
  return { Id, Arn: organizationArn(management, Id), FeatureSet: featureSet, MasterAccountId: management, RootId: 'r-' + Id.slice(2, 6), CreatedTimestamp: created, Quotas: { ...DEFAULT_QUOTAS } };
}

function world(organizations: OrganizationRecord[], accounts: AccountRecord[], profiles: [string, string][]): OrgState {
  return {
    ...sampleWorld(0),
    Organizations: organizations,
    Accounts: accounts,
    Profiles: withAccessKeys(profiles.map(([Name, AccountId]) => ({ Name, AccountId }))),
  };
}

const MANAGEMENT = '111111111111';

/** `count` accounts named `<stem>001` … with ids from `first`, the names as wide as the largest number. */
function numbered(count: number, first: number, stem: string): [string, string][] {
  const width = Math.max(2, String(count).length);
  return Array.from({ length: count }, (_, i) => [String(first + i), `${stem}${String(i + 1).padStart(width, '0')}`]);
}

export function buildScenario(name: ScenarioName, ctx: ServiceContext, params: ScenarioParams = {}): OrgState {
  const now = ctx.clock.now() / 1000;
  const month = now - 30 * DAY_SECONDS;
  switch (name) {
    case 'sample':
      return sampleWorld(now);
    case 'docs-example': {
      const state = sampleWorld(now);
      const send = (Target: object, Notes?: string) => invoke(state, 'InviteAccountToOrganization', Notes === undefined ? { Target } : { Target, Notes }, { ...ctx, caller: MANAGEMENT });
      send({ Id: '222222222222', Type: 'ACCOUNT' }, 'Welcome');
      send({ Id: '333333333333', Type: 'ACCOUNT' });
      send({ Id: 'susan@example.com', Type: 'EMAIL' });
      return state;
    }
    case 'consolidated-billing': {
      const org = organization('o-exampleorgid', MANAGEMENT, month, OrganizationFeatureSet.CONSOLIDATED_BILLING);
      const people: [string, string][] = [['222222222222', 'juan'], ['333333333333', 'anika'], ['444444444444', 'susan'], ['555555555555', 'dana'], ['666666666666', 'eve']];
      return world(
        [org],
        [account(MANAGEMENT, 'Master Account', 'bill@example.com', month, org), ...people.map(([id, n]) => account(id, n[0]!.toUpperCase() + n.slice(1), `${n}@example.com`, month, org, month + DAY_SECONDS))],
        [['default', MANAGEMENT], ['bill', MANAGEMENT], ...people.map(([id, n]): [string, string] => [n, id])],
      );
    }
    case 'rollout-50': {
      const org = organization('o-exampleorgid', MANAGEMENT, month);
      const ids = Array.from({ length: 50 }, (_, i) => [String(100000000001 + i), `acct${String(i + 1).padStart(2, '0')}`] as [string, string]);
      return world(
        [org],
        [account(MANAGEMENT, 'Master Account', 'bill@example.com', month, org), ...ids.map(([id, n]) => account(id, n, `${n}@example.com`, month))],
        [['default', MANAGEMENT], ['bill', MANAGEMENT], ...ids.map(([id, n]): [string, string] => [n, id])],
      );
    }
    case 'rollout': {
      const org = organization('o-exampleorgid', MANAGEMENT, month, params.featureSet ?? OrganizationFeatureSet.ALL);
      const members = numbered(params.members ?? 0, 200000000001, 'member');
      const invitees = numbered(params.accounts ?? 50, 100000000001, 'acct');
      // A rehearsal of N invitations needs the quotas raised for them, as a real rollout asks AWS to (proposal).
      const room = 1 + members.length + invitees.length;
      org.Quotas = { Accounts: Math.max(DEFAULT_QUOTAS.Accounts, room), InvitationsPerDay: Math.max(DEFAULT_QUOTAS.InvitationsPerDay, invitees.length) };
      return world(
        [org],
        [
          account(MANAGEMENT, 'Master Account', 'bill@example.com', month, org),
          ...members.map(([id, n]) => account(id, n, `${n}@example.com`, month, org, month + DAY_SECONDS)),
          ...invitees.map(([id, n]) => account(id, n, `${n}@example.com`, month)),
        ],
        [['default', MANAGEMENT], ['bill', MANAGEMENT], ...members.map(([id, n]): [string, string] => [n, id]), ...invitees.map(([id, n]): [string, string] => [n, id])],
      );
    }
    case 'billing-transfer': {
      const payer = organization('o-payerorg001', MANAGEMENT, month);
      // AWS's inbound quota is 0 until Service Quotas raises it (transfer-and-delegation.md R-133): a rehearsal needs one.
      payer.Quotas = { ...payer.Quotas, InboundResponsibilityTransfers: 1 };
      const source = organization('o-sourceorg01', '555555555555', month);
      return world(
        [payer, source],
        [
          account(MANAGEMENT, 'Payer', 'payer@example.com', month, payer),
          account('222222222222', 'Juan', 'juan@example.com', month, payer),
          account('555555555555', 'Source', 'source@example.com', month, source),
          account('333333333333', 'Anika', 'anika@example.com', month, source),
        ],
        [['default', MANAGEMENT], ['payer', MANAGEMENT], ['juan', '222222222222'], ['source', '555555555555'], ['anika', '333333333333']],
      );
    }
    case 'two-orgs': {
      const first = organization('o-exampleorgid', MANAGEMENT, month);
      const second = organization('o-secondorg01', '555555555555', month);
      return world(
        [first, second],
        [
          account(MANAGEMENT, 'Master Account', 'bill@example.com', month, first),
          account('222222222222', 'Juan', 'juan@example.com', month, first),
          account('555555555555', 'Carol', 'carol@example.com', month, second),
          account('333333333333', 'Anika', 'anika@example.com', month, second),
          account('444444444444', 'Susan', 'susan@example.com', month),
        ],
        [['default', MANAGEMENT], ['bill', MANAGEMENT], ['juan', '222222222222'], ['carol', '555555555555'], ['anika', '333333333333'], ['susan', '444444444444']],
      );
    }
  }
}
