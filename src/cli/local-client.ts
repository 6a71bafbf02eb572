// Calls the service in-process against the world in the state file, as the AWS CLI calls
// the service over the network: validate the request, run it, parse the response.
import type { Operation } from '../model/operations.js';
import type { OrgState } from '../model/types.js';
import { ProfileNotFoundError } from '../errors/cli-errors.js';
import type { Clock, IdGenerator, ServiceContext } from '../service/context.js';
import { currentWorld, runOperation } from '../service/runner.js';
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

  /** One world per command: the pages of a list come from the same snapshot. */
  private world(): OrgState {
    return (this.snapshot ??= currentWorld(this.store, this.clock));
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
    const outcome = runOperation(this.store, op, params, ctx, op.mutates ? undefined : this.world());
    if (op.mutates) this.snapshot = undefined;
    if ('error' in outcome) throw outcome.error;
    return parseResponse(outcome.output, op.output) as Record<string, unknown>;
  }
}
