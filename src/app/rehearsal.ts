// What a rehearsal does to each call before the service sees it: world time takes its step, and
// the faults switched on (in the world, or for this process by ORGSIM_FAULTS) may answer
// instead of the service. Runs inside the call's transaction, so the CLI and orgsim serve count
// the same calls.
import type { Operation } from '../model/operations.js';
import type { FaultRule } from '../model/rehearsal.js';
import type { OrgState } from '../model/types.js';
import { MAX_WORLD_TIME_MS } from '../model/limits.js';
import { ConfigurationError } from '../errors/classes.js';
import { worldClock, worldNow, type Clock, type IdGenerator } from '../service/context.js';
import type { Request } from '../service/input.js';
import type { Outcome } from '../service/operations.js';
import { faultError, faultPage, FaultSpecError, pageMember, parseFaultSpec, shortened, strike, type FaultCall } from '../service/faults.js';
import { recordApiCall } from '../service/events.js';
import { organizationOf } from '../service/world.js';
import type { Caller } from './credentials.js';

/** Faults a process brings along (ORGSIM_FAULTS), in place of the world's. */
export interface ProcessFaults {
  rules: FaultRule[];
  seed?: string;
}

export function faultsFromEnv(env: NodeJS.ProcessEnv): ProcessFaults | undefined {
  const text = env.ORGSIM_FAULTS;
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return parseFaultSpec(text);
  } catch (error) {
    if (error instanceof FaultSpecError) throw new ConfigurationError(`ORGSIM_FAULTS: ${error.message}`);
    throw error;
  }
}

export interface Rehearsed {
  /** The fault's answer, when one struck instead of the service. */
  outcome?: Outcome;
  /** The request the service gets (a short page asks for fewer items). */
  input: Request;
  latencyMs: number;
}

export interface RehearsalCall {
  operation: Pick<Operation, 'name' | 'service' | 'input' | 'output' | 'paginator'>;
  /** The request the service gets (an empty page's token already replaced by the token it stands for)... */
  input: Request;
  /** ...and as the client sent it. */
  sent?: Request;
  caller: (state: OrgState) => Caller;
  clock: Clock;
  ids: IdGenerator;
  faults?: ProcessFaults;
  /** The seed a world without faults of its own draws from (ORGSIM_REPLAY, ORGSIM_SEED). */
  seed?: string;
  served?: boolean;
}

/** Whether calls on `state` are rehearsed (and so counted in the world). */
export const rehearsing = (state: OrgState, call: Pick<RehearsalCall, 'faults'>) =>
  (call.faults?.rules.length ?? state.Faults?.Rules.length ?? 0) > 0 || (state.ClockStepSeconds ?? 0) > 0;

/** Takes the call's step of world time and draws its faults; the changes are the world's to keep. */
export function rehearse(state: OrgState, call: RehearsalCall): Rehearsed {
  const step = state.ClockStepSeconds ?? 0;
  if (step > 0 && worldNow(state, call.clock) + step * 1000 <= MAX_WORLD_TIME_MS) state.ClockOffsetMs += step * 1000;
  // Faults are Organizations' (the subject of a rehearsal); STS answers as ever.
  const rules = call.operation.service === 'organizations' ? (call.faults?.rules ?? state.Faults?.Rules ?? []) : [];
  const none: Rehearsed = { input: call.input, latencyMs: 0 };
  if (!rules.length) return none;
  const faults = (state.Faults ??= { Seed: call.faults?.seed ?? call.seed ?? 'orgsim', Rules: [], Calls: 0, Matched: {} });
  const member = pageMember(call.operation);
  const token = (input: Request) => (typeof input.NextToken === 'string' ? input.NextToken : undefined);
  const facts: FaultCall = { operation: call.operation.name, sent: token(call.sent ?? call.input), token: token(call.input), served: call.served === true };
  const hit = strike(faults, rules, facts, member !== undefined, call.faults?.seed ?? faults.Seed);
  if (!hit.fault && !hit.latencyMs) return none;
  const caller = call.caller(state);
  const ctx = { caller: caller.account, principal: caller.principal, clock: worldClock(state, call.clock), ids: call.ids };
  const called = { operation: call.operation.name, input: call.input, recipientAccountId: organizationOf(state, caller.account)?.MasterAccountId ?? caller.account };
  if (hit.latencyMs) recordApiCall(state, ctx, { ...called, fault: 'latency' });
  if (!hit.fault) return { ...none, latencyMs: hit.latencyMs };
  const log = { ...called, fault: hit.fault.Kind };
  if (hit.fault.Kind === 'short-page') {
    recordApiCall(state, ctx, log);
    return { input: shortened(call.input), latencyMs: hit.latencyMs };
  }
  const error = faultError(hit.fault);
  if (error) {
    recordApiCall(state, ctx, { ...log, error });
    return { outcome: { write: true, error }, input: call.input, latencyMs: hit.latencyMs };
  }
  const output = faultPage(hit.fault, member!, facts, faults.Calls);
  recordApiCall(state, ctx, { ...log, output });
  return { outcome: { write: true, output }, input: call.input, latencyMs: hit.latencyMs };
}
