// What a service operation receives besides the state and the request.
import { rootPrincipal, type Principal } from './identity.js';

export interface Clock {
  /** Milliseconds since the epoch: the machine's time, or the time the clock is pinned to. */
  now(): number;
  /** A pinned clock (ORGSIM_NOW, a test's clock) ignores the world's own offset. */
  pinned?: boolean;
}

/** World time in milliseconds: the clock plus the offset the world keeps (orgsim clock). */
export function worldNow(state: { ClockOffsetMs?: number }, clock: Clock): number {
  return clock.pinned ? clock.now() : clock.now() + (state.ClockOffsetMs ?? 0);
}

/** A clock that reads `state`'s world time, for the handlers of one operation. */
export function worldClock(state: { ClockOffsetMs?: number }, clock: Clock): Clock {
  return { now: () => worldNow(state, clock), pinned: true };
}

/** Ids are derived from the world's sequence number, so that a seeded generator repeats itself. */
export interface IdGenerator {
  handshakeId(sequence: number): string;
  eventId(sequence: number): string;
  /** `ou-<the root's suffix>-<8 lowercase letters and digits>` (organization.md R-161). */
  organizationalUnitId(sequence: number, rootId: string): string;
  /** `o-<10 lowercase letters and digits>` (semantics R-2) and its root, `r-<4 of them>` (organization.md R-160). */
  organizationId(sequence: number): { organizationId: string; rootId: string };
  /** Temporary credentials (organization.md R-249): `ASIA` + 16, a 40-character secret, an opaque token. */
  credentials(sequence: number): { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
  /** `p-` + 8 lowercase letters and digits (organization.md R-218). */
  policyId(sequence: number): string;
  /** A new account's 12 digits. */
  accountId(sequence: number): string;
  /** `car-` + 32 lowercase letters and digits. */
  createAccountRequestId(sequence: number): string;
  /** `rt-` + 32 lowercase hex digits (transfer-and-delegation.md R-110, a proposal). */
  responsibilityTransferId(sequence: number): string;
}

export interface ServiceContext {
  /** The account ID of the caller (the profile's account). */
  caller: string;
  /** Who in that account signs the call (GetCallerIdentity, AssumeRole); absent: the account's root user. */
  principal?: Principal;
  clock: Clock;
  ids: IdGenerator;
}

export { DAY_SECONDS } from '../model/limits.js';

export function callerPrincipal(ctx: ServiceContext): Principal {
  return ctx.principal ?? rootPrincipal(ctx.caller);
}

export function nowSeconds(ctx: { clock: Clock }): number {
  return ctx.clock.now() / 1000;
}

/** Adds whole seconds to a wire timestamp without floating-point drift in the millisecond fraction. */
export function addSeconds(timestamp: number, seconds: number): number {
  return Math.round(timestamp * 1000 + seconds * 1000) / 1000;
}
