// The world's clock: real time plus an offset kept in the world, so that a rehearsal can skip
// the 15 days of an invitation or the 90 days of a migration.
import type { OrgState } from '../model/types.js';
import { MAX_REHEARSAL_SECONDS } from '../model/limits.js';

const UNITS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** "16d", "3h", "90m", "1d12h" → milliseconds; undefined when it does not parse. */
export function parseDuration(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+)([dhms])/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== text) return undefined;
  return parts.reduce((ms, p) => ms + Number(p[1]) * UNITS[p[2]!]!, 0);
}

/** A rehearsal's duration (a clock step, a responder's wait) in seconds, at most a year; undefined when it is none. */
export function rehearsalSeconds(text: string): number | undefined {
  const ms = parseDuration(text);
  return ms === undefined || ms / 1000 > MAX_REHEARSAL_SECONDS ? undefined : ms / 1000;
}

export function advanceClock(state: OrgState, ms: number): void {
  state.ClockOffsetMs = (state.ClockOffsetMs ?? 0) + ms;
}

/** World time becomes `targetMs` now (real time `realNowMs`) and runs on from there. */
export function setClock(state: OrgState, targetMs: number, realNowMs: number): void {
  state.ClockOffsetMs = targetMs - realNowMs;
}

export function resetClock(state: OrgState): void {
  state.ClockOffsetMs = 0;
}

export function describeOffset(ms: number): string {
  if (ms === 0) return 'in step with real time';
  const abs = Math.abs(ms);
  const days = Math.floor(abs / UNITS.d!);
  const hours = Math.floor((abs % UNITS.d!) / UNITS.h!);
  const minutes = Math.floor((abs % UNITS.h!) / UNITS.m!);
  const span = [days && `${days}d`, hours && `${hours}h`, minutes && `${minutes}m`].filter(Boolean).join(' ') || `${Math.round(abs / 1000)}s`;
  return `${span} ${ms > 0 ? 'ahead of' : 'behind'} real time`;
}
