// The service's entry point: one handler per operation, run after lazy expiry.
import { ServiceError } from '../model/errors.js';
import type { OrgState } from '../model/types.js';
import { nowSeconds, worldClock, type ServiceContext } from './context.js';
import type { Request } from './input.js';
import { enableAllFeatures } from './all-features.js';
import { inviteAccountToOrganization } from './invite.js';
import { describeAccount, leaveOrganization, removeAccountFromOrganization } from './membership-ops.js';
import { sweep } from './lifecycle.js';
import { forgetAll } from './memo.js';
import { recordApiCall } from './events.js';
import { organizationOf } from './world.js';
import { operationByName } from '../model/operations.js';
import { listHandshakesForAccount, listHandshakesForOrganization } from './lists.js';
import { describeOrganization, listAccounts } from './organization.js';
import { listRoots } from './roots.js';
import { moveAccount } from './move-account.js';
import { listTagsForResource, tagResource, untagResource } from './tagging.js';
import { createOrganization, deleteOrganization } from './organization-lifecycle.js';
import { listAccountsForParent, listChildren, listOrganizationalUnitsForParent, listParents } from './navigation.js';
import { createOrganizationalUnit, deleteOrganizationalUnit, describeOrganizationalUnit, updateOrganizationalUnit } from './organizational-units.js';
import { acceptHandshake, cancelHandshake, declineHandshake, describeHandshake } from './respond.js';
import { assumeRole, getCallerIdentity } from './sts.js';
import { createAccount, describeCreateAccountStatus, listCreateAccountStatus } from './create-account.js';
import { closeAccount } from './close-account.js';
import { createPolicy, deletePolicy, describePolicy, listPolicies, updatePolicy } from './policies.js';
import { attachPolicy, detachPolicy, disablePolicyType, enablePolicyType, listPoliciesForTarget, listTargetsForPolicy } from './policy-attachments.js';

/** The management account named in a handshake's ARN: the organization the call concerned. */
function managementInArn(output: object): string | undefined {
  const arn = (output as { Handshake?: { Arn?: string } }).Handshake?.Arn;
  return arn ? /^arn:aws:organizations::(\d{12}):/.exec(arn)?.[1] : undefined;
}

export type Handler = (state: OrgState, input: Request, ctx: ServiceContext) => object;

export const HANDLERS: Record<string, Handler> = {
  AcceptHandshake: acceptHandshake,
  DeclineHandshake: declineHandshake,
  CancelHandshake: cancelHandshake,
  DescribeHandshake: describeHandshake,
  ListHandshakesForOrganization: listHandshakesForOrganization,
  ListHandshakesForAccount: listHandshakesForAccount,
  InviteAccountToOrganization: inviteAccountToOrganization,
  DescribeOrganization: describeOrganization,
  ListAccounts: listAccounts,
  EnableAllFeatures: enableAllFeatures,
  LeaveOrganization: leaveOrganization,
  RemoveAccountFromOrganization: removeAccountFromOrganization,
  DescribeAccount: describeAccount,
  ListRoots: listRoots,
  CreateOrganizationalUnit: createOrganizationalUnit,
  DescribeOrganizationalUnit: describeOrganizationalUnit,
  UpdateOrganizationalUnit: updateOrganizationalUnit,
  DeleteOrganizationalUnit: deleteOrganizationalUnit,
  ListOrganizationalUnitsForParent: listOrganizationalUnitsForParent,
  ListChildren: listChildren,
  ListParents: listParents,
  ListAccountsForParent: listAccountsForParent,
  MoveAccount: moveAccount,
  CreateOrganization: createOrganization,
  DeleteOrganization: deleteOrganization,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  CreateAccount: createAccount,
  DescribeCreateAccountStatus: describeCreateAccountStatus,
  ListCreateAccountStatus: listCreateAccountStatus,
  CloseAccount: closeAccount,
  CreatePolicy: createPolicy,
  DescribePolicy: describePolicy,
  UpdatePolicy: updatePolicy,
  DeletePolicy: deletePolicy,
  ListPolicies: listPolicies,
  AttachPolicy: attachPolicy,
  DetachPolicy: detachPolicy,
  ListPoliciesForTarget: listPoliciesForTarget,
  ListTargetsForPolicy: listTargetsForPolicy,
  EnablePolicyType: enablePolicyType,
  DisablePolicyType: disablePolicyType,
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
};

/** What an operation did to a state it was given: whether to keep the state, and the answer. */
export type Outcome = { write: boolean; output: object } | { write: boolean; error: ServiceError };

/**
 * Runs `operation` on `state` (mutating it, expiry included). Errors are returned, not thrown, so
 * that a caller holding a transaction can tell whether the changes must be kept: after an error
 * without `write`, the state must be thrown away, not stored.
 */
export function invoke(state: OrgState, operation: string, input: Request, ctx: ServiceContext): Outcome {
  const handler = HANDLERS[operation];
  if (!handler) throw new Error(`no handler for ${operation}`);
  ctx = { ...ctx, clock: worldClock(state, ctx.clock) };
  sweep(state, nowSeconds(ctx));
  const definition = operationByName(operation);
  const mutates = definition?.mutates ?? false;
  // The event log is Organizations' trail; STS's calls are not in it.
  const logged = mutates && definition?.service === 'organizations';
  // Only calls that change something are logged; the organization is the caller's as the call began.
  const recipient = mutates ? (organizationOf(state, ctx.caller)?.MasterAccountId ?? ctx.caller) : ctx.caller;
  // What the handler changes is not what the last sweep saw.
  if (mutates) forgetAll(state);
  try {
    const output = handler(state, input, ctx);
    if (logged) recordApiCall(state, ctx, { operation, input, output, recipientAccountId: managementInArn(output) ?? recipient });
    return { write: true, output };
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    // A failed call keeps only what the service records regardless: lazy expiry, and the
    // rare failures that still change state (an e-mail invitation accepted by a member).
    if (error.persistChanges) {
      recordApiCall(state, ctx, { operation, input, error: { code: error.code, message: error.message }, recipientAccountId: recipient });
      return { write: true, error };
    }
    // Nothing else is kept: the caller discards what the handler changed before it failed.
    return { write: false, error };
  }
}
