// A quick look at the world for shell completion: no lock, no migration, nothing written, and
// nothing thrown (a completion must never fail).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrgState } from '../model/types.js';
import { STATE_FILE } from './paths.js';

export function peekWorld(home: string): Partial<OrgState> | undefined {
  try {
    const world = JSON.parse(readFileSync(join(home, STATE_FILE), 'utf8')) as unknown;
    return typeof world === 'object' && world !== null ? (world as Partial<OrgState>) : undefined;
  } catch {
    return undefined;
  }
}
