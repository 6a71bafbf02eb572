// Faults a rehearsal switches on (orgsim faults, ORGSIM_FAULTS): which call each strikes, and
// what the struck call answers. Every call while faults are on is counted in the world, so the
// Nth call and the calls a rate strikes are the same in every process and in every rerun.
import { OrganizationsError } from '../model/errors.js';
import { operationByCliName, operationByName, type Operation } from '../model/operations.js';
import { FAULT_ERRORS, FAULT_KINDS, PAGE_FAULTS, ruleKey, STALLING_FAULTS, type FaultKind, type FaultRule, type WorldFaults } from '../model/rehearsal.js';
import { MAX_LATENCY_MS, MAX_QUOTA } from '../model/limits.js';
import { shapeOf } from '../model/shapes.js';
import type { Request } from './input.js';
import { draw } from './draw.js';

/** What a rule needs to know of a call. */
export interface FaultCall {
  operation: string;
  /** The request's NextToken as the client sent it, if it sent one (a repeated token is this one)... */
  sent?: string;
  /** ...and the service's token it stands for (an empty page's token goes on from this one). */
  token?: string;
  /** Over orgsim serve (latency applies only there). */
  served: boolean;
}

/** The member that holds a list operation's items, if the operation takes a NextToken. */
export function pageMember(operation: Pick<Operation, 'input' | 'output' | 'paginator'>): string | undefined {
  if (operation.paginator) return operation.paginator.resultKey;
  const input = shapeOf(operation.input);
  if (input.type !== 'structure' || !('NextToken' in input.members)) return undefined;
  const output = shapeOf(operation.output);
  if (output.type !== 'structure') return undefined;
  return Object.entries(output.members).find(([, member]) => shapeOf(member.shape).type === 'list')?.[0];
}

function applies(rule: FaultRule, call: FaultCall, paged: boolean): boolean {
  if (rule.Operations && !rule.Operations.includes(call.operation)) return false;
  if (PAGE_FAULTS.includes(rule.Kind) && !paged) return false;
  if (rule.Kind === 'repeated-token' && call.sent === undefined) return false;
  if (rule.Kind === 'latency' && !call.served) return false;
  return true;
}

export interface Strike {
  /** The fault that answers instead of the service (the first rule that strikes). */
  fault?: FaultRule;
  /** How long orgsim serve waits before it answers. */
  latencyMs: number;
}

/** Counts `call` and tells which faults strike it; rates are drawn from `seed` (the world's unless a process brings its own). */
export function strike(faults: WorldFaults, rules: readonly FaultRule[], call: FaultCall, paged: boolean, seed = faults.Seed): Strike {
  const n = faults.Calls++;
  const result: Strike = { latencyMs: 0 };
  const afterStall = faults.LastPageFault === n - 1;
  for (const rule of rules) {
    if (!applies(rule, call, paged) || (afterStall && STALLING_FAULTS.includes(rule.Kind))) continue;
    const key = ruleKey(rule);
    const matched = (faults.Matched[key] = (faults.Matched[key] ?? 0) + 1);
    const hit = rule.Every !== undefined ? matched % rule.Every === 0 : draw(seed, key, n) < (rule.Rate ?? 0);
    if (!hit) continue;
    if (rule.Kind === 'latency') result.latencyMs = Math.max(result.latencyMs, rule.LatencyMs ?? 0);
    else result.fault ??= rule;
  }
  if (result.fault && STALLING_FAULTS.includes(result.fault.Kind)) faults.LastPageFault = n;
  return result;
}

/** The error a fault answers with, with the message the service sends. */
export function faultError(rule: FaultRule): OrganizationsError | undefined {
  const code = FAULT_ERRORS[rule.Kind];
  if (!code) return undefined;
  const error = new OrganizationsError(code);
  if (rule.Type !== undefined) error.details.Type = rule.Type;
  return error;
}

// An empty page's token names where the walk stands (the token it answered) and the call, so
// that it differs from every token before it (transfer-and-delegation.md R-153 a, b).
const FAULT_TOKEN = 'orgsimfault|';
const FAULT_TOKEN_START = btoa(FAULT_TOKEN);

export const faultToken = (answered: string | undefined, call: number) => btoa(FAULT_TOKEN + JSON.stringify({ call, after: answered ?? null }));

/** `input` with an empty page's token replaced by the token it stood for (none: the first page). */
export function realToken(input: Request): Request {
  const token = input.NextToken;
  if (typeof token !== 'string' || !token.startsWith(FAULT_TOKEN_START)) return input;
  let after: unknown;
  try {
    after = (JSON.parse(atob(token).slice(FAULT_TOKEN.length)) as { after?: unknown }).after;
  } catch {
    return input; // not one of ours after all: the service refuses it
  }
  const { NextToken: _, ...rest } = input;
  return typeof after === 'string' ? { ...rest, NextToken: after } : rest;
}

/** What a page fault answers: no items, and a token that goes on (empty-page) or the request's own (repeated-token). */
export function faultPage(rule: FaultRule, member: string, call: FaultCall, calls: number): Record<string, unknown> {
  return { [member]: [], NextToken: rule.Kind === 'repeated-token' ? call.sent : faultToken(call.token, calls) };
}

