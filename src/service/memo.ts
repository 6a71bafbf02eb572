// What the service works out from a world's lists and may reuse while they are unchanged: the
// pages of one listing (a command pages through one snapshot), the next time expiry is due (a
// server keeps its world in memory; a store keeps it with the stored list, for the next command).
// Keyed by the list itself; every mutation forgets it all.
import type { OrgState } from '../model/types.js';
import { forgetNotesOf, notedIn, noteIn } from './table.js';

const memos = new WeakMap<object, Map<string, unknown>>();

export function remembered<T>(list: object, key: string, compute: () => T): T {
  let map = memos.get(list);
  if (!map) memos.set(list, (map = new Map()));
  if (!map.has(key)) map.set(key, compute());
  return map.get(key) as T;
}

export function recall<T>(list: object, key: string): T | undefined {
  return memos.get(list)?.get(key) as T | undefined;
}

/** A number remembered for `list`, here or by the store that keeps it. */
export function recallNumber(list: unknown[], key: string): number | undefined {
  return recall<number>(list, key) ?? notedIn(list, key);
}

/** Remembers a number for `list` as it is now; a store keeps it with the list for as long as the list stays so. */
export function rememberNumber(list: unknown[], key: string, value: number): void {
  remember(list, key, value);
  noteIn(list, key, value);
}

export function remember(list: object, key: string, value: unknown): void {
  let map = memos.get(list);
  if (!map) memos.set(list, (map = new Map()));
  map.set(key, value);
}

/** A handler may change the world: nothing worked out before holds. */
export function forgetAll(state: OrgState): void {
  for (const list of [state.Handshakes, state.Accounts, state.Organizations]) {
    memos.delete(list);
    forgetNotesOf(list);
  }
}
