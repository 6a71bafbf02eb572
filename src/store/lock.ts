// A cross-process lock: a file that appears, complete, by one atomic link(2), naming its owner
// (pid, host, boot, pid namespace and the process's start time). A lock whose owner is known to
// be gone is taken over at once; one whose owner cannot be checked from here (another host or
// pid namespace) only once it is older than any transaction lasts; a live owner's, never.
import { closeSync, linkSync, openSync, readFileSync, readlinkSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { OrganizationsError } from '../model/errors.js';
import { ConfigurationError } from '../errors/classes.js';
import { FileReadError, readBounded } from './read-file.js';

/** Longer than any transaction takes; a lock this old whose owner cannot be checked is stale. */
export const LOCK_LEASE_MS = 30_000;

// Made when a writer first has to wait: most commands never do, and it costs start-up time.
let sleeper: Int32Array | undefined;
function sleep(ms: number): void {
  Atomics.wait((sleeper ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, ms);
}

function readOr(path: string, fallback = ''): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return fallback;
  }
}

/** Clock ticks since boot at which `pid` started (field 22 of /proc/<pid>/stat), or '' where unknown. */
function startTimeOf(pid: number | 'self'): string {
  const stat = readOr(`/proc/${pid}/stat`);
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? '';
}

interface Owner {
  pid: number;
  host: string;
  boot: string;
  pidNamespace: string;
  started: string;
}

let me: Owner | undefined;
function self(): Owner {
  if (me) return me;
  let pidNamespace = '';
  try {
    pidNamespace = readlinkSync('/proc/self/ns/pid');
  } catch {
    /* not Linux */
  }
  // Clock ticks since this boot: exact, and immune to changes of the wall clock.
  return (me = { pid: process.pid, host: (createRequire('/')('node:os') as typeof import('node:os')).hostname(), boot: readOr('/proc/sys/kernel/random/boot_id'), pidNamespace, started: startTimeOf('self') });
}

// A version line first, so that a lock from an older orgsim (pid, host, time) is still understood.
const VERSION = 'orgsim-lock 2';
const encode = (o: Owner) => `${VERSION}\n${o.pid}\n${o.host}\n${o.boot}\n${o.pidNamespace}\n${o.started}\n`;

function decode(content: string): Owner | undefined {
  const lines = content.split('\n');
  const versioned = lines[0] === VERSION;
  const [pid, host] = versioned ? lines.slice(1) : lines;
  const n = Number(pid);
  if (!Number.isInteger(n) || n <= 0 || !host) return undefined;
  if (!versioned) return { pid: n, host, boot: self().boot, pidNamespace: self().pidNamespace, started: '' };
  const [boot = '', pidNamespace = '', started = ''] = lines.slice(3);
  return { pid: n, host, boot, pidNamespace, started };
}

/** 'alive', 'gone', or 'unknown' when this process cannot see the owner's processes. */
export function ownerStatus(content: string): 'alive' | 'gone' | 'unknown' {
  const owner = decode(content);
  if (!owner) return 'unknown';
  const here = self();
  if (owner.host !== here.host || owner.boot !== here.boot || owner.pidNamespace !== here.pidNamespace) return 'unknown';
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
  }
  // The pid lives; it is the owner only if it started when the owner did (pids are reused).
  if (owner.started && here.started) return startTimeOf(owner.pid) === owner.started ? 'alive' : 'gone';
  return 'alive';
}

function readLock(path: string): { content: string; ageMs: number } | undefined {
  try {
    const ageMs = Date.now() - statSync(path).mtimeMs;
    // Bounded and never waiting: a FIFO or a huge file put in the lock's place is simply not a lock of ours.
    return { content: readBounded(path, { maxBytes: 4096, regularOnly: true }).toString('utf8'), ageMs };
  } catch (error) {
    if (error instanceof FileReadError && error.code !== 'ENOENT') return { content: '', ageMs: Infinity };
    return undefined;
  }
}

/**
 * Removes a stale lock. A second, short-lived "takeover" lock makes sure only one process
 * removes it, and that it removes the stale lock, not a fresh one made meanwhile.
 */
function takeOverStale(lockPath: string, staleContent: string): void {
  const takeover = `${lockPath}.takeover`;
  let fd: number;
  try {
    fd = openSync(takeover, 'wx', 0o600);
  } catch {
    try {
      if (Date.now() - statSync(takeover).mtimeMs > 5000) unlinkSync(takeover); // its owner died mid-takeover
    } catch {
      /* someone else cleaned it */
    }
    return;
  }
  try {
    if (readLock(lockPath)?.content === staleContent) unlinkSync(lockPath);
  } finally {
    closeSync(fd);
    unlinkSync(takeover);
  }
}

/** What `orgsim doctor` says of a lock that is there now, or undefined when there is none. */
export function lockReport(lockPath: string): string | undefined {
  const held = readLock(lockPath);
  if (!held) return undefined;
  const owner = decode(held.content);
  const who = owner ? `process ${owner.pid} on ${owner.host}` : 'an unknown owner';
  const status = ownerStatus(held.content);
  if (status === 'alive') return `${lockPath} is held by ${who}, which is running: its change is under way.`;
  if (status === 'gone') return `${lockPath} was left by ${who}, which has ended: the next command takes it over.`;
  return held.ageMs > LOCK_LEASE_MS
    ? `${lockPath} is held by ${who}, which cannot be checked from here, for ${Math.round(held.ageMs / 1000)} s: the next command takes it over.`
    : `${lockPath} is held by ${who}, which cannot be checked from here; it is taken over once it is ${LOCK_LEASE_MS / 1000} s old.`;
}

/** One attempt: the release function, or undefined while someone else holds the lock. */
export function tryLock(lockPath: string): (() => void) | undefined {
  const content = encode(self());
  // The lock is written under a name of its own, then linked: it never exists half-written.
  const draft = `${lockPath}.${process.pid}.${Math.random().toString(16).slice(2)}`;
  for (let round = 0; round < 2; round++) {
    try {
      const fd = openSync(draft, 'wx', 0o600);
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      try {
        linkSync(draft, lockPath);
        return () => {
          try {
            unlinkSync(lockPath);
          } catch {
            /* already gone */
          }
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        unlinkSync(draft);
      }
    } catch (error) {
      throw new ConfigurationError(`Cannot create the lock file ${lockPath}: ${(error as Error).message}`);
    }
    const held = readLock(lockPath);
    if (!held) continue; // released meanwhile
    const status = ownerStatus(held.content);
    // An unreadable lock (another program's, or from an older orgsim) is judged like one from another host.
    if (status === 'gone' || (status === 'unknown' && held.ageMs > LOCK_LEASE_MS)) {
      takeOverStale(lockPath, held.content);
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** How long a writer waits before its next try for the lock: short at first, then at most 25 ms. */
export function lockRetryDelayMs(attempt: number): number {
  return Math.min(2 + attempt * 2, 25) + Math.random() * 5;
}

/** Takes the lock or throws ConcurrentModificationException after `timeoutMs`. Returns the release function. */
export function acquireLock(lockPath: string, timeoutMs: number): () => void {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const release = tryLock(lockPath);
    if (release) return release;
    if (Date.now() >= deadline) throw new OrganizationsError('ConcurrentModificationException');
    sleep(lockRetryDelayMs(attempt));
  }
}
