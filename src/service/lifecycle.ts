// Time-driven changes, applied lazily whenever the world is read: pending handshakes
// expire at their expiration time; ended ones vanish 30 days after they ended; accounts
// being created or closed get there.
import { ActionType, HandshakeState, isPending } from '../model/enums.js';
import { endTransfer, forgetTransfers } from './transfer-records.js';
import { isChild } from './all-features.js';
import type { OrgState } from '../model/types.js';
import { addSeconds } from './context.js';
import { peekOf, type Peek } from '../model/table.js';
import { removeItems, touchedOf, where } from './table.js';
import { forgetAll, recallNumber, rememberNumber } from './memo.js';
import { settleClosures, settleCreateAccountRequests } from './account-settling.js';
import { recordHandshakeEnded } from './events.js';
import type { IdGenerator } from './context.js';
import { answerDue } from './responders.js';

export { RETENTION_SECONDS } from '../model/limits.js';
import { RETENTION_SECONDS } from '../model/limits.js';

const TIMES = ['State', 'ExpirationTimestamp', 'EndedTimestamp'] as const;

const expires = (peek: Peek, now: number) => isPending(peek.State as HandshakeState) && now >= Number(peek.ExpirationTimestamp);
const retired = (peek: Peek, now: number) => typeof peek.EndedTimestamp === 'number' && now >= addSeconds(peek.EndedTimestamp, RETENTION_SECONDS);

// When time next changes a list of handshakes, as of its last sweep (service/memo.ts).
const NEXT_CHANGE = 'sweep:next';

/**
 * Applies expiry and retention at `now` (epoch seconds), touching only the handshakes time has
 * changed. Returns whether anything changed.
 */
export function sweep(state: OrgState, now: number, ids: IdGenerator): boolean {
  // Accounts that time creates and closes (organization.md ).
  const created = settleCreateAccountRequests(state, now);
  const accounts = settleClosures(state, now) || created;
  if (accounts) forgetAll(state);
  // Answers the responders give before their handshakes would expire (service/responders.ts).
  const answered = answerDue(state, now, ids);
  return sweepHandshakes(state, now, ids) || accounts || answered;
}

/** When time next changes a handshake of this peek: it expires, or it is deleted (Infinity: never). */
function changesAt(peek: Peek): number {
  let at = Infinity;
  if (isPending(peek.State as HandshakeState)) at = Math.min(at, Number(peek.ExpirationTimestamp));
  if (typeof peek.EndedTimestamp === 'number') at = Math.min(at, addSeconds(peek.EndedTimestamp, RETENTION_SECONDS));
  return at;
}

/**
 * After a change to the world: when time next changes its handshakes, from when it would have
 * before (`before`, for the handshakes as they were) and the handshakes the change may have
 * touched. A handshake removed can only make it later, so this is never too late, and the
 * next sweep that finds nothing due works it out exactly. Unknown when every item may have
 * changed (a plain array).
 */
export function carryNextChange(state: OrgState, before: number | undefined): void {
  const touched = touchedOf(state.Handshakes);
  if (before === undefined || !touched) return;
  let next = before;
  for (const record of touched) next = Math.min(next, changesAt(peekOf(record, TIMES)));
  rememberNumber(state.Handshakes, NEXT_CHANGE, next);
}

/** When time next changes the handshakes, as far as is known (for carryNextChange). */
export const nextChange = (state: OrgState): number | undefined => recallNumber(state.Handshakes, NEXT_CHANGE);

function sweepHandshakes(state: OrgState, now: number, ids: IdGenerator): boolean {
  const list = state.Handshakes;
  if (now < (recallNumber(list, NEXT_CHANGE) ?? -Infinity)) return false;
  let next = Infinity;
  const due = where(list, {
    keys: TIMES,
    test: (peek) => {
      if (expires(peek, now) || retired(peek, now)) return true;
      next = Math.min(next, changesAt(peek));
      return false;
    },
  });
  if (!due.length) {
    rememberNumber(list, NEXT_CHANGE, next);
    return false;
  }
  const lapsed: typeof due = [];
  for (const record of due) {
    const h = record.Handshake;
    if (isPending(h.State) && now >= h.ExpirationTimestamp) {
      // An all-features attempt that runs out is canceled as a whole: the parent expires, the
      // approvals still pending are canceled.
      h.State = isChild(record) ? HandshakeState.CANCELED : HandshakeState.EXPIRED;
      record.EndedTimestamp = h.ExpirationTimestamp;
      if (h.Action === ActionType.TRANSFER_RESPONSIBILITY) endTransfer(state, record, 'expire');
      lapsed.push(record);
    }
  }
  // In the order they lapsed, which is before anything a later call logs.
  lapsed.sort((a, b) => a.Handshake.ExpirationTimestamp - b.Handshake.ExpirationTimestamp);
  for (const record of lapsed) recordHandshakeEnded(state, ids, record, record.Handshake.ExpirationTimestamp, 'no answer in time');
  const gone = new Set(due.filter((r) => r.EndedTimestamp !== undefined && now >= addSeconds(r.EndedTimestamp, RETENTION_SECONDS)));
  removeItems(list, gone);
  forgetTransfers(state, [...gone]);
  for (const record of due) if (!gone.has(record)) next = Math.min(next, changesAt(peekOf(record, TIMES)));
  forgetAll(state);
  rememberNumber(state.Handshakes, NEXT_CHANGE, next);
  return true;
}
