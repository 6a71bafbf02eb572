import { describe, expect, it } from 'vitest';
import { decodeStartingToken } from './resume-token.js';
import { formatJson, jsonPages } from '../output/json.js';
import { mergePages, paginate, type Page } from './paginate.js';

const paginator = { inputToken: 'NextToken', outputToken: 'NextToken', limitKey: 'MaxResults', resultKey: 'Items' };

/** A fake service over `n` numbered items, pages of `size` (or MaxResults). */
function service(n: number, size = 20) {
  const calls: Record<string, unknown>[] = [];
  const call = async (params: Record<string, unknown>): Promise<Page> => {
    calls.push({ ...params });
    const start = params.NextToken === undefined ? 0 : Number(String(params.NextToken).slice(1));
    const per = (params.MaxResults as number | undefined) ?? size;
    const items = Array.from({ length: Math.min(per, n - start) }, (_, i) => start + i);
    const page: Page = { Items: items };
    if (start + per < n) page.NextToken = `t${start + per}`;
    return page;
  };
  return { call, calls };
}

async function walk(n: number, maxItems: number) {
  const { call } = service(n);
  const batches: number[][] = [];
  let token: string | undefined;
  do {
    const result = await paginate(call, {}, paginator, { maxItems, startingToken: token });
    const merged = mergePages(result, paginator);
    batches.push(merged.Items as number[]);
    token = merged.NextToken as string | undefined;
  } while (token);
  return batches;
}

describe('paginate', () => {
  it('follows NextToken and merges the pages', async () => {
    const { call, calls } = service(45);
    const merged = mergePages(await paginate(call, {}, paginator, {}), paginator);
    expect(merged.Items).toHaveLength(45);
    expect(merged.NextToken).toBeUndefined();
    expect(calls.map((c) => c.NextToken)).toEqual([undefined, 't20', 't40']);
  });

  it('walks 45 items 7 at a time as 7,7,7,7,7,7,3 with no gaps or repeats', async () => {
    const batches = await walk(45, 7);
    expect(batches.map((b) => b.length)).toEqual([7, 7, 7, 7, 7, 7, 3]);
    expect(batches.flat()).toEqual(Array.from({ length: 45 }, (_, i) => i));
  });

  it('hands back the service token alone when --max-items ends exactly on a page boundary', async () => {
    const { call } = service(45);
    const result = await paginate(call, {}, paginator, { maxItems: 20 });
    expect(decodeStartingToken(result.resumeToken!, 'NextToken')).toEqual({ next: { NextToken: 't20' }, skip: 0 });
    expect(Buffer.from(result.resumeToken!, 'base64').toString()).toBe('{"NextToken": "t20"}');
  });

  it('--max-items 0 gives no items and a token; with no items at all, no token', async () => {
    expect((await paginate(service(3).call, {}, paginator, { maxItems: 0 })).resumeToken).toBe(
      'eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAwfQ==',
    );
    expect((await paginate(service(0).call, {}, paginator, { maxItems: 0 })).resumeToken).toBeUndefined();
  });

  it('--max-items -1 keeps all but the last item of the first page', async () => {
    const result = await paginate(service(5).call, {}, paginator, { maxItems: -1 });
    expect(result.pages[0]!.Items).toEqual([0, 1, 2, 3]);
  });

  it('--page-size sets MaxResults on every call', async () => {
    const { call, calls } = service(5);
    await paginate(call, {}, paginator, { pageSize: 2 });
    expect(calls.map((c) => c.MaxResults)).toEqual([2, 2, 2]);
  });
});

describe('a listing printed a page at a time (output/json.ts jsonPages)', () => {
  const printed = (pages: Page[], resumeToken?: string) => {
    let text = '';
    const stream = jsonPages(paginator.resultKey, paginator.outputToken, (piece) => (text += piece));
    for (const page of pages) stream.page(page);
    stream.end(resumeToken);
    return text;
  };
  const item = (i: number) => ({ Id: `h-${i}`, Name: 'Zoë 🙂 "quoted"\n', Parties: [{ Id: String(i), Type: 'ACCOUNT' }], Nested: { Empty: [], None: {} } });

  it('prints the bytes the merged response prints', async () => {
    const cases: [Page[], string?][] = [
      [[{ Items: [item(1), item(2)], NextToken: 't2' }, { Items: [item(3)] }]],
      [[{ Items: [] }]],
      [[{ Items: [] }, { Items: [item(1)] }, { Items: [] }]],
      [[{ Items: [item(1)], Other: { A: 1 }, Last: 'x', NextToken: 't' }, { Items: [item(2)], Other: 'second page: not printed' }]],
      [[{ Items: [item(1)], Other: [1, 2] }], 'resume'],
      [[{ Items: [] }], 'resume'],
      [[{ Other: 'no list', Items: undefined }, { Items: [item(4)] }]],
      [[{ Items: [1, 'two', null, true] }]],
    ];
    for (const [pages, resumeToken] of cases) {
      const copy = structuredClone(pages);
      expect(printed(pages, resumeToken)).toBe(formatJson(mergePages({ pages: copy, resumeToken }, paginator)));
    }
    // What the paginator hands over, page by page, as it walks 45 items with a cut at 33.
    const { call } = service(45, 7);
    const seen: Page[] = [];
    const result = await paginate(call, {}, paginator, { maxItems: 33, onPage: (page) => void seen.push(page) });
    expect(result.pages).toEqual([]);
    expect(printed(seen, result.resumeToken)).toBe(formatJson(mergePages({ pages: seen, resumeToken: result.resumeToken }, paginator)));
    expect(JSON.parse(printed(seen, result.resumeToken)).Items).toHaveLength(33);
  });
});
