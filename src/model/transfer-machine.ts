// A billing transfer's life (transfer-and-delegation.md) as tables: what each status
// becomes, by whose hand or by time. The service enforces them; explain draws them, so the
// picture cannot drift from the rules.
import { ResponsibilityTransferStatus as Status } from './enums.js';
import type { ExceptionCode } from './errors.js';

export interface TransferEdge {
  from: Status;
  to: Status;
  label: string;
}

export const TRANSFER_START = Status.REQUESTED;

export const TRANSFER_EDGES: readonly TransferEdge[] = [
  { from: Status.REQUESTED, to: Status.ACCEPTED, label: "accept (the bill-source's management account)" },
  { from: Status.REQUESTED, to: Status.DECLINED, label: 'decline (the bill-source)' },
  { from: Status.REQUESTED, to: Status.CANCELED, label: "cancel (the sender's management account)" },
  { from: Status.REQUESTED, to: Status.EXPIRED, label: 'not accepted a day before the start' },
  { from: Status.ACCEPTED, to: Status.WITHDRAWN, label: 'terminate (either management account)' },
];

/** The status each end of the invitation leaves the transfer in: the handshake's, one for one. */
export const STATUS_AFTER = {
  accept: Status.ACCEPTED,
  decline: Status.DECLINED,
  cancel: Status.CANCELED,
  expire: Status.EXPIRED,
} as const;

type TerminateOutcome = 'ok' | Extract<ExceptionCode, 'ResponsibilityTransferAlreadyInStatusException' | 'InvalidResponsibilityTransferTransitionException'>;

/** What TerminateResponsibilityTransfer meets in each status (R-129: from an invitation, a proposal). */
export const TERMINATE_OUTCOME: Record<Status, TerminateOutcome> = {
  ACCEPTED: 'ok',
  WITHDRAWN: 'ResponsibilityTransferAlreadyInStatusException',
  REQUESTED: 'InvalidResponsibilityTransferTransitionException',
  DECLINED: 'InvalidResponsibilityTransferTransitionException',
  CANCELED: 'InvalidResponsibilityTransferTransitionException',
  EXPIRED: 'InvalidResponsibilityTransferTransitionException',
};
