// What a service operation receives besides the state and the request.

export interface Clock {
  /** Milliseconds since the epoch, in world time. */
  now(): number;
  /** A clock that follows the world's own offset reads it here before every operation. */
  attach?(state: { ClockOffsetMs?: number }): void;
}

/** Ids are derived from the world's sequence number, so that a seeded generator repeats itself. */
export interface IdGenerator {
  handshakeId(sequence: number): string;
  eventId(sequence: number): string;
}

export interface ServiceContext {
  /** The account ID of the caller (the profile's account). */
  caller: string;
  clock: Clock;
  ids: IdGenerator;
}

export const DAY_SECONDS = 86400;

export function nowSeconds(ctx: { clock: Clock }): number {
  return ctx.clock.now() / 1000;
}

/** Adds whole seconds to a wire timestamp without floating-point drift in the millisecond fraction. */
export function addSeconds(timestamp: number, seconds: number): number {
  return Math.round(timestamp * 1000 + seconds * 1000) / 1000;
}

export function fixedClock(epochMs: number): Clock {
  return { now: () => epochMs };
}
