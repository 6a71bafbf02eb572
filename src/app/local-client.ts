// Calls the service in-process against the world in the state file, as the AWS CLI calls
// the service over the network: validate the request, run it, parse the response.
import type { Operation } from '../model/operations.js';
import type { OrgState } from '../model/types.js';
import { ProfileNotFoundError } from '../errors/classes.js';
import type { Clock, IdGenerator } from '../service/context.js';
import type { Store } from '../store/store.js';
import { parseResponse } from './response.js';
import { currentWorld, runCall } from './runner.js';
import { validateParams } from './validate.js';

export function accountOfProfile(state: OrgState, profile: string): string {
  const found = state.Profiles.find((p) => p.Name === profile);
  if (!found) throw new ProfileNotFoundError(profile);
  return found.AccountId;
}

export class LocalClient {
  private snapshot: OrgState | undefined;

  constructor(
    private readonly store: Store,
    private readonly profile: string,
    readonly clock: Clock,
    readonly ids: IdGenerator,
  ) {}

  /** One world per command: the pages of a list come from the same snapshot. */
  world(): OrgState {
    return (this.snapshot ??= currentWorld(this.store, this.clock));
  }

  callerAccount(): string {
    return accountOfProfile(this.world(), this.profile);
  }

  async call(op: Operation, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    validateParams(params, op.input);
    // The caller is looked up in the world the operation runs on: for a mutation, inside its
    // transaction, so a world replaced in between cannot make the profile act as another account.
    const outcome = runCall(
      this.store,
      { operation: op, input: params, caller: (state) => accountOfProfile(state, this.profile), clock: this.clock, ids: this.ids },
      op.mutates ? undefined : () => this.world(),
    );
    if (op.mutates) this.snapshot = undefined;
    if ('error' in outcome) throw outcome.error;
    return parseResponse(outcome.output, op.output) as Record<string, unknown>;
  }
}
