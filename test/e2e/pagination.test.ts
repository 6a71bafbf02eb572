import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from './helpers.js';

let box: Sandbox;
const sent: string[] = [];
beforeAll(async () => {
  box = new Sandbox();
  await box.run(['quota', 'set', '--accounts', '100', '--invitations-per-day', '100']);
  for (let i = 0; i < 25; i++) {
    const at = `2026-11-21T12:00:${String(i).padStart(2, '0')}Z`;
    sent.push(await box.invite(`Id=user${i}@example.com,Type=EMAIL`, { ORGSIM_NOW: at }));
  }
});
afterAll(() => box.cleanup());

const NOW = { ORGSIM_NOW: '2026-11-21T13:00:00Z' };
const newestFirst = () => [...sent].reverse();

describe('pagination over 25 handshakes', () => {
  it('lists everything by default, merging the service pages', async () => {
    const out = await box.json(['organizations', 'list-handshakes-for-organization'], NOW);
    expect(out.Handshakes.map((h: { Id: string }) => h.Id)).toEqual(newestFirst());
    expect(out.NextToken).toBeUndefined();
  });

  it('--max-items 2 walked to the end with --starting-token: no duplicates, no gaps', async () => {
    const seen: string[] = [];
    const tokens: string[] = [];
    let token: string | undefined;
    for (;;) {
      const args = ['organizations', 'list-handshakes-for-organization', '--max-items', '2'];
      if (token) args.push('--starting-token', token);
      const out = await box.json(args, NOW);
      seen.push(...out.Handshakes.map((h: { Id: string }) => h.Id));
      token = out.NextToken;
      if (!token) break;
      tokens.push(token);
    }
    expect(seen).toEqual(newestFirst());
    expect(tokens).toHaveLength(12);
    expect(Buffer.from(tokens[0]!, 'base64').toString()).toBe('{"NextToken": null, "boto_truncate_amount": 2}');
    // The walk crosses the service page boundary at 20 with a token that names the service page.
    expect(Buffer.from(tokens[9]!, 'base64').toString()).toMatch(/^\{"NextToken": "[^"]+"\}$/);
  });

  it('--page-size changes the calls, not the merged JSON', async () => {
    const plain = await box.run(['list-handshakes-for-organization'], NOW);
    const paged = await box.run(['list-handshakes-for-organization', '--page-size', '3'], NOW);
    expect(paged).toEqual(plain);
  });

  it('--no-paginate makes one call and prints the service token raw', async () => {
    const out = await box.json(['list-handshakes-for-organization', '--no-paginate'], NOW);
    expect(out.Handshakes).toHaveLength(20);
    const next = await box.json(['list-handshakes-for-organization', '--no-paginate', '--next-token', out.NextToken], NOW);
    expect(next.Handshakes.map((h: { Id: string }) => h.Id)).toEqual(newestFirst().slice(20));
  });

  it('--max-items larger than the total prints everything and no token', async () => {
    const out = await box.json(['list-handshakes-for-organization', '--max-items', '50'], NOW);
    expect(out.Handshakes).toHaveLength(25);
    expect(out.NextToken).toBeUndefined();
  });

  it('list-handshakes-for-account pages the same way', async () => {
    const out = await box.json(['--profile', 'juan', 'list-handshakes-for-account', '--max-items', '1'], NOW);
    expect(out).toEqual({ Handshakes: [] });
  });
});
