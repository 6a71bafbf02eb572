// Checkpoints of the world (orgsim world save / restore / list): each one a world of its own in
// <home>/checkpoints/<name>/, written and read as the world itself is (atomically, checked).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '../errors/classes.js';
import type { OrgState } from '../model/types.js';
import { FileStore } from './file-store.js';
import { STATE_FILE } from './paths.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function checkCheckpointName(name: string): string {
  if (!NAME.test(name)) throw new ConfigurationError(`'${name}' is not a checkpoint name: letters, digits, '.', '_' and '-', at most 64, starting with a letter or digit`);
  return name;
}

const directory = (home: string) => join(home, 'checkpoints');

const missing = (name: string) => new ConfigurationError(`There is no checkpoint '${name}' (orgsim world list shows them)`);

function store(home: string, name: string): FileStore {
  return new FileStore(join(directory(home), checkCheckpointName(name)), () => {
    throw missing(name);
  });
}

export const checkpointExists = (home: string, name: string) => existsSync(join(directory(home), checkCheckpointName(name), STATE_FILE));

/** Keeps `state` as checkpoint `name`, replacing one of that name. */
export function saveCheckpoint(home: string, name: string, state: OrgState): void {
  store(home, name).overwrite(state);
}

export function readCheckpoint(home: string, name: string): OrgState {
  // Looked for first: reading a missing one would make its directory.
  if (!checkpointExists(home, name)) throw missing(name);
  return store(home, name).read();
}

export interface CheckpointEntry {
  Name: string;
  SavedAt: string;
  Bytes: number;
}

export function listCheckpoints(home: string): CheckpointEntry[] {
  if (!existsSync(directory(home))) return [];
  const entries: CheckpointEntry[] = [];
  for (const name of readdirSync(directory(home)).sort()) {
    if (!NAME.test(name)) continue;
    try {
      const stat = statSync(join(directory(home), name, STATE_FILE));
      entries.push({ Name: name, SavedAt: stat.mtime.toISOString(), Bytes: stat.size });
    } catch {
      /* not a checkpoint */
    }
  }
  return entries;
}
