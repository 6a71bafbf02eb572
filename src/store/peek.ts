// A quick look at the world for shell completion: no lock, no migration, nothing written, and
// nothing thrown (a completion must never fail).
import { readBounded } from './read-file.js';
import { MAX_STATE_BYTES } from './limits.js';
import { join } from 'node:path';
import type { OrgState } from '../model/types.js';
import { STATE_FILE } from './paths.js';

export function peekWorld(home: string): Partial<OrgState> | undefined {
  try {
    const world = JSON.parse(readBounded(join(home, STATE_FILE), { maxBytes: MAX_STATE_BYTES, regularOnly: true }).toString('utf8')) as unknown;
    return typeof world === 'object' && world !== null ? (world as Partial<OrgState>) : undefined;
  } catch {
    return undefined;
  }
}
