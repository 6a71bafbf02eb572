// The interface every store offers: read the world, or change it in one transaction.
import type { OrgState } from '../model/types.js';
import { storedListOf } from './lazy-list.js';

export interface Transaction<T> {
  /** Keep the state the function left behind. */
  write: boolean;
  result: T;
}

export interface Store {
  /** The current world, created from the initial world when none exists yet. */
  read(): OrgState;
  /** Lock, read, run `fn` on the state, write atomically if asked, unlock. */
  transact<T>(fn: (state: OrgState) => Transaction<T>): T;
  /** `transact` if the lock is free now; undefined while another writer holds it. */
  tryTransact?<T>(fn: (state: OrgState) => Transaction<T>): { result: T } | undefined;
  /** Whether a world already exists. */
  exists(): boolean;
}

/**
 * `state` will not be written (a read's snapshot, once time has done its part): what its lists
 * parse from now on is handed out frozen and not kept, so a read through every item holds little.
 */
export function readOnly(state: OrgState): OrgState {
  for (const value of Object.values(state)) storedListOf(value)?.keepNoMore();
  return state;
}
