// DescribeOrganization and ListAccounts.
import { OrganizationsError } from '../model/errors.js';
import { accountArn } from '../model/ids.js';
import { accountKey, accountView, byId } from './tree.js';
import type { Account, Organization, OrganizationRecord, OrgState } from '../model/types.js';
import type { ServiceContext } from './context.js';
import type { Request } from './input.js';
import { Paging } from './pages.js';
import { managementAccount, members, organizationOf, readableOrganization } from './world.js';

function requireOrganization(state: OrgState, caller: string): OrganizationRecord {
  const org = organizationOf(state, caller);
  if (!org) throw new OrganizationsError('AWSOrganizationsNotInUseException');
  return org;
}

/** AvailablePolicyTypes are the root's enabled types (organization.md ). */
export function organizationView(state: OrgState, org: OrganizationRecord): Organization {
  return {
    Id: org.Id,
    Arn: org.Arn,
    FeatureSet: org.FeatureSet,
    MasterAccountArn: accountArn(org.MasterAccountId, org.Id, org.MasterAccountId),
    MasterAccountId: org.MasterAccountId,
    MasterAccountEmail: managementAccount(state, org).Email,
    AvailablePolicyTypes: [...(org.PolicyTypes ?? [])].sort().map((Type) => ({ Type, Status: 'ENABLED' })),
  };
}

export function describeOrganization(state: OrgState, _input: Request, ctx: ServiceContext): { Organization: Organization } {
  return { Organization: organizationView(state, requireOrganization(state, ctx.caller)) };
}


export function listAccounts(state: OrgState, input: Request, ctx: ServiceContext): { Accounts: Account[]; NextToken?: string } {
  const paging = new Paging('ListAccounts', input);
  const cursor = paging.cursor(null);
  const org = readableOrganization(state, ctx.caller);
  const accounts = members(state, org.Id).sort(byId);
  return paging.respond(accounts, accountKey, cursor, null, (a) => accountView(org, a)) as unknown as { Accounts: Account[]; NextToken?: string };
}
