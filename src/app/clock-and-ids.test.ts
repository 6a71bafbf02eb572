import { describe, expect, it } from 'vitest';
import { idsFromEnv, randomIds } from './clock-and-ids.js';

describe('ids', () => {
  it('random: handshake ids of the service form and version 4 UUIDs, never twice', () => {
    const handshakes = new Set(Array.from({ length: 2000 }, () => randomIds.handshakeId(0)));
    const events = new Set(Array.from({ length: 2000 }, () => randomIds.eventId(0)));
    expect(handshakes.size).toBe(2000);
    expect(events.size).toBe(2000);
    for (const id of handshakes) expect(id).toMatch(/^h-[0-9a-f]{32}$/);
    for (const id of events) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('seeded: the same seed gives the same ids', () => {
    const a = idsFromEnv({ ORGSIM_SEED: 's' });
    const b = idsFromEnv({ ORGSIM_SEED: 's' });
    expect(a.handshakeId(7)).toBe(b.handshakeId(7));
    expect(a.eventId(7)).not.toBe(idsFromEnv({ ORGSIM_SEED: 't' }).eventId(7));
  });
});
