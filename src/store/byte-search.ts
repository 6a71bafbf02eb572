// Finding JSON strings in stored bytes without decoding them: a command that asks which of many
// lines mention an e-mail address or an id reads the lines a chunk at a time and looks at the
// bytes, ignoring case as the table's questions do (model/table.ts mentionsAny).

const BACKSLASH = 0x5c;
const lower = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);

/** Offsets in `hay` [from, to) where `needle` (lower case ASCII) starts, ignoring ASCII case (Horspool's search). */
function eachFolded(hay: Uint8Array, from: number, to: number, needle: Uint8Array, found: (at: number) => void): void {
  const m = needle.length;
  const skip = new Int32Array(256).fill(m);
  for (let i = 0; i < m - 1; i++) {
    const c = needle[i]!;
    skip[c] = m - 1 - i;
    if (c >= 0x61 && c <= 0x7a) skip[c - 0x20] = m - 1 - i;
  }
  for (let at = from; at + m <= to; at += skip[hay[at + m - 1]!]!) {
    let j = m - 1;
    while (j >= 0 && lower(hay[at + j]!) === needle[j]) j--;
    if (j < 0) found(at);
  }
}

/**
 * How much of a list a pass over its stored bytes (a search, a column learned) holds at once: 64 KiB,
 * in one buffer it reuses. On the 2-core machine a page of memory touched for the first time costs
 * about 10 µs, as long as reading some 15 KB into memory already in use (720 KB in 64 KiB runs
 * took 0.47 ms); a run this small is read into memory in use, and the text decoded from it is one
 * of V8's young objects, whose memory is reused too. With half a megabyte and more, each run's text
 * took fresh memory (measured at 10,000 handshakes: the first list-handshakes-for-account after an
 * invitation on a copied world, which learns the columns it asks, took 205 ms, and 182 ms with
 * runs of 64 KiB).
 */
export const PASS_RUN = 1 << 16;

/**
 * Offsets in a section of `length` bytes where one of `strings` occurs as a whole JSON string
 * (ASCII, matched ignoring case), or where a backslash is (an escape may hide one), reading it
 * with `read` a chunk at a time into one buffer.
 */
export function mentionOffsets(read: (from: number, to: number, into: Buffer) => Buffer, length: number, strings: readonly string[], chunkBytes = PASS_RUN): number[] {
  const needles = strings.map((s) => Buffer.from(`"${s.toLowerCase()}"`, 'latin1'));
  const overlap = Math.max(0, ...needles.map((n) => n.length - 1));
  const chunk = Buffer.allocUnsafeSlow(chunkBytes + overlap);
  const offsets: number[] = [];
  for (let start = 0; start < length; start += chunkBytes) {
    const bytes = read(start, Math.min(length, start + chunkBytes + overlap), chunk);
    // A match that starts in the overlap is the next chunk's to find.
    const own = Math.min(bytes.length, chunkBytes);
    for (const needle of needles) eachFolded(bytes, 0, Math.min(bytes.length, own + needle.length - 1), needle, (at) => offsets.push(start + at));
    for (let at = bytes.indexOf(BACKSLASH); at !== -1 && at < own; at = bytes.indexOf(BACKSLASH, at + 1)) offsets.push(start + at);
  }
  return offsets;
}

/** The line (by `starts`, ascending) each offset falls in. */
export function linesOf(offsets: readonly number[], starts: readonly number[]): Set<number> {
  const lines = new Set<number>();
  for (const offset of offsets) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    lines.add(lo);
  }
  return lines;
}
