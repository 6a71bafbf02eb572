// Faults: which calls they strike (the same seed, the same calls), and what a struck call answers.
import { describe, expect, it } from 'vitest';
import type { WorldFaults } from '../model/rehearsal.js';
import { describeRule, faultError, faultPage, faultRule, faultToken, FaultSpecError, parseFaultSpec, realToken, strike } from './faults.js';

const fresh = (seed = 's'): WorldFaults => ({ Seed: seed, Rules: [], Calls: 0, Matched: {} });
const call = { operation: 'ListAccounts', served: false };

describe('fault rules', () => {
  it('reads ORGSIM_FAULTS: kinds, settings, operations by CLI or API name, and the seed', () => {
    const spec = parseFaultSpec('throttle:rate=0.25,operations=accept-handshake+ListAccounts,type=Rate; empty-page:every=3; latency:ms=40; seed=42');
    expect(spec.seed).toBe('42');
    expect(spec.rules).toEqual([
      { Kind: 'throttle', Rate: 0.25, Operations: ['AcceptHandshake', 'ListAccounts'], Type: 'Rate' },
      { Kind: 'empty-page', Every: 3 },
      { Kind: 'latency', LatencyMs: 40, Every: 1 },
    ]);
    expect(spec.rules.map(describeRule)).toEqual(['throttle:rate=0.25,operations=AcceptHandshake+ListAccounts,type=Rate', 'empty-page:every=3', 'latency:every=1,ms=40']);
  });

  it.each([
    ['flood:rate=1', /unknown fault 'flood'/],
    ['throttle', /needs rate=<0..1> or every=<N>/],
    ['throttle:rate=1.5', /rate '1.5' must be a number from 0 to 1/],
    ['throttle:rate=0.1,every=2', /a rate or every, not both/],
    ['empty-page:rate=1', /below 1 for a page fault/],
    ['empty-page:every=1', /would never let a walk end/],
    ['conflict:every=2,type=X', /type= applies to throttle only/],
    ['throttle:every=2,operations=no-such-thing', /unknown operation 'no-such-thing'/],
    ['latency:every=1', /latency needs ms=/],
    ['throttle:often', /'often' in 'throttle:often' is not one of/],
  ])('refuses %s', (text, message) => {
    expect(() => parseFaultSpec(text)).toThrow(FaultSpecError);
    expect(() => parseFaultSpec(text)).toThrow(message);
  });

  it('strikes every Nth call it applies to, and only those operations', () => {
    const faults = fresh();
    const rules = [faultRule('throttle', { every: '2', operations: 'ListAccounts' })];
    const struck = [1, 2, 3, 4, 5, 6].map(() => strike(faults, rules, call, true).fault?.Kind ?? '-');
    expect(struck).toEqual(['-', 'throttle', '-', 'throttle', '-', 'throttle']);
    expect(strike(faults, rules, { ...call, operation: 'AcceptHandshake' }, false).fault).toBeUndefined();
    expect(faults.Calls).toBe(7);
  });

  it('draws a rate from the seed: the same seed strikes the same calls, another seed others', () => {
    const rules = [faultRule('throttle', { rate: '0.3' })];
    const run = (seed: string, given?: string) => {
      const faults = fresh(seed);
      return Array.from({ length: 200 }, () => (strike(faults, rules, call, true, given).fault ? 1 : 0)).join('');
    };
    expect(run('a')).toBe(run('a'));
    // A seed the process brings (ORGSIM_FAULTS's seed=) is drawn from instead of the world's.
    expect(run('a', 'b')).toBe(run('b'));
    expect(run('a')).not.toBe(run('b'));
    const share = run('a').split('').filter((c) => c === '1').length / 200;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
  });

  it('never lets a page fault answer two calls in a row, so every walk ends', () => {
    const faults = fresh();
    const rules = [faultRule('empty-page', { every: '2' }), faultRule('repeated-token', { every: '2' })];
    const kinds = Array.from({ length: 8 }, () => strike(faults, rules, { ...call, sent: 't', token: 't' }, true).fault?.Kind ?? '-');
    for (let i = 1; i < kinds.length; i++) expect(kinds[i] !== '-' && kinds[i - 1] !== '-').toBe(false);
    expect(kinds).toContain('empty-page');
  });

  it('answers a throttle with the service message and the Type asked for; a service error with 500', () => {
    const throttle = faultError(faultRule('throttle', { every: '1', type: 'RequestLimit' }))!;
    expect(throttle.code).toBe('TooManyRequestsException');
    expect(throttle.toFields()).toEqual({ Message: 'You have sent too many requests in too short a period of time. Try again later.', Type: 'RequestLimit' });
    expect(faultError(faultRule('service-error', { every: '1' }))!.httpStatus).toBe(500);
    expect(faultError(faultRule('conflict', { every: '1' }))!.code).toBe('ConcurrentModificationException');
  });

  it("gives an empty page a token of its own that leads back to where the walk stood; a repeated token is the client's", () => {
    const page = faultPage(faultRule('empty-page', { every: '2' }), 'Accounts', { ...call, sent: 'sent', token: 'real' }, 7);
    expect(page.Accounts).toEqual([]);
    expect(page.NextToken).not.toBe('real');
    expect(realToken({ NextToken: page.NextToken, MaxResults: 5 })).toEqual({ NextToken: 'real', MaxResults: 5 });
    expect(realToken({ NextToken: faultToken(undefined, 3) })).toEqual({});
    expect(faultToken('real', 3)).not.toBe(faultToken('real', 4));
    expect(faultPage(faultRule('repeated-token', { every: '2' }), 'Accounts', { ...call, sent: 'sent', token: 'real' }, 7).NextToken).toBe('sent');
    expect(realToken({ NextToken: 'someone-elses' })).toEqual({ NextToken: 'someone-elses' });
  });
});
