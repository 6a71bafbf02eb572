// The teaching view of a billing transfer: its own machine, its clock (accept by, starts, ends),
// and what the caller may do to it, decided by running each operation on a copy of the world.
// The transfer operations must be loaded first (loadHandlers, operations.ts).
import { HandshakeState, ResponsibilityTransferStatus as Status } from '../model/enums.js';
import { OrganizationsError, type ServiceError } from '../model/errors.js';
import type { TransferExplanation, TransferStep } from '../model/explanation.js';
import type { OrganizationRecord, OrgState, ResponsibilityTransferRecord } from '../model/types.js';
import { RETENTION_SECONDS } from '../model/limits.js';
import { TRANSFER_EDGES, TRANSFER_START } from '../model/transfer-machine.js';
import { addSeconds, worldNow, type ServiceContext } from './context.js';
import { nameOf } from './names.js';
import { RESPONSE_OPERATIONS, tryOnCopy } from './trial.js';
import { acceptanceDeadline, findTransfer, sourceOrganization, transferView } from './transfer-records.js';
import { findHandshake, findOrganization, organizationOf } from './world.js';

const OPERATIONS = {
  ...RESPONSE_OPERATIONS,
  terminate: 'TerminateResponsibilityTransfer',
  update: 'UpdateResponsibilityTransfer',
} as const;

const iso = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString().replace(/\.000Z$/, 'Z');

function clockOf(state: OrgState, t: ResponsibilityTransferRecord, now: number): TransferExplanation['clock'] {
  switch (t.Status) {
    case Status.REQUESTED:
      return { kind: 'accept-by', at: acceptanceDeadline(t.StartTimestamp) };
    case Status.ACCEPTED:
      return now < t.StartTimestamp ? { kind: 'starts', at: t.StartTimestamp } : { kind: 'in-force', at: t.StartTimestamp };
    case Status.WITHDRAWN:
      return { kind: now < t.EndTimestamp! ? 'ends' : 'ended', at: t.EndTimestamp! };
    default: {
      const ended = findHandshake(state, t.HandshakeId)?.EndedTimestamp ?? t.RequestedTimestamp;
      return { kind: 'deleted', at: addSeconds(ended, RETENTION_SECONDS) };
    }
  }
}

function refusal(action: TransferStep['action'], t: ResponsibilityTransferRecord, error: ServiceError): string {
  switch (error.code) {
    case 'ResponsibilityTransferNotFoundException':
      return 'your organization is not a party to it, so for you it does not exist';
    case 'AWSOrganizationsNotInUseException':
      return 'you are not in an organization';
    case 'AccessDeniedException':
      if (action === 'cancel') return "only the sender's management account can cancel";
      if (action === 'accept') return "only the invited organization's management account can accept";
      if (action === 'decline') return 'only the invited account can decline';
      return 'only a management account of either organization can';
    case 'ResponsibilityTransferAlreadyInStatusException':
      return `it is already ${t.Status}`;
    case 'InvalidResponsibilityTransferTransitionException':
      return `only an ACCEPTED transfer can be withdrawn; this one is ${t.Status}`;
    case 'InvalidHandshakeTransitionException':
    case 'HandshakeAlreadyInStateException':
      return 'the invitation has already ended';
    default:
      if (error.reason === 'UNSUPPORTED_ACTION_IN_RESPONSIBILITY_TRANSFER') return 'only the paying organization names it';
      return `the service would answer ${error.code}${error.reason ? ` (${error.reason})` : ''}: ${error.message}`;
  }
}

function effect(action: TransferStep['action'], after: ResponsibilityTransferRecord, payer: string, source: string): string {
  switch (action) {
    case 'accept':
      return `the transfer becomes ACCEPTED: ${payer} pays ${source}'s bill from ${iso(after.StartTimestamp)}`;
    case 'terminate':
      return `withdraws it: WITHDRAWN, ${payer} still pays until ${iso(after.EndTimestamp!)}`;
    case 'update':
      return 'renames it (only your side sees a change)';
    default:
      return `the transfer becomes ${after.Status}`;
  }
}

function command(action: TransferStep['action'], t: ResponsibilityTransferRecord): string {
  if (action === 'terminate') return `organizations terminate-responsibility-transfer --id ${t.Id}`;
  if (action === 'update') return `organizations update-responsibility-transfer --id ${t.Id} --name NAME`;
  return `organizations ${action}-handshake --handshake-id ${t.HandshakeId}`;
}

/** What the caller's organization sees of it: its own side, or the payer's when it is not a party. */
function viewer(state: OrgState, t: ResponsibilityTransferRecord, caller: string): OrganizationRecord | undefined {
  const own = organizationOf(state, caller);
  const source = sourceOrganization(state, t);
  if (own && (own.Id === t.TargetOrganizationId || own.Id === source?.Id)) return own;
  return findOrganization(state, t.TargetOrganizationId) ?? source;
}

/** `only`: the actions to try (a handshake's explanation tries the answers itself). */
export function explainTransfer(state: OrgState, transferId: string, ctx: ServiceContext, only?: readonly TransferStep['action'][]): TransferExplanation {
  const t = findTransfer(state, transferId);
  const seen = t && viewer(state, t, ctx.caller);
  if (!t || !seen) throw new OrganizationsError('ResponsibilityTransferNotFoundException');
  const payer = nameOf(state, t.TargetAccountId);
  const sourceAccount = t.SourceAccountId ?? sourceOrganization(state, t)?.MasterAccountId;
  const source = sourceAccount ? nameOf(state, sourceAccount) : t.Invited.Id;
  const pending = findHandshake(state, t.HandshakeId)?.Handshake.State === HandshakeState.OPEN;
  const actions = only ?? (pending ? (['accept', 'decline', 'cancel', 'terminate', 'update'] as const) : (['terminate', 'update'] as const));
  const steps = actions.map((action): TransferStep => {
    const input = action === 'terminate' ? { Id: t.Id } : action === 'update' ? { Id: t.Id, Name: t.Name } : { HandshakeId: t.HandshakeId };
    const { copy, outcome } = tryOnCopy(state, OPERATIONS[action], input, ctx);
    if ('error' in outcome) return { action, allowed: false, text: refusal(action, t, outcome.error), command: command(action, t) };
    return { action, allowed: true, text: effect(action, findTransfer(copy, t.Id)!, payer, source), command: command(action, t) };
  });
  // The caller's clock is the machine's; the world's runs at its own offset (orgsim clock).
  const now = worldNow(state, ctx.clock) / 1000;
  return { transfer: transferView(state, t, seen), machine: { start: TRANSFER_START, edges: TRANSFER_EDGES }, payer, source, now, clock: clockOf(state, t, now), steps, caller: nameOf(state, ctx.caller) };
}
