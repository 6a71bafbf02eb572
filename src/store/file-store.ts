// The world in one JSON file: lock, read, migrate, write to a temp file, fsync, rename.
import { closeSync, copyFileSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { OrgState } from '../model/types.js';
import { acquireLock } from './lock.js';
import { makeDirectory } from './make-dir.js';
import { STATE_FILE } from './paths.js';
import { loadWorld } from './schema.js';
import { ConfigurationError } from '../errors/classes.js';
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
      this.removeStaleTempFiles();
      const current = this.load();
      const state = current ?? this.initial();
      const { write, result } = fn(state);
      if (write || !current) this.write(state, current !== undefined);
      return result;
    } finally {
      release();
    }
  }

  /** Temp files are only written under the lock, so any found while holding it were left by a killed process. */
  private removeStaleTempFiles(): void {
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith(`${STATE_FILE}.`) && name.endsWith('.tmp')) {
        try {
          unlinkSync(join(this.dir, name));
        } catch {
          /* gone already */
        }
      }
    }
  }

  /** Replaces the world whatever the file holds, even a damaged one (init --force). */
  overwrite(state: OrgState): void {
    this.ensureDir();
    const release = acquireLock(`${this.file}.lock`, this.lockTimeoutMs);
    try {
      let good = false;
      try {
        good = this.load() !== undefined;
      } catch {
        /* a damaged world is not worth a backup */
      }
      this.write(state, good);
    } finally {
      release();
    }
  }

  private ensureDir(): void {
    try {
      makeDirectory(this.dir, 0o700);
    } catch (error) {
      throw new ConfigurationError(`Cannot use ${this.dir} as orgsim's home: ${(error as Error).message}`);
    }
    let isDir = false;
    try {
      isDir = statSync(this.dir).isDirectory();
    } catch {
      /* reported below */
    }
    if (!isDir) throw new ConfigurationError(`Cannot use ${this.dir} as orgsim's home: it is not a directory.`);
  }

  private load(): OrgState | undefined {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      if (code === 'ENOTDIR') throw new ConfigurationError(`Cannot use ${this.dir} as orgsim's home: it is not a directory.`);
      throw new ConfigurationError(`Cannot read the state file ${this.file}: ${(error as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ConfigurationError(`The state file ${this.file} is not valid JSON (${(error as Error).message}). Run orgsim doctor to see how to repair it.`);
    }
    try {
      return loadWorld(parsed, this.file).state;
    } catch (error) {
      if (error instanceof ConfigurationError) throw new ConfigurationError(`${error.message} Run orgsim doctor to see how to repair it.`);
      throw error;
    }
  }

  get backupFile(): string {
    return `${this.file}.bak`;
  }

  /** Keeps the world being replaced (known good: it was just read) as the backup, by a second name. */
  private keepBackup(): void {
    try {
      unlinkSync(this.backupFile);
    } catch {
      /* no backup yet */
    }
    try {
      linkSync(this.file, this.backupFile);
    } catch {
      try {
        copyFileSync(this.file, this.backupFile);
      } catch {
        /* a backup is a convenience; the write itself must not fail for it */
      }
    }
  }

  private write(state: OrgState, keepBackup = false): void {
    const tmp = `${this.file}.${process.pid}.${Math.random().toString(16).slice(2)}.tmp`;
    try {
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, JSON.stringify(state, null, 2) + '\n');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (keepBackup) this.keepBackup();
      renameSync(tmp, this.file);
    } catch (error) {
      try {
        unlinkSync(tmp);
      } catch {
        /* never created */
      }
      throw new ConfigurationError(`Cannot write the state file ${this.file}: ${(error as Error).message}`);
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
