// The world in one JSON file: lock, read, migrate, write to a temp file, fsync, rename.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { OrgState } from '../model/types.js';
import { acquireLock } from './lock.js';
import { STATE_FILE } from './paths.js';
import { loadWorld } from './schema.js';
import { StoreError } from './store-error.js';
import type { Store, Transaction } from './store.js';

export const DEFAULT_LOCK_TIMEOUT_MS = 5000;

export class FileStore implements Store {
  readonly file: string;

  constructor(
    readonly dir: string,
    private readonly initial: () => OrgState,
    private readonly lockTimeoutMs = DEFAULT_LOCK_TIMEOUT_MS,
  ) {
    this.file = join(dir, STATE_FILE);
  }

  exists(): boolean {
    try {
      return statSync(this.file).isFile();
    } catch {
      return false;
    }
  }

  read(): OrgState {
    const state = this.load();
    if (state) return state;
    return this.transact((current) => ({ write: true, result: current }));
  }

  transact<T>(fn: (state: OrgState) => Transaction<T>): T {
    this.ensureDir();
    const release = acquireLock(`${this.file}.lock`, this.lockTimeoutMs);
    try {
      const current = this.load();
      const state = current ?? this.initial();
      const { write, result } = fn(state);
      if (write || !current) this.write(state);
      return result;
    } finally {
      release();
    }
  }

  /** Replaces the world whatever the file holds, even a damaged one (init --force). */
  overwrite(state: OrgState): void {
    this.ensureDir();
    const release = acquireLock(`${this.file}.lock`, this.lockTimeoutMs);
    try {
      this.write(state);
    } finally {
      release();
    }
  }

  private ensureDir(): void {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new StoreError(`Cannot use ${this.dir} as orgsim's home: ${(error as Error).message}`);
    }
    let isDir = false;
    try {
      isDir = statSync(this.dir).isDirectory();
    } catch {
      /* reported below */
    }
    if (!isDir) throw new StoreError(`Cannot use ${this.dir} as orgsim's home: it is not a directory.`);
  }

  private load(): OrgState | undefined {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      if (code === 'ENOTDIR') throw new StoreError(`Cannot use ${this.dir} as orgsim's home: it is not a directory.`);
      throw new StoreError(`Cannot read the state file ${this.file}: ${(error as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new StoreError(`The state file ${this.file} is not valid JSON (${(error as Error).message}).`);
    }
    return loadWorld(parsed, this.file).state;
  }

  private write(state: OrgState): void {
    const tmp = `${this.file}.${process.pid}.${Math.random().toString(16).slice(2)}.tmp`;
    try {
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, JSON.stringify(state, null, 2) + '\n');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, this.file);
    } catch (error) {
      try {
        unlinkSync(tmp);
      } catch {
        /* never created */
      }
      throw new StoreError(`Cannot write the state file ${this.file}: ${(error as Error).message}`);
    }
    syncDirectory(this.dir);
  }
}

/** Makes the rename durable; not every platform lets a directory be fsynced. */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}
