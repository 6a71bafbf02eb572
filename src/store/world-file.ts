// The state file's layout: ordinary JSON that any JSON tool reads, written one member a line and
// one list item a line, in ASCII (other characters as \u escapes):
//
//   {
//   "SchemaVersion":3,
//   "Handshakes":[
//   {"Handshake":{...},...},
//   {"Handshake":{...},...}
//   ],
//   ...
//   }
//
// Read back in that layout, the lists stay as their stored lines and are parsed an item at a time
// (store/lazy-list.ts), so a command pays for what it touches rather than for the whole world. A
// file in any other layout (an older orgsim's, one edited by hand) is parsed whole.
import { lazyList, storedListOf, type StoredLines } from './lazy-list.js';

const NEWLINE = 0x0a;

/** Non-ASCII characters as JSON \u escapes: the file stays ASCII, its text one byte a character. */
export function asciiJson(value: unknown): string {
  const text = JSON.stringify(value);
  return /[^\x00-\x7f]/.test(text) ? text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

function lineAt(buffer: Buffer, start: number): { text: string; next: number } | undefined {
  const end = buffer.indexOf(NEWLINE, start);
  if (end === -1) return undefined;
  return { text: buffer.toString('utf8', start, end), next: end + 1 };
}

const MEMBER = /^"([A-Za-z]+)":(.*)$/;

/**
 * The world in `buffer` with its lists kept as stored lines, or undefined when the file is not in
 * this layout. `parseItem` parses one line of list `key` (and checks it).
 */
export function decodeLayout(buffer: Buffer, parseItem: (key: string, line: string, index: number) => unknown): Record<string, unknown> | undefined {
  const first = lineAt(buffer, 0);
  if (first?.text !== '{') return undefined;
  const world: Record<string, unknown> = {};
  let at = first.next;
  for (;;) {
    const line = lineAt(buffer, at);
    if (!line) return undefined;
    if (line.text === '}') return line.next === buffer.length ? world : undefined;
    const member = MEMBER.exec(line.text);
    if (!member || Object.hasOwn(world, member[1]!)) return undefined;
    const key = member[1]!;
    const value = member[2]!;
    if (value === '[') {
      // Items are objects on lines of their own, so the list ends at the first line starting "]".
      const start = line.next;
      const closing = buffer[start] === 0x5d ? start - 1 : buffer.indexOf('\n]', start);
      if (closing === -1) return undefined;
      const close = lineAt(buffer, closing + 1);
      if (!close || (close.text !== ']' && close.text !== '],')) return undefined;
      const stored: StoredLines = { buffer, start, end: Math.max(start, closing) };
      world[key] = lazyList(stored, (text, index) => parseItem(key, text, index));
      at = close.next;
      if (close.text === ']') {
        const end = lineAt(buffer, at);
        return end?.text === '}' && end.next === buffer.length ? world : undefined;
      }
      continue;
    }
    const last = !value.endsWith(',');
    try {
      world[key] = JSON.parse(last ? value : value.slice(0, -1));
    } catch {
      return undefined;
    }
    at = line.next;
    if (last) {
      const end = lineAt(buffer, at);
      return end?.text === '}' && end.next === buffer.length ? world : undefined;
    }
  }
}

/**
 * The file's content for `world`, as pieces to write in order; unchanged lists are copied as
 * stored. `check` sees every item written anew (with its list's key) and may throw.
 */
export function* encodeLayout(world: Record<string, unknown>, check: (key: string, item: unknown, index: number) => void = () => {}): Generator<string | Buffer> {
  yield '{\n';
  const entries = Object.entries(world).filter(([, value]) => value !== undefined);
  for (const [n, [key, value]] of entries.entries()) {
    const comma = n < entries.length - 1 ? ',' : '';
    if (!Array.isArray(value)) {
      yield `${JSON.stringify(key)}:${asciiJson(value)}${comma}\n`;
      continue;
    }
    yield `${JSON.stringify(key)}:[\n`;
    const stored = storedListOf(value);
    let any = false;
    if (stored && !stored.whole()) {
      const bytes = stored.untouched();
      if (bytes) {
        if (bytes.length) {
          yield bytes;
          any = true;
        }
      } else {
        for (const line of stored.lines((item) => (check(key, item, -1), asciiJson(item)))) {
          yield any ? `,\n${line}` : line;
          any = true;
        }
      }
      for (const item of stored.added()) {
        check(key, item, -1);
        yield any ? `,\n${asciiJson(item)}` : asciiJson(item);
        any = true;
      }
    } else {
      for (const [index, item] of value.entries()) {
        check(key, item, index);
        yield any ? `,\n${asciiJson(item)}` : asciiJson(item);
        any = true;
      }
    }
    yield any ? `\n]${comma}\n` : `]${comma}\n`;
  }
  yield '}\n';
}
