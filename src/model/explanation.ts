// The teaching view of one handshake, as the service works it out and output/explain.ts draws it.
import type { Handshake } from './types.js';
import type { ResponsibilityTransfer } from './generated/organizations-types.js';
import type { TransferEdge } from './transfer-machine.js';

import type { Edge, Response } from './transitions.js';

export type { Response } from './transitions.js';

export interface NextStep {
  response: Response;
  allowed: boolean;
  /** What it would do, or why it may not be done. */
  text: string;
}

export interface Explanation {
  handshake: Handshake;
  /** The kind's state machine, as explain draws it. */
  machine: { start: string; edges: Edge[] };
  sender: string;
  recipient: string;
  history: { time: string; actor: string; what: string }[];
  now: number;
  /** When a pending handshake expires, or when an ended one is deleted (epoch seconds). */
  deadline: { kind: 'expires' | 'deleted'; at: number };
  steps: NextStep[];
  caller: string;
  /** Retention deleted it: what is shown is the event log's last picture of it. */
  fromEventLog?: boolean;
  /** The billing transfer a TRANSFER_RESPONSIBILITY handshake carries. */
  transfer?: TransferExplanation;
}

/** Something one may do to a billing transfer, tried on a copy of the world. */
export interface TransferStep {
  action: 'accept' | 'decline' | 'cancel' | 'terminate' | 'update';
  allowed: boolean;
  text: string;
  /** The AWS command that does it, after `orgsim` and its global options. */
  command: string;
}

/** The teaching view of one billing transfer (transfer-and-delegation.md §16). */
export interface TransferExplanation {
  transfer: ResponsibilityTransfer;
  machine: { start: string; edges: readonly TransferEdge[] };
  payer: string;
  source: string;
  now: number;
  /** What the transfer's clock counts to (epoch seconds). */
  clock: { kind: 'accept-by' | 'starts' | 'in-force' | 'ends' | 'ended' | 'deleted'; at: number };
  steps: TransferStep[];
  caller: string;
}
