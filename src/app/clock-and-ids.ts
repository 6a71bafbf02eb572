// The clock and id source of a real run. The machine's time, unless ORGSIM_NOW pins it (the
// world's own offset is added by the service: see worldNow). ORGSIM_SEED makes ids repeatable.
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Clock, IdGenerator } from '../service/context.js';
import { ConfigurationError } from '../errors/classes.js';

export function pinnedTime(env: NodeJS.ProcessEnv): number | undefined {
  const pinned = env.ORGSIM_NOW;
  if (pinned === undefined || pinned === '') return undefined;
  const ms = Date.parse(pinned);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(pinned)) throw new ConfigurationError(`ORGSIM_NOW is not an ISO-8601 time: ${pinned}`);
  return ms;
}

/**
 * ORGSIM_REPLAY=SEED, the one switch for a run that repeats itself byte for byte: ids and every
 * draw come from SEED, and the machine's clock is left out. World time starts at REPLAY_START
 * (or at ORGSIM_NOW) and moves only as the world's clock is moved (orgsim clock, its step).
 */
export const REPLAY_START = '2026-01-01T00:00:00Z';

export function seedFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  return env.ORGSIM_REPLAY || env.ORGSIM_SEED || undefined;
}

export function systemClock(env: NodeJS.ProcessEnv): Clock {
  const pinned = pinnedTime(env);
  if (env.ORGSIM_REPLAY) {
    const start = pinned ?? Date.parse(REPLAY_START);
    return { now: () => start };
  }
  return pinned === undefined ? { now: () => Date.now() } : { now: () => pinned, pinned: true };
}

/** node:crypto is loaded only for seeded ids: loading it on every start-up would cost every command. */
function seeded(seed: string, kind: string, sequence: number): string {
  const { createHash } = createRequire('/')('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(`${seed}:${kind}:${sequence}`).digest('hex');
}

/** 32 hex digits laid out as a version 4 UUID, with `variant` as the variant digit. */
function uuid(hex: string, variant: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function idsFromEnv(env: NodeJS.ProcessEnv): IdGenerator {
  const seed = seedFromEnv(env);
  if (seed === undefined) return randomIds;
  return {
    handshakeId: (n) => 'h-' + seeded(seed, 'handshake', n).slice(0, 32),
    eventId: (n) => uuid(seeded(seed, 'event', n), 'a'),
    organizationalUnitId: (n, rootId) => `ou-${rootId.slice(2)}-${seeded(seed, 'ou', n).slice(0, 8)}`,
    organizationId: (n) => {
      const hex = seeded(seed, 'organization', n);
      return { organizationId: `o-${hex.slice(0, 10)}`, rootId: `r-${hex.slice(10, 14)}` };
    },
    credentials: (n) => credentialsFrom((part) => seeded(seed, `credentials${part}`, n)),
    accountId: (n) => digitsFrom(seeded(seed, 'account', n)),
    policyId: (n) => `p-${seeded(seed, 'policy', n).slice(0, 8)}`,
    createAccountRequestId: (n) => 'car-' + seeded(seed, 'create-account', n).slice(0, 32),
    responsibilityTransferId: (n) => 'rt-' + seeded(seed, 'responsibility-transfer', n).slice(0, 32),
  };
}

const UPPER_AND_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Characters of `alphabet` drawn from hex digits, two digits a character. */
const spell = (hex: string, alphabet: string) => Array.from(hex.match(/../g)!, (pair) => alphabet[parseInt(pair, 16) % alphabet.length]).join('');

/** Credentials spelled from 32-hex-digit parts (seeded or random). */
function credentialsFrom(part: (n: number) => string): { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } {
  const hex = (from: number, count: number) => Array.from({ length: count }, (_, i) => part(from + i).slice(0, 32)).join('');
  return {
    AccessKeyId: 'ASIA' + spell(hex(0, 1), UPPER_AND_DIGITS),
    SecretAccessKey: spell(hex(1, 3), SECRET).slice(0, 40),
    // Real tokens are several hundred base64 characters; scripts only pass them on.
    SessionToken: 'IQoJb3JpZ2luX2VjE' + spell(hex(4, 12), SECRET),
  };
}

/** 12 digits from hex digits; never a leading zero, as AWS account ids in practice have none. */
const digitsFrom = (hex: string) => String(1 + (parseInt(hex.slice(0, 2), 16) % 9)) + Array.from(hex.slice(2, 24).match(/../g)!, (p) => parseInt(p, 16) % 10).join('');

/**
 * 16 random bytes from the kernel. Loading node:crypto (or the global Web Crypto) costs about
 * 5 ms of every mutation's start-up (docs/architecture.md); reading /dev/urandom costs nothing.
 * Where there is none (Windows), node:crypto it is.
 */
function randomBytes16(): Uint8Array {
  const bytes = new Uint8Array(16);
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      if (readSync(fd, bytes, 0, 16, null) === 16) return bytes;
    } finally {
      closeSync(fd);
    }
  } catch {
    /* no /dev/urandom here */
  }
  return (createRequire('/')('node:crypto') as typeof import('node:crypto')).randomFillSync(bytes);
}

function randomHex(): string {
  return Array.from(randomBytes16(), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A seed for draws nobody gave one for (kept with what it drew, so that it can be given again). */
export const freshSeed = () => randomHex().slice(0, 8);

/** A version 4 UUID, as crypto.randomUUID makes them. */
function randomUuid(): string {
  const hex = randomHex();
  return uuid(hex, ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16));
}

const LETTERS_AND_DIGITS = 'abcdefghijklmnopqrstuvwxyz0123456789';

// 256 is not a multiple of 36: the first letters are a little likelier, which ids need not mind.
const lettersAndDigits = (count: number) => Array.from(randomBytes16().slice(0, count), (b) => LETTERS_AND_DIGITS[b % 36]).join('');

export const randomIds: IdGenerator = {
  handshakeId: () => 'h-' + randomHex(),
  eventId: randomUuid,
  organizationalUnitId: (_n, rootId) => `ou-${rootId.slice(2)}-${lettersAndDigits(8)}`,
  organizationId: () => ({ organizationId: `o-${lettersAndDigits(10)}`, rootId: `r-${lettersAndDigits(4)}` }),
  credentials: () => credentialsFrom(randomHex),
  accountId: () => digitsFrom(randomHex()),
  policyId: () => `p-${lettersAndDigits(8)}`,
  createAccountRequestId: () => 'car-' + randomHex(),
  responsibilityTransferId: () => 'rt-' + randomHex(),
};
