// What an operation would do, tried on a copy of the world: the teaching views decide what a
// caller may do by the real rules, and keep nothing of it.
import type { OrgState } from '../model/types.js';
import type { ServiceContext } from './context.js';
import type { Request } from './input.js';
import { invoke, type Outcome } from './operations.js';

/** The operation that gives each response to a handshake. */
export const RESPONSE_OPERATIONS = { accept: 'AcceptHandshake', decline: 'DeclineHandshake', cancel: 'CancelHandshake' } as const;

export function tryOnCopy(state: OrgState, operation: string, input: Request, ctx: ServiceContext): { copy: OrgState; outcome: Outcome } {
  const copy = JSON.parse(JSON.stringify(state)) as OrgState;
  return { copy, outcome: invoke(copy, operation, input, ctx) };
}
