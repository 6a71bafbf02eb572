import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { Spool } from './spool.js';

const drained = (spool: Spool) => {
  const pieces: Buffer[] = [];
  spool.drain((bytes) => pieces.push(Buffer.from(bytes)));
  return Buffer.concat(pieces).toString('utf8');
};
const ourFiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`orgsim-output-${process.pid}-`));

describe('the spool of what a command prints', () => {
  it('gives back what was written, in order, from memory or from its file', () => {
    for (const limit of [1 << 20, 10]) {
      const spool = new Spool(limit);
      expect(spool.isEmpty()).toBe(true);
      const pieces = ['{\n', '"Name": "Zoë 🙂",\n', 'x'.repeat(25), '', '}\n'];
      for (const piece of pieces) spool.write(piece);
      expect(spool.isEmpty()).toBe(false);
      expect(ourFiles()).toEqual([]); // the file, when there is one, has no name
      expect(drained(spool)).toBe(pieces.join(''));
      expect(spool.isEmpty()).toBe(true);
      spool.write('again');
      expect(spool.text()).toBe('again');
    }
  });

  it('takes back what came after a mark, whether it stayed in memory or went to the file', () => {
    for (const [limit, before, after] of [
      [1 << 20, 'kept ', 'dropped'],
      [8, 'kept ', 'dropped, and more than eight characters'],
      [8, 'kept beyond the limit ', 'dropped é, and more'],
      [8, 'kép', 'dropped'],
    ] as const) {
      const spool = new Spool(limit);
      spool.write(before);
      const mark = spool.mark();
      spool.write(after);
      spool.write('and this');
      mark.back();
      spool.write('then this');
      expect(drained(spool)).toBe(`${before}then this`);
    }
  });

  it('keeps everything in memory when no temporary file can be made', () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent/orgsim-spool';
    try {
      const spool = new Spool(8);
      spool.write('more than eight characters, ');
      const mark = spool.mark();
      spool.write('dropped');
      mark.back();
      spool.write('kept');
      expect(drained(spool)).toBe('more than eight characters, kept');
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
