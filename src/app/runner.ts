// Runs one operation against a Store, as every front end (the CLI, the HTTP server) does:
// a mutation is one locked transaction that reads the world once, resolves the caller in it and
// runs the handler; a read runs on one snapshot and writes nothing. Expiry is applied whenever the
// world is looked at, and stored only by a mutation: a look at a future time (ORGSIM_NOW) must not
// destroy what a look at the present shows.
import type { Operation } from '../model/operations.js';
import type { OrgState } from '../model/types.js';
import type { Store } from '../store/store.js';
import { worldNow, type Clock, type IdGenerator } from '../service/context.js';
import type { Request } from '../service/input.js';
import { sweep } from '../service/lifecycle.js';
import { invoke, type Outcome } from '../service/operations.js';
import { callerOf, type Caller, type Credentials } from './credentials.js';

/** `state` as of its clock's now: the expiry, deletion and accounts time has brought (and their notes in the log). */
export function settle(state: OrgState, clock: Clock, ids: IdGenerator): OrgState {
  sweep(state, worldNow(state, clock) / 1000, ids);
  return state;
}

/** The world as of its clock's now (in memory only). */
export function currentWorld(store: Store, clock: Clock, ids: IdGenerator): OrgState {
  return settle(store.read(), clock, ids);
}

/** Who is calling, found in the world the operation runs on; throws when nobody is. */
export type CallerLookup = (state: OrgState) => Caller;

export interface Call {
  operation: Pick<Operation, 'name' | 'mutates'>;
  input: Request;
  caller: CallerLookup;
  clock: Clock;
  ids: IdGenerator;
}

const runOn = (call: Call) => (state: OrgState) => {
  const caller = call.caller(state);
  return invoke(state, call.operation.name, call.input, { caller: caller.account, principal: caller.principal, clock: call.clock, ids: call.ids });
};

/** The lookup of `credentials`, in the world the call runs on, at that world's time. */
export function lookUp(credentials: Credentials, clock: Clock): CallerLookup {
  return (state) => callerOf(state, credentials, worldNow(state, clock) / 1000);
}

/**
 * Like runCall, but a mutation that finds the lock held returns 'busy' at once instead of waiting,
 * so that a server goes on answering reads meanwhile.
 */
export function tryRunCall(store: Store, call: Call): Outcome | 'busy' {
  if (!call.operation.mutates || !store.tryTransact) return runCall(store, call);
  const run = runOn(call);
  const done = store.tryTransact((state) => {
    const outcome = run(state);
    return { write: outcome.write, result: outcome };
  });
  return done ? done.result : 'busy';
}

/** Runs `call`; `snapshot` is the world a read runs on (one per command, so pages agree). */
export function runCall(store: Store, call: Call, snapshot?: () => OrgState): Outcome {
  const run = runOn(call);
  if (call.operation.mutates) {
    return store.transact((state) => {
      const outcome = run(state);
      return { write: outcome.write, result: outcome };
    });
  }
  // Reads do not change the (already swept) world.
  return run(snapshot ? snapshot() : currentWorld(store, call.clock, call.ids));
}

