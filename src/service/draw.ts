// Numbers drawn from a seed: the same seed and the same words give the same number, on every
// machine, so a rehearsal that failed can be run again exactly (faults, responders, retries).

/** A number in [0, 1) drawn from `seed` and `parts` (53 bits of a cyrb53-style hash). */
export function draw(seed: string, ...parts: (string | number)[]): number {
  const text = [seed, ...parts].join('\u0000');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)) / 2 ** 53;
}

/** A whole number from `low` to `high`, both included. */
export const drawBetween = (low: number, high: number, seed: string, ...parts: (string | number)[]) => low + Math.floor(draw(seed, ...parts) * (high - low + 1));