/** A short page: the request asks for half as many items (at least one). */
export function shortened(input: Request): Request {
  const asked = typeof input.MaxResults === 'number' ? input.MaxResults : 20;
  return { ...input, MaxResults: Math.max(1, Math.floor(asked / 2)) };
}

// ---- Rules as people write them: `throttle:rate=0.2,operations=accept-handshake;seed=7` ----

export class FaultSpecError extends Error {}

const operationNamed = (name: string) => operationByName(name) ?? operationByCliName(name) ?? operationByCliName(name, 'sts');

/** Checks one rule and gives it in the world's form. */
export function faultRule(kind: string, options: { rate?: string; every?: string; operations?: string; type?: string; latency?: string }): FaultRule {
  if (!(FAULT_KINDS as readonly string[]).includes(kind)) throw new FaultSpecError(`unknown fault '${kind}' (one of: ${FAULT_KINDS.join(', ')})`);
  const rule: FaultRule = { Kind: kind as FaultKind };
  if (options.operations !== undefined) {
    rule.Operations = options.operations.split(/[+,\s]+/).filter(Boolean).map((name) => {
      const op = operationNamed(name);
      if (!op) throw new FaultSpecError(`unknown operation '${name}'`);
      return op.name;
    });
  }
  if (options.rate !== undefined && options.every !== undefined) throw new FaultSpecError('give a rate or every, not both');
  const paging = PAGE_FAULTS.includes(rule.Kind);
  if (options.rate !== undefined) {
    const rate = /^(0|1)?(\.\d+)?$/.test(options.rate) && options.rate !== '' ? Number(options.rate) : NaN;
    // A page fault on every call would never let a walk end.
    if (!(rate >= 0 && rate <= 1) || (paging && rate >= 1)) throw new FaultSpecError(`rate '${options.rate}' must be a number from 0 to 1${paging ? ', below 1 for a page fault' : ''}`);
    rule.Rate = rate;
  }
  if (options.every !== undefined) {
    const every = /^\d+$/.test(options.every) ? Number(options.every) : NaN;
    if (!(every >= (paging ? 2 : 1) && every <= MAX_QUOTA)) throw new FaultSpecError(`every '${options.every}' must be a whole number from ${paging ? 2 : 1}${paging ? ' (a page fault on every call would never let a walk end)' : ''}`);
    rule.Every = every;
  }
  if (rule.Kind === 'latency') {
    const ms = options.latency !== undefined && /^\d+$/.test(options.latency) ? Number(options.latency) : NaN;
    if (!(ms >= 0 && ms <= MAX_LATENCY_MS)) throw new FaultSpecError(`latency needs ms=<milliseconds>, from 0 to ${MAX_LATENCY_MS}`);
    rule.LatencyMs = ms;
    if (rule.Rate === undefined && rule.Every === undefined) rule.Every = 1;
  } else if (options.latency !== undefined) throw new FaultSpecError('ms= applies to latency only');
  if (options.type !== undefined) {
    if (rule.Kind !== 'throttle') throw new FaultSpecError('type= applies to throttle only (TooManyRequestsException carries a Type)');
    rule.Type = options.type;
  }
  if (rule.Rate === undefined && rule.Every === undefined) throw new FaultSpecError(`${kind} needs rate=<0..1> or every=<N>`);
  return rule;
}

const SPEC_KEYS: Record<string, 'rate' | 'every' | 'operations' | 'type' | 'latency'> = { rate: 'rate', every: 'every', operations: 'operations', ops: 'operations', type: 'type', ms: 'latency' };

/** ORGSIM_FAULTS: rules separated by `;`, each `kind:key=value,key=value`; `seed=S` gives the seed. */
export function parseFaultSpec(text: string): { rules: FaultRule[]; seed?: string } {
  const rules: FaultRule[] = [];
  let seed: string | undefined;
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    if (part.startsWith('seed=')) {
      seed = part.slice('seed='.length);
      continue;
    }
    const [kind, settings = ''] = part.split(/:(.*)/s) as [string, string?];
    const options: Record<string, string> = {};
    // Operations are joined with + inside one rule, since , separates its settings.
    for (const setting of settings.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [key, value] = setting.split(/=(.*)/s) as [string, string?];
      const name = SPEC_KEYS[key];
      if (!name || value === undefined) throw new FaultSpecError(`'${setting}' in '${part}' is not one of rate=, every=, operations=, type=, ms=`);
      options[name] = value;
    }
    rules.push(faultRule(kind.trim(), options));
  }
  return { rules, seed };
}

/** A rule as people write it (the form ORGSIM_FAULTS and `orgsim faults show` share). */
export function describeRule(rule: FaultRule): string {
  const settings = [
    rule.Rate !== undefined ? `rate=${rule.Rate}` : `every=${rule.Every}`,
    ...(rule.Operations ? [`operations=${rule.Operations.join('+')}`] : []),
    ...(rule.Type !== undefined ? [`type=${rule.Type}`] : []),
    ...(rule.LatencyMs !== undefined ? [`ms=${rule.LatencyMs}`] : []),
  ];
  return `${rule.Kind}:${settings.join(',')}`;
}
