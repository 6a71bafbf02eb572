// The lines a search of the stored bytes picks are exactly those whose text mentions one of the
// strings as a whole JSON string, ignoring case, or holds an escape: whatever the chunk size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesOf, mentionOffsets, PASS_RUN } from './byte-search.js';
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

  it('reads a run of 64 KiB at a time into one buffer, and finds a string across two runs', () => {
    const lines = Array.from({ length: 8000 }, (_, i) => JSON.stringify({ Id: `i${i}`, Email: i % 2 ? 'juan@example.com' : 'JUAN@example.com' }));
    const bytes = Buffer.from(lines.join(',\n'), 'latin1');
    const needle = '"juan@example.com"';
    // Some occurrence starts in one run and ends in the next (this text is made so).
    const lower = Buffer.from(bytes.toString('latin1').toLowerCase(), 'latin1');
    const starts = lineStarts(bytes, 0, bytes.length);
    const across = starts.some((start) => {
      const at = lower.indexOf(needle, start);
      return Math.floor(at / PASS_RUN) !== Math.floor((at + needle.length - 1) / PASS_RUN);
    });
    expect(across).toBe(true);
    const reads: { length: number; into: Buffer }[] = [];
    const read = (from: number, to: number, into: Buffer) => {
      reads.push({ length: to - from, into });
      return into.subarray(0, bytes.copy(into, 0, from, Math.min(to, bytes.length)));
    };
    const found = linesOf(mentionOffsets(read, bytes.length, ['juan@example.com']), starts);
    expect(found.size).toBe(lines.length);
    // About 400 KB in runs: none more than 64 KiB and the string's overlap, all in one buffer.
    expect(reads.length).toBeGreaterThan(5);
    expect(Math.max(...reads.map((r) => r.length))).toBeLessThanOrEqual(PASS_RUN + needle.length - 1);
    expect(new Set(reads.map((r) => r.into)).size).toBe(1);
  });
});
