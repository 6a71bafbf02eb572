// The service's entry point: one handler per operation, run after lazy expiry.
import { ServiceError } from '../model/errors.js';
import type { OrgState } from '../model/types.js';
import { nowSeconds, worldClock, type ServiceContext } from './context.js';
import type { Request } from './input.js';
import { enableAllFeatures } from './all-features.js';
import { inviteAccountToOrganization } from './invite.js';
import { describeAccount, leaveOrganization, removeAccountFromOrganization } from './membership-ops.js';
import { carryNextChange, nextChange, sweep } from './lifecycle.js';
import { forgetAll } from './memo.js';
import { recordApiCall } from './events.js';
import { organizationOf } from './world.js';
import { operationByName } from '../model/operations.js';
import { managementAccountOfArn } from '../model/ids.js';
import { listHandshakesForAccount, listHandshakesForOrganization } from './lists.js';
import { describeOrganization, listAccounts } from './organization.js';
import { acceptHandshake, cancelHandshake, declineHandshake, describeHandshake } from './respond.js';

/** The management account named in a handshake's (or a transfer's) ARN: the organization the call concerned. */
function managementInArn(output: object): string | undefined {
  const answer = output as { Handshake?: { Arn?: string }; ResponsibilityTransfer?: { Arn?: string } };
  const arn = answer.Handshake?.Arn ?? answer.ResponsibilityTransfer?.Arn;
  return arn ? managementAccountOfArn(arn) : undefined;
}

export type { Handler } from './handler.js';
import type { Handler } from './handler.js';

/** The handshake operations and what every rehearsal calls around them: in the core bundle. */
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
};

/** The rest (OUs, tags, policies, created accounts, STS), loaded on first use: most commands never need them. */
const loaded: Record<string, Handler> = {};

/** Makes `operation`'s handler ready for invoke(); a no-op for the core's own. */
export async function loadHandler(operation: string): Promise<void> {
  if (!HANDLERS[operation] && !loaded[operation]) await loadHandlers();
}

/** Every handler, for a front end that answers any operation (orgsim serve). */
export async function loadHandlers(): Promise<void> {
  const { ORGANIZATION_HANDLERS } = await import('./organization-operations.js');
  Object.assign(loaded, ORGANIZATION_HANDLERS);
}

/** What an operation did to a state it was given: whether to keep the state, and the answer. */
export type Outcome = { write: boolean; output: object } | { write: boolean; error: ServiceError };

/**
 * Runs `operation` on `state` (mutating it, expiry included). Errors are returned, not thrown, so
 * that a caller holding a transaction can tell whether the changes must be kept: after an error
 * without `write`, the state must be thrown away, not stored.
 */
export function invoke(state: OrgState, operation: string, input: Request, ctx: ServiceContext): Outcome {
  const handler = HANDLERS[operation] ?? loaded[operation];
  if (!handler) throw new Error(`no handler for ${operation} (loadHandler loads it)`);
  ctx = { ...ctx, clock: worldClock(state, ctx.clock) };
  sweep(state, nowSeconds(ctx), ctx.ids);
  const definition = operationByName(operation);
  const mutates = definition?.mutates ?? false;
  // The event log is Organizations' trail; STS's calls are not in it.
  const logged = mutates && definition?.service === 'organizations';
  // Only calls that change something are logged; the organization is the caller's as the call began.
  const recipient = mutates ? (organizationOf(state, ctx.caller)?.MasterAccountId ?? ctx.caller) : ctx.caller;
  // What the handler changes is not what the last sweep saw; when time next changes the
  // handshakes is carried over the ones it touched.
  const before = mutates ? nextChange(state) : undefined;
  if (mutates) forgetAll(state);
  try {
    const output = handler(state, input, ctx);
    if (logged) recordApiCall(state, ctx, { operation, input, output, recipientAccountId: managementInArn(output) ?? recipient });
    if (mutates) carryNextChange(state, before);
    return { write: true, output };
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    // A failed call keeps only what the service records regardless: lazy expiry, and the
    // rare failures that still change state (an e-mail invitation accepted by a member).
    if (error.persistChanges) {
      recordApiCall(state, ctx, { operation, input, error: { code: error.code, message: error.message }, recipientAccountId: recipient });
      if (mutates) carryNextChange(state, before);
      return { write: true, error };
    }
    // Nothing else is kept: the caller discards what the handler changed before it failed.
    return { write: false, error };
  }
}
