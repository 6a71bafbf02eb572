// The world in one JSON file: lock, read, write to a temp file (every byte, checked), fsync,
// keep the last good world as a backup, rename.
import { chmodSync, closeSync, fstatSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, statSync, unlink, unlinkSync, writeSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import type { OrgState } from '../model/types.js';
import { acquireLock, LOCK_LEASE_MS, tryLock } from './lock.js';
import { makeDirectory } from './make-dir.js';
import { STATE_FILE } from './paths.js';
import { FileReadError, openRegular, readAt, readBounded } from './read-file.js';
import { CURRENT_SCHEMA_VERSION, itemProblem, loadWorld, topLevelProblem } from './schema.js';
import { decodeIndexed, decodeLayout, encodeLayout, LAYOUT_MEMBER, scanLayout, storedLayout, tailCloser, tailHint } from './world-file.js';
import type { MemberAt } from './layout.js';
import { storedListOf, type StoredLines } from './lazy-list.js';
import { fileIdentity, INDEX_FILE, readIndex, writeIndex } from './world-index.js';
import { ConfigurationError } from '../errors/classes.js';
import type { Store, Transaction } from './store.js';

export const DEFAULT_LOCK_TIMEOUT_MS = 5000;
import { MAX_STATE_BYTES } from './limits.js';
const WRITE_CHUNK = 1 << 20;
/** Below this size a world is parsed whole (measured: a sample world read ~5 ms faster so). */
const LAZY_FROM_BYTES = 256 * 1024;
/**
 * From this size a world with no index is located by a scan rather than held whole (store/world-file.ts
 * scanLayout). Below it, its text decoded once answers a command's few questions sooner than the
 * scan's reads do (measured at 10,000 handshakes, 19 MB: a first invitation 45 ms sooner); above
 * it, the file and its text would be most of a command's memory (a first listing of 100,000, 92 MB: 353 MB against 183 MB).
 */
const SCAN_FROM_BYTES = 32 * 1024 * 1024;

export interface FileStoreOptions {
  lockTimeoutMs?: number;
  /** Keep the world read last and reuse it while the file is unchanged (orgsim serve). */
  remember?: boolean;
  /** Files smaller than this are parsed whole (tests lower it to try stored lines on small worlds). */
  lazyFromBytes?: number;
  /** Files without an index from this size are located by a scan (tests lower it to try it on small worlds). */
  scanFromBytes?: number;
}

const sameFile = (a: BigIntStats, b: BigIntStats) =>
  a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

/** The world file as read: its head (or an index's members), and ways to read the rest. */
interface WorldSource {
  head: Buffer;
  tail?: () => StoredLines;
  tailEnd?: number;
  whole: () => Buffer;
  identity?: string;
  indexed?: { members: MemberAt[]; read: (from: number, to: number, into?: Buffer) => Buffer };
  /** Whether `indexed` is what a scan of the file found (store/world-file.ts scanLayout), not an index. */
  scanned?: boolean;
}

/** A world read from a file of this identity: what its lists learn is kept in the index when the command ends. */
interface Learning {
  identity: string;
  world: Record<string, unknown>;
  members: MemberAt[];
  /** Whether an index described the file. */
  indexed: boolean;
}

/** Stores whose worlds may have learned something for the index; told once, when the process ends. */
const learners = new Set<{ keepLearned(): void }>();
let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  process.once('exit', () => {
    for (const store of learners) {
      try {
        store.keepLearned();
      } catch {
        // A cache left unwritten costs the next command some time; the command itself is done.
      }
    }
  });
}

export class FileStore implements Store {
  readonly file: string;
  readonly lockTimeoutMs: number;
  private readonly lazyFromBytes: number;
  private readonly scanFromBytes: number;
  private remembered: { stat: BigIntStats; state: OrgState } | undefined;
  private learning: Learning | undefined;

  constructor(
    readonly dir: string,
    private readonly initial: () => OrgState,
    private readonly options: FileStoreOptions = {},
  ) {
    this.file = join(dir, STATE_FILE);
    this.lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
    this.lazyFromBytes = options.lazyFromBytes ?? LAZY_FROM_BYTES;
    this.scanFromBytes = options.scanFromBytes ?? SCAN_FROM_BYTES;
  }

  get lockFile(): string {
    return `${this.file}.lock`;
  }

  get backupFile(): string {
    return `${this.file}.bak`;
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
    const release = acquireLock(this.lockFile, this.lockTimeoutMs);
    try {
      return this.locked(fn);
    } finally {
      release();
    }
  }

