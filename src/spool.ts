// What a command prints, held until it ends (src/entry.ts writes it then): in memory while it is
// small, in an unnamed temporary file once it is large (the listing of 100,000 handshakes prints
// more than the state file holds). A mark lets a response that fails part way take back what it
// began to print, as the AWS CLI prints none of a response that fails.
import { closeSync, ftruncateSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Held in memory up to this many characters, beyond which it goes to the temporary file: a larger
 * piece lives long enough to be moved to the old generation, which then grows with garbage. */
const IN_MEMORY = 1 << 18;
const READ_CHUNK = 1 << 20;

export interface SpoolMark {
  /** Takes away everything written after the mark. */
  back(): void;
}

export class Spool {
  private chunks: string[] = [];
  private held = 0;
  private file: number | undefined;
  /** Bytes in the temporary file. */
  private spilled = 0;
  /** No temporary file could be made or written: everything stays in memory. */
  private inMemoryOnly = false;

  constructor(private readonly limit = IN_MEMORY) {}

  write(text: string): void {
    if (!text) return;
    this.chunks.push(text);
    this.held += text.length;
    if (this.held >= this.limit && !this.inMemoryOnly) this.spill();
  }

  isEmpty(): boolean {
    return this.spilled === 0 && this.held === 0;
  }

  mark(): SpoolMark {
    const chunks = this.chunks.length;
    const held = this.held;
    const spilled = this.spilled;
    const at = spilled + this.chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
    return {
      back: () => {
        if (this.spilled === spilled) {
          this.chunks.length = chunks;
          this.held = held;
          return;
        }
        // Some of what came after the mark went to the file: cut everything back to the mark's byte.
        this.spill();
        if (this.file !== undefined) {
          ftruncateSync(this.file, at);
          this.spilled = at;
          return;
        }
        const kept = Buffer.from(this.chunks.join(''), 'utf8').subarray(0, at).toString('utf8');
        this.chunks = kept ? [kept] : [];
        this.held = kept.length;
      },
    };
  }

  /** Hands everything to `write` in order, a piece at a time, and empties the spool. */
  drain(write: (bytes: Buffer) => void): void {
    this.takeFile(write);
    if (this.held) write(Buffer.from(this.chunks.join(''), 'utf8'));
    this.chunks = [];
    this.held = 0;
  }

  /** Everything as one text (for the pager, on a terminal), emptying the spool. */
  text(): string {
    const pieces: Buffer[] = [];
    this.drain((bytes) => pieces.push(Buffer.from(bytes)));
    return Buffer.concat(pieces).toString('utf8');
  }

  private spill(): void {
    if (!this.held || this.inMemoryOnly) return;
    try {
      this.file ??= temporaryFile();
      const bytes = Buffer.from(this.chunks.join(''), 'utf8');
      for (let done = 0; done < bytes.length; ) done += writeSync(this.file, bytes, done, bytes.length - done, this.spilled + done);
      this.spilled += bytes.length;
      this.chunks = [];
      this.held = 0;
    } catch {
      // No room for it on disk: keep it all in memory, what was written out read back first.
      this.chunks.unshift(...this.readBack());
      this.held = this.chunks.reduce((n, c) => n + c.length, 0);
      this.inMemoryOnly = true;
    }
  }

  private readBack(): string[] {
    const pieces: Buffer[] = [];
    this.takeFile((bytes) => pieces.push(Buffer.from(bytes)));
    return pieces.length ? [Buffer.concat(pieces).toString('utf8')] : [];
  }

  /** Hands what the file holds to `write` a chunk at a time (one buffer, reused), and closes it. */
  private takeFile(write: (bytes: Buffer) => void): void {
    if (this.file === undefined) return;
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    for (let at = 0; at < this.spilled; ) {
      const n = readSync(this.file, chunk, 0, Math.min(READ_CHUNK, this.spilled - at), at);
      if (n === 0) break;
      write(chunk.subarray(0, n));
      at += n;
    }
    closeSync(this.file);
    this.file = undefined;
    this.spilled = 0;
  }
}

/** A file only this process can reach: created new, private, and unlinked at once (nothing is left behind, even by a kill). */
function temporaryFile(): number {
  const { tmpdir } = createRequire('/')('node:os') as typeof import('node:os');
  const { randomBytes } = createRequire('/')('node:crypto') as typeof import('node:crypto');
  const path = `${tmpdir()}/orgsim-output-${process.pid}-${randomBytes(6).toString('hex')}`;
  const fd = openSync(path, 'wx+', 0o600);
  try {
    unlinkSync(path);
  } catch {
    // Left in the temporary directory; the output is still only ours to read.
  }
  return fd;
}
