// Enumerations of the Organizations API (generated, values in the model's order), and what
// orgsim says about them.
import { HandshakeState } from './generated/enums.js';

export * from './generated/enums.js';

export const PENDING_STATES: readonly HandshakeState[] = [HandshakeState.REQUESTED, HandshakeState.OPEN];

export function isPending(state: HandshakeState): boolean {
  return PENDING_STATES.includes(state);
}
