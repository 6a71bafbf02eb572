// Time-driven changes, applied lazily whenever the world is read: pending handshakes
// expire at their expiration time; ended ones vanish 30 days after they ended.
import { HandshakeState, isPending } from '../model/enums.js';
import { isChild } from './all-features.js';
import type { OrgState } from '../model/types.js';
import { addSeconds } from './context.js';
import type { Peek } from '../model/table.js';
import { removeItems, where } from './table.js';

export { RETENTION_SECONDS } from '../model/limits.js';
import { RETENTION_SECONDS } from '../model/limits.js';

const TIMES = ['State', 'ExpirationTimestamp', 'EndedTimestamp'] as const;

const expires = (peek: Peek, now: number) => isPending(peek.State as HandshakeState) && now >= Number(peek.ExpirationTimestamp);
const retired = (peek: Peek, now: number) => typeof peek.EndedTimestamp === 'number' && now >= addSeconds(peek.EndedTimestamp, RETENTION_SECONDS);

/**
 * Applies expiry and retention at `now` (epoch seconds), touching only the handshakes time has
 * changed. Returns whether anything changed.
 */
export function sweep(state: OrgState, now: number): boolean {
  const due = where(state.Handshakes, { keys: TIMES, test: (peek) => expires(peek, now) || retired(peek, now) });
  if (!due.length) return false;
  for (const record of due) {
    const h = record.Handshake;
    if (isPending(h.State) && now >= h.ExpirationTimestamp) {
      // An all-features attempt that runs out is canceled as a whole: the parent expires, the
      // approvals still pending are canceled.
      h.State = isChild(record) ? HandshakeState.CANCELED : HandshakeState.EXPIRED;
      record.EndedTimestamp = h.ExpirationTimestamp;
    }
  }
  removeItems(state.Handshakes, new Set(due.filter((r) => r.EndedTimestamp !== undefined && now >= addSeconds(r.EndedTimestamp, RETENTION_SECONDS))));
  return true;
}
