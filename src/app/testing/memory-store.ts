// A Store in memory, for tests of the app layer: a transaction works on a copy and keeps it only
// when asked, as the file store does.
import type { OrgState } from '../../model/types.js';
import type { Store, Transaction } from '../../store/store.js';

export class MemoryStore implements Store {
  constructor(public state: OrgState) {}

  read(): OrgState {
    return structuredClone(this.state);
  }

  transact<T>(fn: (state: OrgState) => Transaction<T>): T {
    const copy = structuredClone(this.state);
    const done = fn(copy);
    if (done.write) this.state = copy;
    return done.result;
  }

  exists(): boolean {
    return true;
  }
}
