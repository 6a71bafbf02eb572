// The runner reads the world once per mutation and finds the caller in that same world.
import { describe, expect, it } from 'vitest';
import type { OrgState } from '../model/types.js';
import type { Store, Transaction } from '../store/store.js';
import { sampleWorld } from '../service/sample-world.js';
import { LocalClient } from './local-client.js';
import { operationByName } from '../model/operations.js';
import { countingIds } from '../service/testing/ids.js';

const T0 = Date.parse('2026-11-21T12:00:00Z');
const clock = { now: () => T0, pinned: true };
const ids = countingIds;

/** A store whose world is replaced (default remapped to juan) between a read and the next transaction. */
class SwappingStore implements Store {
  reads = 0;
  transactions = 0;
  constructor(
    private before: OrgState,
    private after: OrgState,
  ) {}
  read(): OrgState {
    this.reads++;
    return structuredClone(this.before);
  }
  transact<T>(fn: (state: OrgState) => Transaction<T>): T {
    this.transactions++;
    return fn(this.after).result;
  }
  exists(): boolean {
    return true;
  }
}

describe('LocalClient', () => {
  it('resolves the caller inside the transaction of a mutation, reading the world once', async () => {
    const before = sampleWorld(T0 / 1000);
    const after = sampleWorld(T0 / 1000);
    after.Profiles.find((p) => p.Name === 'default')!.AccountId = '222222222222';
    const store = new SwappingStore(before, after);
    const client = new LocalClient(store, { profile: 'default' }, clock, ids);
    const invite = operationByName('InviteAccountToOrganization')!;
    // As juan (a standalone account) the invitation is refused: the caller came from the transaction's world.
    await expect(client.call(invite, { Target: { Id: '333333333333', Type: 'ACCOUNT' } })).rejects.toMatchObject({ code: 'AWSOrganizationsNotInUseException' });
    expect(store.reads).toBe(0);
    expect(store.transactions).toBe(1);
  });

  it('validates the request before it looks for the profile', async () => {
    const store = new SwappingStore(sampleWorld(T0 / 1000), sampleWorld(T0 / 1000));
    const client = new LocalClient(store, { profile: 'nobody' }, clock, ids);
    await expect(client.call(operationByName('AcceptHandshake')!, {})).rejects.toThrow('Missing required parameter in input: "HandshakeId"');
    await expect(client.call(operationByName('AcceptHandshake')!, { HandshakeId: 'h-123456789' })).rejects.toThrow('The config profile (nobody) could not be found');
  });
});
