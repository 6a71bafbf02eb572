// A Store held in memory, for unit tests: same contract, no files.
import type { OrgState } from '../model/types.js';
import type { Store, Transaction } from './store.js';

export class MemoryStore implements Store {
  private state: OrgState | undefined;

  constructor(private readonly initial: () => OrgState, state?: OrgState) {
    this.state = state;
  }

  exists(): boolean {
    return this.state !== undefined;
  }

  read(): OrgState {
    this.state ??= this.initial();
    return structuredClone(this.state);
  }

  transact<T>(fn: (state: OrgState) => Transaction<T>): T {
    const working = this.read();
    const { write, result } = fn(working);
    if (write) this.state = working;
    return result;
  }
}
