// Calls the service in-process against the world in the state file, as the AWS CLI calls
// the service over the network: validate the request, run it, parse the response.
import type { Operation } from '../model/operations.js';
import { OrganizationsError } from '../model/errors.js';
import type { OrgState } from '../model/types.js';
import { ProfileNotFoundError } from '../errors/cli-errors.js';
import { nowSeconds, type Clock, type IdGenerator, type ServiceContext } from '../service/context.js';
import { needsSweep, sweep } from '../service/lifecycle.js';
import { invoke, type Outcome } from '../service/operations.js';
import type { Store } from '../store/store.js';
import { parseResponse } from './response.js';
import { validateParams } from './validate.js';

export class LocalClient {
  private snapshot: OrgState | undefined;

  constructor(
    private readonly store: Store,
    private readonly profile: string,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** The world as of this command; read once, swept (and the sweep saved) when time has moved on. */
  private world(): OrgState {
    if (!this.snapshot) {
      let state = this.store.read();
      const now = nowSeconds({ clock: this.clock });
      if (needsSweep(state, now)) state = this.store.transact((s) => ({ write: sweep(s, now), result: s }));
      this.snapshot = state;
    }
    return this.snapshot;
  }

  callerAccount(): string {
    const profile = this.world().Profiles.find((p) => p.Name === this.profile);
    if (!profile) throw new ProfileNotFoundError(this.profile);
    return profile.AccountId;
  }

  private context(): ServiceContext {
    return { caller: this.callerAccount(), clock: this.clock, ids: this.ids };
  }

  async call(op: Operation, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const ctx = this.context();
    validateParams(params, op.input);
    let outcome: Outcome;
    if (op.mutates) {
      outcome = this.store.transact((state) => {
        const result = invoke(state, op.name, params, ctx);
        return { write: result.write, result };
      });
      this.snapshot = undefined;
    } else {
      // Reads do not change the (already swept) snapshot.
      outcome = invoke(this.world(), op.name, params, ctx);
    }
    if ('error' in outcome) throw outcome.error;
    return parseResponse(outcome.output, op.output) as Record<string, unknown>;
  }
}

export function isServiceError(error: unknown): error is OrganizationsError {
  return error instanceof OrganizationsError;
}
