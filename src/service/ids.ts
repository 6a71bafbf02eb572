// Generated ids draw the next number of the world's sequence.
import type { OrgState } from '../model/types.js';
import type { ServiceContext } from './context.js';

function next(state: OrgState): number {
  state.IdSequence = (state.IdSequence ?? 0) + 1;
  return state.IdSequence;
}

export const newHandshakeId = (state: OrgState, ctx: ServiceContext) => ctx.ids.handshakeId(next(state));
export const newEventId = (state: OrgState, ctx: ServiceContext) => ctx.ids.eventId(next(state));
