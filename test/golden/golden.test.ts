// Every output format against the AWS CLI's own bytes (recorded by scripts/record-goldens.py).
process.env.TZ = 'UTC';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseResponse } from '../../src/app/response.js';
import { compileQueryOption as compileQuery } from '../../src/cli/printer.js';
import { render, type OutputFormat } from '../../src/output/render.js';

const dir = new URL('./', import.meta.url);
const goldens = JSON.parse(readFileSync(new URL('outputs.json', dir), 'utf8')) as Record<string, { stdout: string }>;

const CASES: Record<string, { title: string; shape: string }> = {
  empty: { title: 'ListHandshakesForOrganization', shape: 'ListHandshakesForOrganizationResponse' },
  one: { title: 'DescribeHandshake', shape: 'DescribeHandshakeResponse' },
  many: { title: 'ListHandshakesForOrganization', shape: 'ListHandshakesForOrganizationResponse' },
  organization: { title: 'DescribeOrganization', shape: 'DescribeOrganizationResponse' },
  accounts: { title: 'ListAccounts', shape: 'ListAccountsResponse' },
};

const rows = Object.keys(goldens).map((key) => {
  const [name, format, query, color] = key.split('|') as [string, OutputFormat, string, string];
  return { key, name, format, query, color };
});

describe('output goldens recorded from the AWS CLI', () => {
  it('cover every format, with and without queries', () => {
    expect(new Set(rows.map((r) => r.format))).toEqual(new Set(['json', 'text', 'table', 'yaml', 'yaml-stream']));
    expect(rows.length).toBeGreaterThanOrEqual(100);
  });

  it.each(rows)('$key', async ({ key, name, format, query, color }) => {
    const wire = JSON.parse(readFileSync(new URL(`responses/${name}.json`, dir), 'utf8'));
    const { title, shape } = CASES[name]!;
    const value = parseResponse(wire, shape);
    const out = await render(value, {
      format,
      title,
      query: query ? await compileQuery(query) : undefined,
      color: color === 'on',
      width: 80,
    });
    expect(out).toBe(goldens[key]!.stdout);
  });
});
