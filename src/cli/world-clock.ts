// The clock and id source of a real run. World time is real time plus the world's offset
// (orgsim clock); ORGSIM_NOW overrides both. ORGSIM_SEED makes ids repeatable.
import { createRequire } from 'node:module';
import type { Clock, IdGenerator } from '../service/context.js';
import { StoreError } from '../store/store-error.js';

export function pinnedTime(env: NodeJS.ProcessEnv): number | undefined {
  const pinned = env.ORGSIM_NOW;
  if (pinned === undefined || pinned === '') return undefined;
  const ms = Date.parse(pinned);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(pinned)) throw new StoreError(`ORGSIM_NOW is not an ISO-8601 time: ${pinned}`);
  return ms;
}

export class WorldClock implements Clock {
  private offsetMs = 0;
  private readonly pinned: number | undefined;

  constructor(env: NodeJS.ProcessEnv) {
    this.pinned = pinnedTime(env);
  }

  attach(state: { ClockOffsetMs?: number }): void {
    this.offsetMs = state.ClockOffsetMs ?? 0;
  }

  /** Whether ORGSIM_NOW overrides the world's clock. */
  get isPinned(): boolean {
    return this.pinned !== undefined;
  }

  realNow(): number {
    return Date.now();
  }

  now(): number {
    return this.pinned ?? Date.now() + this.offsetMs;
  }
}

export function clockFromEnv(env: NodeJS.ProcessEnv): WorldClock {
  return new WorldClock(env);
}

/** node:crypto is loaded only for seeded ids: loading it on every start-up would cost every command. */
function seeded(seed: string, kind: string, sequence: number): string {
  const { createHash } = createRequire('/')('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(`${seed}:${kind}:${sequence}`).digest('hex');
}

export function idsFromEnv(env: NodeJS.ProcessEnv): IdGenerator {
  const seed = env.ORGSIM_SEED;
  if (seed === undefined || seed === '') return randomIds;
  return {
    handshakeId: (n) => 'h-' + seeded(seed, 'handshake', n).slice(0, 32),
    eventId: (n) => {
      const hex = seeded(seed, 'event', n);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}

// The global Web Crypto object loads its module only when first used (by a mutation).
export const randomIds: IdGenerator = {
  handshakeId: () => 'h-' + globalThis.crypto.randomUUID().replace(/-/g, ''),
  eventId: () => globalThis.crypto.randomUUID(),
};
