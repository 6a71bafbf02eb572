// The handshake state machine, as tables: what a response does to a handshake in each state,
// and, for each kind of handshake, who gives which response and what time does. The service
// enforces the first; explain draws both (output/explain.ts), so the picture cannot drift.
import { HandshakeState, type ActionType } from './enums.js';
import type { ExceptionCode } from './errors.js';
import { INVITATION_LIFETIME_SECONDS, MIGRATION_LIFETIME_SECONDS, DAY_SECONDS } from './limits.js';

export type Response = 'accept' | 'decline' | 'cancel';
export const RESPONSES: readonly Response[] = ['accept', 'decline', 'cancel'];

export const TARGET_STATE: Record<Response, HandshakeState> = {
  accept: HandshakeState.ACCEPTED,
  decline: HandshakeState.DECLINED,
  cancel: HandshakeState.CANCELED,
};

type Outcome = 'ok' | Extract<ExceptionCode, 'HandshakeAlreadyInStateException' | 'InvalidHandshakeTransitionException'>;

/**
 * What happens when `response` meets a handshake in `state` (after the role check):
 * 'ok' moves it to TARGET_STATE, anything else is the exception to throw.
 */
export const TRANSITIONS: Record<HandshakeState, Record<Response, Outcome>> = {
  REQUESTED: { accept: 'ok', decline: 'ok', cancel: 'ok' },
  OPEN: { accept: 'ok', decline: 'ok', cancel: 'ok' },
  ACCEPTED: { accept: 'HandshakeAlreadyInStateException', decline: 'InvalidHandshakeTransitionException', cancel: 'InvalidHandshakeTransitionException' },
  DECLINED: { accept: 'InvalidHandshakeTransitionException', decline: 'HandshakeAlreadyInStateException', cancel: 'InvalidHandshakeTransitionException' },
  CANCELED: { accept: 'InvalidHandshakeTransitionException', decline: 'InvalidHandshakeTransitionException', cancel: 'HandshakeAlreadyInStateException' },
  EXPIRED: { accept: 'InvalidHandshakeTransitionException', decline: 'InvalidHandshakeTransitionException', cancel: 'InvalidHandshakeTransitionException' },
};

/** One kind of handshake's life: where it starts, who answers it from which states, what time does. */
export interface Machine {
  start: HandshakeState;
  /** The responses this kind offers: who gives each, and from which states (default: every state the table lets it leave). */
  responses: Partial<Record<Response, { by: string; from?: readonly HandshakeState[] }>>;
  /** Moves nobody makes by hand. */
  automatic?: readonly { from: HandshakeState; to: HandshakeState; label: string }[];
  /** What becomes of it when nobody answers in time: a fixed time after it is sent, or as `label` says. */
  lapse: { from: HandshakeState; to: HandshakeState } & ({ afterSeconds: number } | { label: string });
}

const byHand = { accept: { by: 'recipient' }, decline: { by: 'recipient' }, cancel: { by: 'sender' } } as const;

export const MACHINES: Partial<Record<ActionType, Machine>> = {
  INVITE: { start: HandshakeState.OPEN, responses: byHand, lapse: { from: HandshakeState.OPEN, to: HandshakeState.EXPIRED, afterSeconds: INVITATION_LIFETIME_SECONDS } },
  APPROVE_ALL_FEATURES: { start: HandshakeState.OPEN, responses: byHand, lapse: { from: HandshakeState.OPEN, to: HandshakeState.CANCELED, afterSeconds: MIGRATION_LIFETIME_SECONDS } },
  // Its life is an approval's (semantics R-25, the table of §4: OPEN, the parent's lifetime; proposals).
  ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE: { start: HandshakeState.OPEN, responses: byHand, lapse: { from: HandshakeState.OPEN, to: HandshakeState.CANCELED, afterSeconds: MIGRATION_LIFETIME_SECONDS } },
  // transfer-and-delegation.md R-120, R-121 (OPEN a proposal), R-124.
  TRANSFER_RESPONSIBILITY: {
    start: HandshakeState.OPEN,
    responses: { accept: { by: "recipient's management account" }, decline: { by: 'recipient' }, cancel: { by: 'sender' } },
    lapse: { from: HandshakeState.OPEN, to: HandshakeState.EXPIRED, label: 'a day before the transfer starts' },
  },
  ENABLE_ALL_FEATURES: {
    start: HandshakeState.REQUESTED,
    // The management account finalises it, so it is also the one that may decline it (semantics §5.1).
    responses: { accept: { by: 'management account', from: [HandshakeState.OPEN] }, decline: { by: 'management account' }, cancel: { by: 'management account' } },
    automatic: [{ from: HandshakeState.REQUESTED, to: HandshakeState.OPEN, label: 'every member approved' }],
    lapse: { from: HandshakeState.REQUESTED, to: HandshakeState.EXPIRED, afterSeconds: MIGRATION_LIFETIME_SECONDS },
  },
};

export interface Edge {
  from: HandshakeState;
  to: HandshakeState;
  label: string;
}

/** The states a response may leave: those its offer names, else every state the machine rests in before it ends. */
export function answeredFrom(machine: Machine, response: Response): readonly HandshakeState[] {
  return machine.responses[response]?.from ?? [machine.start, ...(machine.automatic ?? []).map((a) => a.to)];
}

/** The machine of a kind of handshake as edges: automatic moves, then each response from each state it may leave, then the lapse. */
export function machineEdges(action: ActionType): { start: HandshakeState; edges: Edge[] } {
  const machine = MACHINES[action] ?? MACHINES.INVITE!;
  const edges: Edge[] = [...(machine.automatic ?? [])];
  for (const response of RESPONSES) {
    const offer = machine.responses[response];
    if (!offer) continue;
    for (const from of answeredFrom(machine, response)) {
      if (TRANSITIONS[from][response] === 'ok') edges.push({ from, to: TARGET_STATE[response], label: `${response} (${offer.by})` });
    }
  }
  const lapse = machine.lapse;
  edges.push({ from: lapse.from, to: lapse.to, label: 'label' in lapse ? lapse.label : `${lapse.afterSeconds / DAY_SECONDS} days pass` });
  return { start: machine.start, edges };
}
