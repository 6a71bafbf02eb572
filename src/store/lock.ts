// A cross-process lock: a file created exclusively, holding the owner's pid and host.
// A lock whose owner process is gone (on this host) is taken over; a live owner's never is.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { OrganizationsError } from '../model/errors.js';
import { ConfigurationError } from '../errors/classes.js';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function ownerIsGone(content: string): boolean {
  const [pidText, host] = content.split('\n');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return true; // half-written or foreign: nobody owns it
  if (host !== hostname()) return false; // cannot tell; wait for the timeout instead
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function readOrEmpty(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Removes a lock whose owner is gone. A second, short-lived "takeover" lock makes sure only one
 * process removes it, and that it removes the stale lock, not a fresh one made meanwhile.
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
    if (readOrEmpty(lockPath) === staleContent) unlinkSync(lockPath);
  } finally {
    closeSync(fd);
    unlinkSync(takeover);
  }
}

/** Takes the lock or throws ConcurrentModificationException after `timeoutMs`. Returns the release function. */
export function acquireLock(lockPath: string, timeoutMs: number): () => void {
  const deadline = Date.now() + timeoutMs;
  const content = `${process.pid}\n${hostname()}\n${Date.now()}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      return () => {
        try {
          unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new ConfigurationError(`Cannot create the lock file ${lockPath}: ${(error as Error).message}`);
    }
    const owner = readOrEmpty(lockPath);
    // An empty file may be a lock being written right now; only judge it once it is old.
    if (owner !== undefined && owner !== '' && ownerIsGone(owner)) {
      takeOverStale(lockPath, owner);
      continue;
    }
    if (owner === '') {
      try {
        if (Date.now() - statSync(lockPath).mtimeMs > 2000) takeOverStale(lockPath, '');
      } catch {
        /* gone already */
      }
    }
    if (Date.now() >= deadline) throw new OrganizationsError('ConcurrentModificationException');
    sleep(Math.min(2 + attempt * 2, 25) + Math.random() * 5);
  }
}
