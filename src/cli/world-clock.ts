// The clock and id source of a real run: ORGSIM_NOW pins the time; ids are random.
import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '../service/context.js';
import { StoreError } from '../store/store-error.js';

export function clockFromEnv(env: NodeJS.ProcessEnv): Clock {
  const pinned = env.ORGSIM_NOW;
  if (pinned === undefined || pinned === '') return { now: () => Date.now() };
  const ms = Date.parse(pinned);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(pinned)) {
    throw new StoreError(`ORGSIM_NOW is not an ISO-8601 time: ${pinned}`);
  }
  return { now: () => ms };
}

export const randomIds: IdGenerator = {
  handshakeId: () => 'h-' + randomUUID().replace(/-/g, ''),
};
