// Every corpus expression answers as jmespath.py 1.0.1 answered it (recorded by
// scripts/record-jmespath-corpus.py): refused while compiling with the same text, or failing
// while searching with the same text, or the same result written as the CLI's JSON output writes it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../json.js';
import { compileQuery } from '../query.js';

interface Case {
  document: string;
  expression: string;
  compiles: boolean;
  error?: string;
  json?: string;
}
const corpus = JSON.parse(readFileSync(new URL('../../../test/fixtures/jmespath/corpus.json', import.meta.url), 'utf8')) as {
  documents: Record<string, unknown>;
  cases: Case[];
};

/** What this engine makes of a case, in the recording's terms. */
function answer(c: Case): Omit<Case, 'document' | 'expression'> {
  const compiled = compileQuery(c.expression);
  if ('syntaxError' in compiled) return { compiles: false, error: compiled.syntaxError };
  const found = compiled.search(structuredClone(corpus.documents[c.document]));
  if ('error' in found) return { compiles: true, error: found.error };
  return { compiles: true, json: formatJson(found.value, true).replace(/\n$/, '') || '{}' };
}

describe('the JMESPath corpus, as jmespath.py answers it', () => {
  it('holds at least 300 expressions, of each outcome', () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(300);
    expect(corpus.cases.some((c) => !c.compiles)).toBe(true);
    expect(corpus.cases.some((c) => c.compiles && c.error !== undefined)).toBe(true);
  });

  it.each(corpus.cases.map((c) => [`${c.document}: ${JSON.stringify(c.expression)}`, c] as const))('%s', (_name, c) => {
    const { document: _d, expression: _e, ...recorded } = c;
    expect(answer(c)).toEqual(recorded);
  });
});
