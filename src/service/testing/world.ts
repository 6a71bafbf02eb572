// Helpers for service unit tests: the sample world, a clock the test moves, predictable ids.
import type { OrgState } from '../../model/types.js';
import { invoke, loadHandlers } from '../operations.js';
import type { ServiceContext } from '../context.js';
import { sampleWorld } from '../sample-world.js';
import { countingIds } from './ids.js';
import type { Principal } from '../identity.js';

// Service tests call every operation: the handlers the CLI loads on demand are loaded once here.
await loadHandlers();

export const T0 = Date.parse('2026-11-21T12:00:00Z');
export const DAY_MS = 86_400_000;

export const BILL = '111111111111';
export const JUAN = '222222222222';
export const ANIKA = '333333333333';
export const SUSAN = '444444444444';

export class TestWorld {
  state: OrgState;
  now = T0;

  constructor() {
    this.state = sampleWorld(T0 / 1000);
  }

  ctx(caller: string): ServiceContext {
    return {
      caller,
      clock: { now: () => this.now, pinned: true },
      ids: countingIds,
    };
  }

  advanceDays(days: number): void {
    this.now += days * DAY_MS;
  }

  /** Runs an operation; returns the output, or throws the service error. */
  call(operation: string, caller: string, input: Record<string, unknown> = {}): any {
    const outcome = invoke(this.state, operation, input, this.ctx(caller));
    if ('error' in outcome) throw outcome.error;
    return outcome.output;
  }

  /** Runs an operation signed by `principal` (STS's view of the caller); returns the output, or throws. */
  callAs(operation: string, principal: Principal, input: Record<string, unknown> = {}): any {
    const outcome = invoke(this.state, operation, input, { ...this.ctx(principal.Account), principal });
    if ('error' in outcome) throw outcome.error;
    return outcome.output;
  }

  /** The error code (and reason) an operation fails with, or 'ok'. */
  outcome(operation: string, caller: string, input: Record<string, unknown> = {}): string {
    const outcome = invoke(this.state, operation, input, this.ctx(caller));
    if (!('error' in outcome)) return 'ok';
    return outcome.error.reason ? `${outcome.error.code}:${outcome.error.reason}` : outcome.error.code;
  }

  invite(target: { Id: string; Type: string }, extra: Record<string, unknown> = {}): string {
    return this.call('InviteAccountToOrganization', BILL, { Target: target, ...extra }).Handshake.Id;
  }

  /** The sample world with juan accepted into bill's organization. */
  static withJuan(): TestWorld {
    const world = new TestWorld();
    world.call('AcceptHandshake', JUAN, { HandshakeId: world.invite({ Id: JUAN, Type: 'ACCOUNT' }) });
    return world;
  }

  /** The sample organization as CONSOLIDATED_BILLING with `members` invited members already in. */
  static consolidatedBilling(members: string[]): TestWorld {
    const world = new TestWorld();
    world.state.Organizations[0]!.FeatureSet = 'CONSOLIDATED_BILLING';
    world.state.Organizations[0]!.Quotas.Accounts = 100;
    for (const id of members) {
      if (!world.state.Accounts.some((a) => a.Id === id)) world.addStandalone(id, `${id}@example.com`);
      const account = world.state.Accounts.find((a) => a.Id === id)!;
      Object.assign(account, { OrganizationId: 'o-exampleorgid', JoinedMethod: 'INVITED', JoinedTimestamp: T0 / 1000 });
    }
    return world;
  }

  addStandalone(Id: string, Email: string): void {
    this.state.Accounts.push({ Id, Name: Id, Email, State: 'ACTIVE', CreatedTimestamp: T0 / 1000, Tags: [] });
  }
}