  /** `transact` if the lock is free now; undefined if another writer holds it (the server waits without blocking). */
  tryTransact<T>(fn: (state: OrgState) => Transaction<T>): { result: T } | undefined {
    this.ensureDir();
    const release = tryLock(this.lockFile);
    if (!release) return undefined;
    try {
      return { result: this.locked(fn) };
    } finally {
      release();
    }
  }

  private locked<T>(fn: (state: OrgState) => Transaction<T>): T {
    this.removeStaleTempFiles();
    const current = this.load();
    const state = current ?? this.initial();
    let done = false;
    try {
      const { write, result } = fn(state);
      if (write || !current) this.write(state, current !== undefined);
      done = write || !current;
      return result;
    } finally {
      // What a failed or read-only transaction did to the world in memory is not the file's.
      if (!done) this.remembered = undefined;
    }
  }

  /** Temp files are only written under the lock, so any found while holding it were left by a killed process. */
  private removeStaleTempFiles(): void {
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      const tempFile = name.startsWith(`${STATE_FILE}.`) && name.endsWith('.tmp');
      // An index's temp file may be a reader's, being written now (readers take no lock).
      const indexTemp = name.startsWith(`${INDEX_FILE}.`) && name.endsWith('.tmp');
      // Lock drafts are linked at once; one that lingers was left by a killed process.
      const lockDraft = name.startsWith(`${STATE_FILE}.lock.`) && name !== `${STATE_FILE}.lock.takeover`;
      try {
        if (tempFile || ((lockDraft || indexTemp) && Date.now() - statSync(path).mtimeMs > LOCK_LEASE_MS)) unlinkSync(path);
      } catch {
        /* gone already */
      }
    }
  }

  /** Replaces the world whatever the file holds, even a damaged or missing one (init --force, world import). */
  overwrite(state: OrgState): void {
    this.ensureDir();
    const release = acquireLock(this.lockFile, this.lockTimeoutMs);
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

  /**
   * Puts the backup in place of the world, under the lock and in one rename, so that a kill or a
   * full disk leaves either the damaged file or the restored one. The damaged file stays aside.
   */
  restoreBackup(aside: string): void {
    this.ensureDir();
    const release = acquireLock(this.lockFile, this.lockTimeoutMs);
    try {
      const backup = this.readFile(this.backupFile);
      if (!backup) throw new ConfigurationError(`Cannot repair ${this.file}: the backup ${this.backupFile} is gone.`);
      try {
        linkSync(this.file, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new ConfigurationError(`Cannot keep the damaged file as ${aside}: ${(error as Error).message}`);
      }
      this.writeBytes([backup]);
      this.remembered = undefined;
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

  private readError(file: string, error: unknown): ConfigurationError {
    if ((error as FileReadError).code === 'ENOTDIR') return new ConfigurationError(`Cannot use ${this.dir} as orgsim's home: it is not a directory.`);
    return new ConfigurationError(`Cannot read the state file ${file}: ${(error as Error).message}`);
  }

  /** The bytes of one of the world's files, or undefined when it does not exist. */
  private readFile(file: string): Buffer | undefined {
    try {
      return readBounded(file, { maxBytes: MAX_STATE_BYTES, regularOnly: true });
    } catch (error) {
      if ((error as FileReadError).code === 'ENOENT') return undefined;
      throw this.readError(file, error);
    }
  }

  /**
   * The world file's bytes: all of them, or, when its last member truthfully says where the tail
   * list lies (store/world-file.ts), the bytes before it and a way to read the tail when needed;
   * or, when an index describes this very file (store/world-index.ts) or a scan of a large one in
   * the layout finds them (scanLayout), only where its members lie.
   * The descriptor stays open for what is read later: a writer replaces the file by rename, so
   * what it reads is still this version of the world.
   */
  private readWorldFile(useIndex = true): WorldSource | undefined {
    let opened: { fd: number; size: number };
    try {
      opened = openRegular(this.file, MAX_STATE_BYTES);
    } catch (error) {
      if ((error as FileReadError).code === 'ENOENT') return undefined;
      throw this.readError(this.file, error);
    }
    const { fd, size } = opened;
    let keepOpen = false;
    try {
      // A small world is read and parsed whole: stored lines pay off only when there are many.
      const lazy = !this.options.remember && size >= this.lazyFromBytes;
      const read = (from: number, to: number, into?: Buffer) => {
        try {
          return readAt(fd, from, to, into);
        } catch (error) {
          throw this.readError(this.file, error);
        }
      };
      const whole = () => read(0, size);
      const identity = lazy ? fileIdentity(fstatSync(fd, { bigint: true })) : undefined;
      const members = identity && useIndex ? readIndex(this.dir, identity, size) : undefined;
      if (members) {
        keepOpen = true;
        return { head: Buffer.alloc(0), whole, identity, indexed: { members, read } };
      }
      const hinted = lazy ? tailHint(readAt(fd, Math.max(0, size - 256), size), size) : undefined;
      const closer = hinted && tailCloser(hinted.start === hinted.end);
      const hint = hinted && readAt(fd, hinted.end, hinted.end + closer!.length).toString('latin1') === closer ? hinted : undefined;
      const scanned = lazy && size >= this.scanFromBytes ? scanLayout(read, size, hint) : undefined;
      if (scanned) {
        keepOpen = true;
        return { head: Buffer.alloc(0), whole, identity, indexed: { members: scanned, read }, scanned: true };
      }
      if (hint) {
        keepOpen = true;
        const tail = (): StoredLines => ({ buffer: read(hint.start, hint.end), start: 0, end: hint.end - hint.start });
        return { head: readAt(fd, 0, hint.start), tail, tailEnd: hint.end, whole, identity };
      }
      const head = readAt(fd, 0, size);
      return { head, whole: () => head, identity };
    } catch (error) {
      throw error instanceof ConfigurationError ? error : this.readError(this.file, error);
    } finally {
      if (!keepOpen) closeSync(fd);
    }
  }

  private load(): OrgState | undefined {
    let stat: BigIntStats | undefined;
    if (this.options.remember) {
      try {
        stat = statSync(this.file, { bigint: true });
      } catch {
        stat = undefined;
      }
      if (stat && this.remembered && sameFile(stat, this.remembered.stat)) return this.remembered.state;
    }
    const source = this.readWorldFile();
    if (!source) {
      // A world that is gone while its backup is not was lost, not never made: never start afresh over it.
      if (this.readableBackup()) {
        throw new ConfigurationError(`The state file ${this.file} is missing, but its backup ${this.backupFile} is there. Run orgsim doctor to see how to repair it.`);
      }
      return undefined;
    }
    const state = this.decode(source);
    if (stat && this.options.remember) this.remembered = { stat, state };
    return state;
  }

  private readableBackup(): boolean {
    try {
      return statSync(this.backupFile).isFile();
    } catch {
      return false;
    }
  }

  private decode(source: WorldSource): OrgState {
    const { head: buffer, tail, whole: readWhole, identity, indexed } = source;
    const damaged = (problem: string) => new ConfigurationError(`The state file ${this.file} is damaged: ${problem}. Run orgsim doctor to see how to repair it.`);
    const parseItem = (key: string, line: string, index: number) => {
      let item: unknown;
      try {
        item = JSON.parse(line);
      } catch (error) {
        throw damaged(`${key}[${index}] is not valid JSON (${(error as Error).message})`);
      }
      const problem = itemProblem(key, item, index);
      if (problem) throw damaged(problem);
      return item;
    };
    const usable = (world: Record<string, unknown> | undefined) => world && world.SchemaVersion === CURRENT_SCHEMA_VERSION && !topLevelProblem(world);
    if (indexed) {
      const world = decodeIndexed(indexed.members, indexed.read, parseItem);
      if (usable(world)) {
        this.learn(identity!, world!, indexed.members, !source.scanned);
        return world as unknown as OrgState;
      }
      // An index that does not fit the file is read past (and written anew when the command ends);
      // a world found by a scan that is not this schema's is parsed whole, below.
      const again = source.scanned ? undefined : this.readWorldFile(false);
      if (again) return this.decode(again);
    }
    const members: MemberAt[] = [];
    const laid = !tail && buffer.length < this.lazyFromBytes ? undefined : decodeLayout(buffer, parseItem, tail, members);
    if (usable(laid)) {
      const tailMember = members.find((m) => m.end === -1);
      if (tailMember) tailMember.end = source.tailEnd!;
      if (identity) this.learn(identity, laid!, members, false);
      return laid as unknown as OrgState;
    }
    // Any other layout, an older schema or a problem to report exactly: parse it whole.
    const whole = readWhole();
    let parsed: unknown;
    try {
      parsed = JSON.parse(whole.toString('utf8'));
      if (parsed && typeof parsed === 'object') delete (parsed as Record<string, unknown>)[LAYOUT_MEMBER];
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

  /**
   * Keeps what the lists of a world read from the file of `identity` find out about their lines,
   * to be written to the index when the process ends (a read writes nothing else), if it is more
   * than the index knew and the file is still that one.
   */
  private learn(identity: string, world: Record<string, unknown>, members: MemberAt[], indexed: boolean): void {
    this.learning = { identity, world, members, indexed };
    learners.add(this);
    listen();
  }

  /** Writes what was learned since the world was read, if anything (at the end of the process). */
  keepLearned(): void {
    const learning = this.learning;
    if (!learning) return;
    const lists = learning.members.filter((m) => m.list).map((m) => storedListOf(learning.world[m.key]));
    if (learning.indexed && !lists.some((list) => list?.learned())) return;
    const members = learning.members.map((member): MemberAt => (member.list ? { key: member.key, start: member.start, end: member.end, list: true, layout: storedLayout(learning.world[member.key]) } : member));
    try {
      if (fileIdentity(statSync(this.file, { bigint: true })) !== learning.identity) return;
    } catch {
      return;
    }
    writeIndex(this.dir, learning.identity, members);
  }

  /** Keeps the world being replaced (known good: it was just read) as the backup, by a second name. */
  private keepBackup(): void {
    // The old backup is renamed aside and deleted in the background: freeing a large file's
    // blocks takes milliseconds the command need not wait for. One left by a kill has a temp
    // file's name, and the next writer removes it.
    const aside = `${this.file}.${process.pid}.${Math.random().toString(16).slice(2)}.tmp`;
    try {
      renameSync(this.backupFile, aside);
      unlink(aside, () => {});
    } catch {
      /* no backup yet */
    }
    try {
      linkSync(this.file, this.backupFile);
      // The backup is the old file itself: make it as private as every file orgsim writes.
      chmodSync(this.backupFile, 0o600);
    } catch {
      /* a backup is a convenience; the write itself must not fail for it */
    }
  }

  private write(state: OrgState, keepBackup = false): void {
    // A world this orgsim could not read back is never stored: a bad number (Infinity, a time past
    // year 9999) fails the command that made it, before anything is written.
    const world = state as unknown as Record<string, unknown>;
    const refuse = (problem: string) => new ConfigurationError(`Refusing to store a world orgsim could not read back: ${problem}.`);
    const top = topLevelProblem(world);
    if (top) throw refuse(top);
    const members: MemberAt[] = [];
    const size = this.writeBytes(
      encodeLayout(
        world,
        (key, item, index) => {
          const problem = itemProblem(key, item, index);
          if (problem) throw refuse(index < 0 ? problem.replace('[-1]', '[…]') : problem);
        },
        members,
      ),
      keepBackup,
    );
    // What was learned of the world read is of the file replaced; the new file's index is written now.
    this.learning = undefined;
    // orgsim serve keeps the world in memory and reads no index: the next command of the CLI writes one.
    if (size >= this.lazyFromBytes && !this.options.remember) {
      try {
        writeIndex(this.dir, fileIdentity(statSync(this.file, { bigint: true })), members);
      } catch {
        /* a cache: the next command reads without it */
      }
    }
    if (this.options.remember) {
      try {
        this.remembered = { stat: statSync(this.file, { bigint: true }), state };
      } catch {
        this.remembered = undefined;
      }
    }
  }

  /**
   * Writes `pieces` to a temp file, checking that every byte reached it (a full disk or a file
   * size limit cuts a write short without an error), then renames it over the world.
   */
  private writeBytes(pieces: Iterable<string | Buffer>, keepBackup = false): number {
    const tmp = `${this.file}.${process.pid}.${Math.random().toString(16).slice(2)}.tmp`;
    let written = 0;
    try {
      const fd = openSync(tmp, 'wx', 0o600);
      try {
        let expected = 0;
        const pending: string[] = [];
        let pendingLength = 0;
        const flush = () => {
          if (!pending.length) return;
          expected += writeAll(fd, Buffer.from(pending.join(''), 'utf8'));
          pending.length = 0;
          pendingLength = 0;
        };
        for (const piece of pieces) {
          if (typeof piece === 'string') {
            pending.push(piece);
            pendingLength += piece.length;
            if (pendingLength >= WRITE_CHUNK) flush();
          } else {
            flush();
            expected += writeAll(fd, piece);
          }
        }
        flush();
        fsyncSync(fd);
        written = fstatSync(fd).size;
        if (written !== expected) throw new Error(`only ${written} of ${expected} bytes were written`);
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
      this.remembered = undefined;
      if (error instanceof ConfigurationError) throw error;
      throw new ConfigurationError(`Cannot write the state file ${this.file}: ${(error as Error).message}`);
    }
    syncDirectory(this.dir);
    return written;
  }
}

/** Writes all of `buffer` or throws; a write that makes no progress is a full disk. */
function writeAll(fd: number, buffer: Buffer): number {
  let offset = 0;
  while (offset < buffer.length) {
    const n = writeSync(fd, buffer, offset, buffer.length - offset);
    if (n <= 0) throw Object.assign(new Error('no space left on device (a write made no progress)'), { code: 'ENOSPC' });
    offset += n;
  }
  return buffer.length;
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
