// The handshake state machine for a recipient's or sender's response, as a table.
import { HandshakeState } from '../model/enums.js';
import { OrganizationsError } from '../model/errors.js';

export type Response = 'accept' | 'decline' | 'cancel';

export const TARGET_STATE: Record<Response, HandshakeState> = {
  accept: HandshakeState.ACCEPTED,
  decline: HandshakeState.DECLINED,
  cancel: HandshakeState.CANCELED,
};

/**
 * What happens when `response` meets a handshake in `state` (after the role check):
 * 'ok' moves it to TARGET_STATE, anything else is the exception to throw.
 */
export const TRANSITIONS: Record<HandshakeState, Record<Response, 'ok' | 'HandshakeAlreadyInStateException' | 'InvalidHandshakeTransitionException'>> = {
  REQUESTED: { accept: 'ok', decline: 'ok', cancel: 'ok' },
  OPEN: { accept: 'ok', decline: 'ok', cancel: 'ok' },
  ACCEPTED: { accept: 'HandshakeAlreadyInStateException', decline: 'InvalidHandshakeTransitionException', cancel: 'InvalidHandshakeTransitionException' },
  DECLINED: { accept: 'InvalidHandshakeTransitionException', decline: 'HandshakeAlreadyInStateException', cancel: 'InvalidHandshakeTransitionException' },
  CANCELED: { accept: 'InvalidHandshakeTransitionException', decline: 'InvalidHandshakeTransitionException', cancel: 'HandshakeAlreadyInStateException' },
  EXPIRED: { accept: 'InvalidHandshakeTransitionException', decline: 'InvalidHandshakeTransitionException', cancel: 'InvalidHandshakeTransitionException' },
};

export function checkTransition(state: HandshakeState, response: Response): void {
  const outcome = TRANSITIONS[state][response];
  if (outcome !== 'ok') throw new OrganizationsError(outcome);
}
