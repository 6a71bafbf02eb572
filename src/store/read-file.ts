// Reading a file without hanging or running out of memory: a FIFO, a device or a huge file is
// refused or read within bounds, never waited on forever.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export class FileReadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

export interface ReadLimits {
  /** Refuse more than this many bytes. */
  maxBytes: number;
  /** Give up on a pipe or device that has not finished within this time. */
  timeoutMs?: number;
  /** Accept only a regular file (the world's own files). */
  regularOnly?: boolean;
}

function failure(error: unknown): FileReadError {
  const e = error as NodeJS.ErrnoException;
  return new FileReadError(e.message, e.code);
}

/** The file's bytes; throws FileReadError (with the errno code when there is one). */
export function readBounded(path: string, limits: ReadLimits): Buffer {
  const { fd, size } = open(path, limits.maxBytes, limits.regularOnly === true);
  try {
    return size === undefined ? readStream(fd, path, limits) : readAt(fd, 0, size);
  } catch (error) {
    throw error instanceof FileReadError ? error : failure(error);
  } finally {
    closeSync(fd);
  }
}

/** Opens `path` for reading; `size` is undefined for a pipe or a device (read as a stream). */
function open(path: string, maxBytes: number, regularOnly: boolean): { fd: number; size?: number } {
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO nobody writes to returns at once.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    throw failure(error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FileReadError(`${path} is a directory`, 'EISDIR');
    if (!stat.isFile()) {
      if (regularOnly) throw new FileReadError(`${path} is not a regular file`, 'ENOTREG');
      return { fd };
    }
    if (stat.size > maxBytes) throw tooLarge(path, maxBytes);
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    throw error instanceof FileReadError ? error : failure(error);
  }
}

function tooLarge(path: string, max: number): FileReadError {
  return new FileReadError(`${path} is larger than ${max} bytes`, 'EFBIG');
}

function readStream(fd: number, path: string, limits: ReadLimits): Buffer {
  const deadline = Date.now() + (limits.timeoutMs ?? 10_000);
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw failure(error);
      if (Date.now() >= deadline) throw new FileReadError(`timed out reading ${path}`, 'ETIMEDOUT');
      Atomics.wait(sleeper, 0, 0, 5);
      continue;
    }
    if (n === 0) break;
    total += n;
    if (total > limits.maxBytes) throw tooLarge(path, limits.maxBytes);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

/** An open regular file, for reading parts of it (the world's file); throws FileReadError. */
export function openRegular(path: string, maxBytes: number): { fd: number; size: number } {
  return open(path, maxBytes, true) as { fd: number; size: number };
}

/** Bytes [start, end) of an open file (into the front of `into`, when given and large enough); fewer if the file is shorter. */
export function readAt(fd: number, start: number, end: number, into?: Buffer): Buffer {
  const wanted = Math.max(0, end - start);
  const buffer = into && into.length >= wanted ? into.subarray(0, wanted) : Buffer.allocUnsafe(wanted);
  let length = 0;
  try {
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, start + length);
      if (n === 0) break;
      length += n;
    }
  } catch (error) {
    throw failure(error);
  }
  return length === buffer.length ? buffer : buffer.subarray(0, length);
}
