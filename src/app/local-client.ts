// Calls the service in-process against the world in the state file, as the AWS CLI calls
// the service over the network: validate the request, run it, parse the response.
import type { Operation } from '../model/operations.js';
import type { OrgState } from '../model/types.js';
import type { Clock, IdGenerator } from '../service/context.js';
import { worldNow } from '../service/context.js';
import type { Store } from '../store/store.js';
import { callerOf, CredentialsRejected, rejection, type Caller, type Credentials } from './credentials.js';
import { parseResponse } from './response.js';
import { currentWorld, lookUp, runCall } from './runner.js';
import { validateParams } from './validate.js';
import { serializeRequest } from './request.js';
import { loadHandler } from '../service/operations.js';

/** The account a profile stands for (orgsim's own commands that act as one). */
export function accountOfProfile(state: OrgState, profile: string): string {
  return callerOf(state, { profile }, 0).account;
}

export class LocalClient {
  private snapshot: OrgState | undefined;

  constructor(
    private readonly store: Store,
    private readonly credentials: Credentials,
    readonly clock: Clock,
    readonly ids: IdGenerator,
  ) {}

  /** One world per command: the pages of a list come from the same snapshot. */
  world(): OrgState {
    return (this.snapshot ??= currentWorld(this.store, this.clock, this.ids));
  }

  caller(): Caller {
    const world = this.world();
    return callerOf(world, this.credentials, worldNow(world, this.clock) / 1000);
  }

  callerAccount(): string {
    return this.caller().account;
  }

  async call(op: Operation, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    validateParams(params, op.input);
    params = serializeRequest(params, op.input) as Record<string, unknown>;
    await loadHandler(op.name);
    // The caller is looked up in the world the operation runs on: for a mutation, inside its
    // transaction, so a world replaced in between cannot make the profile act as another account.
    let outcome;
    try {
      outcome = runCall(this.store, { operation: op, input: params, caller: lookUp(this.credentials, this.clock), clock: this.clock, ids: this.ids }, op.mutates ? undefined : () => this.world());
    } catch (error) {
      throw error instanceof CredentialsRejected ? rejection(op.service, error) : error;
    }
    if (op.mutates) this.snapshot = undefined;
    if ('error' in outcome) throw outcome.error;
    return parseResponse(outcome.output, op.output) as Record<string, unknown>;
  }
}
