// Time-driven changes, applied lazily whenever the world is read: pending handshakes
// expire at their expiration time; ended ones vanish 30 days after they ended.
import { HandshakeState, isPending } from '../model/enums.js';
import { isChild } from './all-features.js';
import type { OrgState } from '../model/types.js';
import { addSeconds, DAY_SECONDS } from './context.js';

export { RETENTION_SECONDS } from '../model/limits.js';
import { RETENTION_SECONDS } from '../model/limits.js';

/** Applies expiry and retention at `now` (epoch seconds). Returns whether anything changed. */
export function sweep(state: OrgState, now: number): boolean {
  let changed = false;
  for (const record of state.Handshakes) {
    const h = record.Handshake;
    if (isPending(h.State) && now >= h.ExpirationTimestamp) {
      // An all-features attempt that runs out is canceled as a whole: the parent expires, the
      // approvals still pending are canceled.
      h.State = isChild(record) ? HandshakeState.CANCELED : HandshakeState.EXPIRED;
      record.EndedTimestamp = h.ExpirationTimestamp;
      changed = true;
    }
  }
  const kept = state.Handshakes.filter((r) => r.EndedTimestamp === undefined || now < addSeconds(r.EndedTimestamp, RETENTION_SECONDS));
  if (kept.length !== state.Handshakes.length) {
    state.Handshakes = kept;
    changed = true;
  }
  return changed;
}

/** True when sweeping at `now` would change the state (so a read must persist it). */
export function needsSweep(state: OrgState, now: number): boolean {
  return state.Handshakes.some(
    (r) =>
      (isPending(r.Handshake.State) && now >= r.Handshake.ExpirationTimestamp) ||
      (r.EndedTimestamp !== undefined && now >= addSeconds(r.EndedTimestamp, RETENTION_SECONDS)),
  );
}
