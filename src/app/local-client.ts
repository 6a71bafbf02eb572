// Calls the service in-process against the world in the state file, as the AWS CLI calls
// the service over the network: validate the request, run it (retrying as the AWS CLI's retry
// mode does), parse the response.
import type { Operation } from '../model/operations.js';
import type { OrgState } from '../model/types.js';
import type { Clock, IdGenerator } from '../service/context.js';
import { worldNow } from '../service/context.js';
import { readOnly, type Store } from '../store/store.js';
import { callerOf, CredentialsRejected, rejection, type Caller, type Credentials } from './credentials.js';
import { parseResponse } from './response.js';
import { currentWorld, lookUp, runCall } from './runner.js';
import { validateParams } from './validate.js';
import { serializeRequest } from './request.js';
import { loadHandler, type Outcome } from '../service/operations.js';
import type { ProcessFaults } from './rehearsal.js';
import { backoffSeconds, RETRY_LOGGER, RETRY_QUOTA, retryable, retryLines, type RetryPolicy } from './retry.js';

/** The account a profile stands for (orgsim's own commands that act as one). */
export function accountOfProfile(state: OrgState, profile: string): string {
  return callerOf(state, { profile }, 0).account;
}

/** How the client retries, and what it draws and waits with (tests and seeded runs choose). */
export interface ClientOptions {
  /** Read when the first call is made, as the AWS CLI reads it when it makes its client. */
  retries?: () => RetryPolicy;
  faults?: ProcessFaults;
  seed?: string;
  /** A number in [0, 1) for each backoff's jitter. */
  random?: () => number;
  sleep?: (seconds: number) => Promise<void>;
  /** Where --debug's lines go. */
  debug?: (logger: string, message: string) => void;
}

const NO_RETRIES: RetryPolicy = { mode: 'standard', maxAttempts: 1 };


export class LocalClient {
  private snapshot: OrgState | undefined;
  private quota = RETRY_QUOTA.initial;

  constructor(
    private readonly store: Store,
    private readonly credentials: Credentials,
    readonly clock: Clock,
    readonly ids: IdGenerator,
    private readonly options: ClientOptions = {},
  ) {}

  /** One world per command: the pages of a list come from the same snapshot. */
  world(): OrgState {
    return (this.snapshot ??= readOnly(currentWorld(this.store, this.clock, this.ids)));
  }

  caller(): Caller {
    const world = this.world();
    return callerOf(world, this.credentials, worldNow(world, this.clock) / 1000);
  }

  callerAccount(): string {
    return this.caller().account;
  }

  private attempt(op: Operation, params: Record<string, unknown>): Outcome {
    // The caller is looked up in the world the operation runs on: for a mutation, inside its
    // transaction, so a world replaced in between cannot make the profile act as another account.
    const call = { operation: op, input: params, caller: lookUp(this.credentials, this.clock), clock: this.clock, ids: this.ids, faults: this.options.faults, seed: this.options.seed };
    try {
      return runCall(this.store, call, op.mutates ? undefined : () => this.world());
    } catch (error) {
      throw error instanceof CredentialsRejected ? rejection(op.service, error) : error;
    } finally {
      if (op.mutates) this.snapshot = undefined;
    }
  }

  async call(op: Operation, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { maxAttempts } = this.options.retries?.() ?? NO_RETRIES;
    validateParams(params, op.input);
    params = serializeRequest(params, op.input) as Record<string, unknown>;
    await loadHandler(op.name);
    const log = (message: string) => this.options.debug?.(RETRY_LOGGER, message);
    let cost = 0;
    for (let attempt = 1; ; attempt++) {
      const outcome = this.attempt(op, params);
      // The attempts are counted first, whatever the answer (standard.py's StandardRetryConditions).
      const last = attempt >= maxAttempts;
      if (last) log(retryLines.maxAttempts(maxAttempts));
      if (!('error' in outcome)) {
        // The quota: a first-try success gives one back, a retried one what its retry took.
        this.quota = Math.min(RETRY_QUOTA.initial, this.quota + (cost || RETRY_QUOTA.noRetryIncrement));
        log(retryLines.notRetrying);
        return parseResponse(outcome.output, op.output) as Record<string, unknown>;
      }
      const error = outcome.error;
      if (last) error.retriesReached = attempt - 1;
      if (last || !retryable(error)) {
        log(retryLines.notRetrying);
        throw error;
      }
      if (this.quota < RETRY_QUOTA.retryCost) {
        log(retryLines.quotaReached);
        throw error;
      }
      this.quota -= cost = RETRY_QUOTA.retryCost;
      const seconds = backoffSeconds(attempt, (this.options.random ?? Math.random)());
      log(retryLines.retrying(seconds));
      await (this.options.sleep ?? ((s: number) => new Promise<void>((resolve) => setTimeout(resolve, s * 1000))))(seconds);
    }
  }
}
