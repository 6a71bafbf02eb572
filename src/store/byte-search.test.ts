// The lines a search of the stored bytes picks are exactly those whose text mentions one of the
// strings as a whole JSON string, ignoring case, or holds an escape: whatever the chunk size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesOf, mentionOffsets } from './byte-search.js';
import { lineStarts } from './lazy-list.js';

const plain = fc.stringMatching(/^[A-Za-z0-9@._+-]{0,8}$/);
const line = fc.array(fc.oneof(plain, fc.constantFrom('juan@example.com', 'JUAN@Example.COM', 'h-00ab', 'x\\u00e9', 'juan@example.co', '"')), { maxLength: 4 }).map((strings) => JSON.stringify({ S: strings }));

function picked(text: string, strings: string[], chunk: number): number[] {
  const bytes = Buffer.from(text, 'latin1');
  const read = (from: number, to: number, into: Buffer) => {
    const n = bytes.copy(into, 0, from, Math.min(to, bytes.length));
    return into.subarray(0, n);
  };
  return [...linesOf(mentionOffsets(read, bytes.length, strings, chunk), lineStarts(bytes, 0, bytes.length))].sort((a, b) => a - b);
}

describe('a search of the stored bytes', () => {
  it('picks the lines that mention a string, ignoring case, or escape something', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.array(fc.oneof(plain, fc.constantFrom('juan@example.com', 'h-00AB')), { minLength: 1, maxLength: 2 }), fc.integer({ min: 1, max: 40 }), (lines, strings, chunk) => {
        const text = lines.join(',\n');
        const lower = strings.map((s) => `"${s.toLowerCase()}"`);
        const expected = lines.flatMap((l, i) => (lower.some((s) => l.toLowerCase().includes(s)) || l.includes('\\') ? [i] : []));
        expect(picked(text, strings, chunk)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
