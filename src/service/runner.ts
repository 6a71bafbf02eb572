// Runs one operation against a Store, as every front end (the CLI, the HTTP server) does:
// mutations inside one locked transaction; reads on a snapshot, saving lazy expiry first.
import type { OrgState } from '../model/types.js';
import type { Store } from '../store/store.js';
import { nowSeconds, type Clock, type ServiceContext } from './context.js';
import type { Request } from './input.js';
import { needsSweep, sweep } from './lifecycle.js';
import { invoke, type Outcome } from './operations.js';

/** The world as of its clock's now, with any expiry or deletion that time has brought saved first. */
export function currentWorld(store: Store, clock: Clock): OrgState {
  const state = store.read();
  clock.attach?.(state);
  const now = nowSeconds({ clock });
  if (!needsSweep(state, now)) return state;
  return store.transact((s) => ({ write: sweep(s, now), result: s }));
}

export function runOperation(store: Store, operation: { name: string; mutates: boolean }, input: Request, ctx: ServiceContext, snapshot?: OrgState): Outcome {
  if (operation.mutates) {
    return store.transact((state) => {
      const outcome = invoke(state, operation.name, input, ctx);
      return { write: outcome.write, result: outcome };
    });
  }
  // Reads do not change the (already swept) world.
  return invoke(snapshot ?? currentWorld(store, ctx.clock), operation.name, input, ctx);
}
