// What a rehearsal adds to the world beyond the service (issue: faults, responders, time that
// runs by itself): the faults switched on, the accounts that answer by themselves, and the
// step world time takes with every call. Kept in the world, so the CLI and orgsim serve obey
// the same ones.
import type { ExceptionCode } from './errors.js';

export const FAULT_KINDS = ['throttle', 'conflict', 'service-error', 'empty-page', 'short-page', 'repeated-token', 'latency'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The faults that answer with an error, and the error. */
export const FAULT_ERRORS: Partial<Record<FaultKind, ExceptionCode>> = {
  throttle: 'TooManyRequestsException',
  conflict: 'ConcurrentModificationException',
  'service-error': 'ServiceException',
};

/** The faults that change a page of a list (operations whose request takes a NextToken). */
export const PAGE_FAULTS: readonly FaultKind[] = ['empty-page', 'short-page', 'repeated-token'];
/** The page faults that give no items, and so must not answer two calls in a row. */
export const STALLING_FAULTS: readonly FaultKind[] = ['empty-page', 'repeated-token'];

export interface FaultRule {
  Kind: FaultKind;
  /** The operations it applies to (API names); absent: every one it can apply to. */
  Operations?: string[];
  /** The share of calls it strikes, drawn from the seed... */
  Rate?: number;
  /** ...or every Nth call it applies to. */
  Every?: number;
  /** TooManyRequestsException's Type member (the service's value is not documented: absent unless set). */
  Type?: string;
  /** How long orgsim serve waits before it answers. */
  LatencyMs?: number;
}

export interface WorldFaults {
  /** What the rates are drawn from: the same seed, the same calls, the same faults. */
  Seed: string;
  Rules: FaultRule[];
  /** Calls counted while faults were on. */
  Calls: number;
  /** Per rule (by ruleKey), the calls it applied to. */
  Matched: Record<string, number>;
  /** The call an empty page or a repeated token answered last: the call after it gets a real page, so every walk ends. */
  LastPageFault?: number;
}

export const RESPONDER_ANSWERS = ['ACCEPT', 'DECLINE', 'NEVER'] as const;
export type ResponderAnswer = (typeof RESPONDER_ANSWERS)[number];

/** An account that answers the handshakes sent to it by itself, this long after they were sent. */
export interface Responder {
  AccountId: string;
  Answer: ResponderAnswer;
  AfterSeconds: number;
  /** The handshakes it has answered (or tried to), so that an answer is given once. */
  Answered: string[];
}

/** A rule's identity among the counters: its kind and operations. */
export const ruleKey = (rule: Pick<FaultRule, 'Kind' | 'Operations'>) => [rule.Kind, ...(rule.Operations ?? ['*'])].join(':');
