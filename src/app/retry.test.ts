// The client retries as the AWS CLI v2's standard mode does: 3 attempts unless AWS_MAX_ATTEMPTS
// says, only throttling and transient errors, rand × min(2^(n−1), 20) seconds between them.
import { describe, expect, it } from 'vitest';
import { operationByName } from '../model/operations.js';
import type { OrgState } from '../model/types.js';
import { sampleWorld } from '../service/sample-world.js';
import { faultRule } from '../service/faults.js';
import { countingIds } from '../service/testing/ids.js';
import { LocalClient } from './local-client.js';
import { backoffSeconds, retryPolicy } from './retry.js';
import { MemoryStore } from './testing/memory-store.js';
import type { FaultRule } from '../model/rehearsal.js';

const T0 = Date.parse('2026-11-21T12:00:00Z');
const clock = { now: () => T0 };
const listAccounts = operationByName('ListAccounts')!;

function setUp(rules: FaultRule[], env: NodeJS.ProcessEnv = {}) {
  const state: OrgState = sampleWorld(T0 / 1000);
  state.Faults = { Seed: 'test', Rules: rules, Calls: 0, Matched: {} };
  const store = new MemoryStore(state);
  const lines: string[] = [];
  const waits: number[] = [];
  const client = new LocalClient(store, { profile: 'default' }, clock, countingIds, {
    retries: () => retryPolicy(env),
    random: () => 0.5,
    sleep: async (seconds) => void waits.push(seconds),
    debug: (logger, message) => lines.push(`${logger}: ${message}`),
  });
  const faultsLogged = () => store.state.Events.filter((e) => e.orgsimFault).length;
  return { store, client, lines, waits, faultsLogged };
}

describe('retries', () => {
  it('absorbs a throttle on every other call: the second attempt answers', async () => {
    const { client, waits, faultsLogged } = setUp([faultRule('throttle', { every: '2' })]);
    // Calls 2, 4 and 6 are struck; the retries (3, 5, 7) answer.
    for (let i = 0; i < 4; i++) await expect(client.call(listAccounts, {})).resolves.toHaveProperty('Accounts');
    expect(waits).toEqual([0.5, 0.5, 0.5]);
    expect(faultsLogged()).toBe(3);
  });

  it('gives up after 3 attempts, saying so, with the waits growing as 2^(n−1)', async () => {
    const { client, lines, waits, faultsLogged } = setUp([faultRule('throttle', { rate: '1' })]);
    const error = await client.call(listAccounts, {}).catch((e) => e);
    expect(error).toMatchObject({ code: 'TooManyRequestsException', retriesReached: 2 });
    expect(waits).toEqual([0.5, 1]);
    expect(faultsLogged()).toBe(3);
    expect(lines).toEqual([
      'botocore.retries.standard: Retry needed, retrying request after delay of: 0.5',
      'botocore.retries.standard: Retry needed, retrying request after delay of: 1.0',
      'botocore.retries.standard: Max attempts of 3 reached.',
      'botocore.retries.standard: Not retrying request.',
    ]);
  });

  it('honours AWS_MAX_ATTEMPTS, counting the first attempt', async () => {
    const { client, faultsLogged } = setUp([faultRule('throttle', { rate: '1' })], { AWS_MAX_ATTEMPTS: '5' });
    await expect(client.call(listAccounts, {})).rejects.toMatchObject({ retriesReached: 4 });
    expect(faultsLogged()).toBe(5);
    const once = setUp([faultRule('throttle', { rate: '1' })], { AWS_MAX_ATTEMPTS: '1' });
    await expect(once.client.call(listAccounts, {})).rejects.toMatchObject({ retriesReached: 0 });
    expect(once.faultsLogged()).toBe(1);
  });

  it('retries a service error (HTTP 500) but not a conflict, as the standard mode does', async () => {
    const service = setUp([faultRule('service-error', { every: '1' })]);
    await expect(service.client.call(listAccounts, {})).rejects.toMatchObject({ code: 'ServiceException', retriesReached: 2 });
    const conflict = setUp([faultRule('conflict', { every: '1' })]);
    const error = await conflict.client.call(listAccounts, {}).catch((e) => e);
    expect(error).toMatchObject({ code: 'ConcurrentModificationException' });
    expect(error.retriesReached).toBeUndefined();
    expect(conflict.faultsLogged()).toBe(1);
  });

  it('stops retrying when the retry quota of the process runs out (500, 5 a retry)', async () => {
    const { client, waits } = setUp([faultRule('throttle', { rate: '1' })], { AWS_MAX_ATTEMPTS: '1000' });
    await expect(client.call(listAccounts, {})).rejects.toMatchObject({ code: 'TooManyRequestsException' });
    expect(waits).toHaveLength(100);
  });

  it('reads the mode and the attempts as CLI v2 does, refusing legacy and what int() refuses', () => {
    expect(retryPolicy({})).toEqual({ mode: 'standard', maxAttempts: 3 });
    expect(retryPolicy({ AWS_RETRY_MODE: 'adaptive', AWS_MAX_ATTEMPTS: ' 7 ' })).toEqual({ mode: 'adaptive', maxAttempts: 7 });
    expect(() => retryPolicy({ AWS_RETRY_MODE: 'legacy' })).toThrow('Invalid value provided to "mode": "legacy" must be one of: "standard" or "adaptive"');
    expect(() => retryPolicy({ AWS_MAX_ATTEMPTS: '0' })).toThrow('Value provided to "max_attempts": 0 must be an integer greater than or equal to one.');
    expect(() => retryPolicy({ AWS_MAX_ATTEMPTS: 'x' })).toThrow("invalid literal for int() with base 10: 'x'");
  });

  it('waits rand × min(2^(n−1), 20) seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffSeconds(n, 1))).toEqual([1, 2, 4, 8, 16, 20, 20]);
  });
});

describe('a rehearsed call', () => {
  it('counts a read in the world, and keeps nothing else the read did', async () => {
    const { client, store } = setUp([faultRule('throttle', { every: '100' })]);
    await client.call(listAccounts, {});
    expect(store.state.Faults!.Calls).toBe(1);
    expect(store.state.Events).toHaveLength(0);
  });

  it('moves world time by the step with every call', async () => {
    const { client, store } = setUp([]);
    delete store.state.Faults;
    store.state.ClockStepSeconds = 3600;
    await client.call(listAccounts, {});
    await client.call(listAccounts, {});
    expect(store.state.ClockOffsetMs).toBe(2 * 3600 * 1000);
  });

  it('keeps nothing of a mutation the service refused, not even its count', async () => {
    const { client, store } = setUp([faultRule('throttle', { every: '100' })]);
    await expect(client.call(operationByName('AcceptHandshake')!, { HandshakeId: 'h-0000000000000000000000000000dead' })).rejects.toMatchObject({ code: 'HandshakeNotFoundException' });
    expect(store.state.Faults!.Calls).toBe(0);
  });
});
