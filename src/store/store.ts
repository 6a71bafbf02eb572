// The interface every store offers: read the world, or change it in one transaction.
import type { OrgState } from '../model/types.js';

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
