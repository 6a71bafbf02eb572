// Runs one operation against a Store, as every front end (the CLI, the HTTP server) does:
// a mutation is one locked transaction that reads the world once, resolves the caller in it and
// runs the handler; a read runs on one snapshot and writes nothing. Expiry is applied whenever the
// world is looked at, and stored only by a mutation: a look at a future time (ORGSIM_NOW) must not
// destroy what a look at the present shows. In a rehearsal (app/rehearsal.ts) every call is
// counted in the world: a read then stores the count, and what time did by then unless the
// clock is pinned (a look ahead).
import type { Operation } from '../model/operations.js';
import type { OrgState } from '../model/types.js';
import type { Store, Transaction } from '../store/store.js';
import { worldNow, type Clock, type IdGenerator } from '../service/context.js';
import type { Request } from '../service/input.js';
import { sweep } from '../service/lifecycle.js';
import { invoke, type Outcome } from '../service/operations.js';
import { realToken } from '../service/faults.js';
import { callerOf, type Caller, type Credentials } from './credentials.js';
import { rehearse, rehearsing, type ProcessFaults } from './rehearsal.js';

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
  operation: Pick<Operation, 'name' | 'service' | 'mutates' | 'input' | 'output' | 'paginator'>;
  input: Request;
  caller: CallerLookup;
  clock: Clock;
  ids: IdGenerator;
  /** ORGSIM_FAULTS of this process, in place of the world's faults. */
  faults?: ProcessFaults;
  /** What a rehearsal draws from when the world names no seed. */
  seed?: string;
  /** Answered by orgsim serve (latency faults apply). */
  served?: boolean;
}

/** An answer, and how long orgsim serve is to wait before it gives it (a latency fault). */
export type Answered = Outcome & { latencyMs?: number };

const runOn = (call: Call) => (state: OrgState, input: Request) => {
  const caller = call.caller(state);
  return invoke(state, call.operation.name, input, { caller: caller.account, principal: caller.principal, clock: call.clock, ids: call.ids });
};

/** The lookup of `credentials`, in the world the call runs on, at that world's time. */
export function lookUp(credentials: Credentials, clock: Clock): CallerLookup {
  return (state) => callerOf(state, credentials, worldNow(state, clock) / 1000);
}

type Transact = <T>(fn: (state: OrgState) => Transaction<T>) => T | 'busy';

/** A mutation's transaction: the rehearsal's step, then the handler; what fails unrecorded is not kept. */
function mutate(transact: Transact, call: Call, input: Request): Answered | 'busy' {
  const run = runOn(call);
  return transact((state) => {
    const rehearsed = rehearsing(state, call) ? rehearse(state, { ...call, input, sent: call.input }) : undefined;
    if (rehearsed?.outcome) return { write: true, result: { ...rehearsed.outcome, latencyMs: rehearsed.latencyMs } };
    const outcome = run(state, rehearsed?.input ?? input);
    return { write: outcome.write, result: { ...outcome, latencyMs: rehearsed?.latencyMs } };
  });
}

/** A read: on the snapshot, or, in a rehearsal, after a transaction that counts it. */
function read(transact: Transact, call: Call, input: Request, world: OrgState): Answered | 'busy' {
  const run = runOn(call);
  if (!rehearsing(world, call)) return run(world, input);
  const step = transact((state) => {
    const rehearsed = rehearse(state, { ...call, input, sent: call.input });
    // A rehearsal's world time is the present, not a look ahead (ORGSIM_NOW pins the clock for
    // that): what time has done by now (expiry, the responders' answers) is kept with the count.
    if (!call.clock.pinned) settle(state, call.clock, call.ids);
    return { write: true, result: { rehearsed, state } };
  });
  if (step === 'busy') return step;
  const { rehearsed, state } = step;
  if (rehearsed.outcome) return { ...rehearsed.outcome, latencyMs: rehearsed.latencyMs };
  // What a pinned clock's look at time does stays in memory, as for every read.
  return { ...run(call.clock.pinned ? settle(state, call.clock, call.ids) : state, rehearsed.input), latencyMs: rehearsed.latencyMs };
}

/**
 * Like runCall, but a call that needs the lock and finds it held returns 'busy' at once instead
 * of waiting, so that a server goes on answering reads meanwhile.
 */
export function tryRunCall(store: Store, call: Call): Answered | 'busy' {
  const input = realToken(call.input);
  const transact: Transact = store.tryTransact ? (fn) => store.tryTransact!(fn)?.result ?? 'busy' : (fn) => store.transact(fn);
  if (call.operation.mutates) return mutate(transact, call, input);
  return read(transact, call, input, currentWorld(store, call.clock, call.ids));
}

/** Runs `call`; `snapshot` is the world a read runs on (one per command, so pages agree). */
export function runCall(store: Store, call: Call, snapshot?: () => OrgState): Answered {
  const input = realToken(call.input);
  const transact: Transact = (fn) => store.transact(fn);
  if (call.operation.mutates) return mutate(transact, call, input) as Answered;
  return read(transact, call, input, snapshot ? snapshot() : currentWorld(store, call.clock, call.ids)) as Answered;
}
