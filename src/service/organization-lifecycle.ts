// CreateOrganization and DeleteOrganization (organization.md ): an account makes
// an organization of which it is the management account, and deletes it once it is alone in it.
import { HandshakeState, isPending, OrganizationFeatureSet, PolicyType } from '../model/enums.js';
import { invalidInput, OrganizationsError, reasonError } from '../model/errors.js';
import { organizationArn } from '../model/ids.js';
import { DEFAULT_QUOTAS } from '../model/limits.js';
import type { Organization, OrganizationRecord, OrgState } from '../model/types.js';
import { nowSeconds, type ServiceContext } from './context.js';
import { nextSequence } from './ids.js';
import type { Request } from './input.js';
import { depart, join } from './membership.js';
import { organizationView } from './organization.js';
import { where } from './table.js';
import { attachDefault } from './attachments.js';
import { inTransferProcess } from './transfers.js';
import { findAccount, managedOrganization, members } from './world.js';

export function createOrganization(state: OrgState, input: Request, ctx: ServiceContext): { Organization: Organization } {
  const featureSet = input.FeatureSet ?? OrganizationFeatureSet.ALL;
  if (featureSet !== OrganizationFeatureSet.ALL && featureSet !== OrganizationFeatureSet.CONSOLIDATED_BILLING) throw invalidInput('INVALID_ENUM', 'FEATURE_SET');
  const account = findAccount(state, ctx.caller);
  if (!account) throw new OrganizationsError('ServiceException');
  if (account.OrganizationId) throw new OrganizationsError('AlreadyInOrganizationException');
  const { organizationId, rootId } = ctx.ids.organizationId(nextSequence(state));
  const org: OrganizationRecord = {
    Id: organizationId,
    Arn: organizationArn(ctx.caller, organizationId),
    FeatureSet: featureSet,
    MasterAccountId: ctx.caller,
    RootId: rootId,
    CreatedTimestamp: nowSeconds(ctx),
    Quotas: { ...DEFAULT_QUOTAS },
    // with all features, SCPs start enabled, FullAWSAccess on the root (and, as it joins, the management account).
    ...(featureSet === OrganizationFeatureSet.ALL ? { PolicyTypes: [PolicyType.SERVICE_CONTROL_POLICY] } : {}),
  };
  attachDefault(org, rootId);
  state.Organizations.push(org);
  // The management account joins as invited, keeping its tags.
  join(state, account, org, account.Tags, ctx);
  return { Organization: organizationView(state, org) };
}

export function deleteOrganization(state: OrgState, _input: Request, ctx: ServiceContext): object {
  const org = managedOrganization(state, ctx.caller);
  if (members(state, org.Id).some((a) => a.Id !== org.MasterAccountId)) throw new OrganizationsError('OrganizationNotEmptyException');
  // A pending transfer invitation, sent or received, or an agreed transfer not withdrawn.
  if (inTransferProcess(state, org)) throw reasonError('ConstraintViolationException', 'ACTIVE_RESPONSIBILITY_TRANSFER_PROCESS');
  const now = nowSeconds(ctx);
  // What it sent and nobody answered can no longer be accepted (a proposal, R-173); it ages out as any ended handshake.
  const unanswered = where(state.Handshakes, { keys: ['OrganizationId', 'State'], test: (peek) => peek.OrganizationId === org.Id && isPending(peek.State as HandshakeState) });
  for (const record of unanswered) {
    record.Handshake.State = HandshakeState.CANCELED;
    record.EndedTimestamp = now;
  }
  depart(state, findAccount(state, org.MasterAccountId)!, 'Left', ctx);
  state.Organizations = state.Organizations.filter((o) => o.Id !== org.Id);
  return {};
}
