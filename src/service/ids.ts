// Generated ids draw the next number of the world's sequence.
import type { OrgState } from '../model/types.js';
import type { ServiceContext } from './context.js';

/** The world's next sequence number (what seeded ids are drawn from, and creation order). */
export function nextSequence(state: OrgState): number {
  state.IdSequence = (state.IdSequence ?? 0) + 1;
  return state.IdSequence;
}

export const newHandshakeId = (state: OrgState, ctx: ServiceContext) => ctx.ids.handshakeId(nextSequence(state));
export const newResponsibilityTransferId = (state: OrgState, ctx: ServiceContext) => ctx.ids.responsibilityTransferId(nextSequence(state));
export const newEventId = (state: OrgState, ctx: ServiceContext) => ctx.ids.eventId(nextSequence(state));
