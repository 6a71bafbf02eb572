// Python's json module as the AWS CLI and jmespath.py use it: json.loads, with its error messages
// ("Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"), positions
// counted in code points as Python counts them; and json.dumps.
import { isNaiveDatetime } from './naive-datetime.js';
import { floatJson, isPyFloat, PyFloat } from './python-float.js';

export class PyJsonError extends Error {
  /** `message` is the whole text; `reason` the part before the position. */
  constructor(
    readonly reason: string,
    readonly position: number,
    chars: readonly string[],
  ) {
    let line = 1;
    let lastNewline = -1;
    for (let i = 0; i < position; i++) {
      if (chars[i] === '\n') {
        line++;
        lastNewline = i;
      }
    }
    super(`${reason}: line ${line} column ${position - lastNewline} (char ${position})`);
  }
}

/** Python's RecursionError: deeper than its interpreter's stack allows (not a ValueError, so callers let it through). */
export class PyJsonDepthError extends Error {
  constructor(kind: 'object' | 'array') {
    super(`maximum recursion depth exceeded while decoding a JSON ${kind} from a unicode string`);
  }
}

/** About where Python's default recursion limit (1000) stops the decoder. */
const MAX_DEPTH = 990;

export interface LoadOptions {
  /** What a number with a fraction or an exponent becomes (a PyFloat unless told). */
  float?: (n: number) => unknown;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

class Decoder {
  private readonly c: string[];
  private depth = 0;
  constructor(
    text: string,
    private readonly options: LoadOptions,
  ) {
    this.c = Array.from(text);
  }

  private fail(reason: string, at: number): never {
    throw new PyJsonError(reason, at, this.c);
  }

  private skip(i: number): number {
    while (i < this.c.length && WHITESPACE.has(this.c[i]!)) i++;
    return i;
  }

  decode(): unknown {
    const [value, end] = this.value(this.skip(0));
    const after = this.skip(end);
    if (after !== this.c.length) this.fail('Extra data', after);
    return value;
  }

  private word(i: number, word: string): boolean {
    for (let k = 0; k < word.length; k++) if (this.c[i + k] !== word[k]) return false;
    return true;
  }

  /** A value at i (no whitespace before it), and where it ends. */
  private value(i: number): [unknown, number] {
    const ch = this.c[i];
    if (ch === '"') return this.string(i + 1);
    if (ch === '{') return this.object(i + 1);
    if (ch === '[') return this.array(i + 1);
    if (ch === 'n' && this.word(i, 'null')) return [null, i + 4];
    if (ch === 't' && this.word(i, 'true')) return [true, i + 4];
    if (ch === 'f' && this.word(i, 'false')) return [false, i + 5];
    if (ch === 'N' && this.word(i, 'NaN')) return [this.float(NaN), i + 3];
    if (ch === 'I' && this.word(i, 'Infinity')) return [this.float(Infinity), i + 8];
    if (ch === '-' && this.word(i + 1, 'Infinity')) return [this.float(-Infinity), i + 9];
    return this.number(i);
  }

  private float(n: number): unknown {
    return this.options.float ? this.options.float(n) : new PyFloat(n);
  }

  private number(start: number): [unknown, number] {
    let i = start;
    if (this.c[i] === '-') i++;
    if (this.c[i] === '0') i++;
    else if (isDigit(this.c[i]) && this.c[i] !== '0') while (isDigit(this.c[i])) i++;
    else this.fail('Expecting value', start);
    let isFloat = false;
    if (this.c[i] === '.' && isDigit(this.c[i + 1])) {
      i += 2;
      while (isDigit(this.c[i])) i++;
      isFloat = true;
    }
    if (this.c[i] === 'e' || this.c[i] === 'E') {
      let j = i + 1;
      if (this.c[j] === '+' || this.c[j] === '-') j++;
      if (isDigit(this.c[j])) {
        while (isDigit(this.c[j])) j++;
        i = j;
        isFloat = true;
      }
    }
    const text = this.c.slice(start, i).join('');
    return [isFloat ? this.float(Number(text)) : Number(text) + 0, i];
  }

  /** A string whose opening quote is just before `begin`. */
  private string(begin: number): [string, number] {
    let out = '';
    let i = begin;
    for (;;) {
      const ch = this.c[i];
      if (ch === undefined) this.fail('Unterminated string starting at', begin - 1);
      if (ch === '"') return [out, i + 1];
      if (ch === '\\') {
        const next = this.c[i + 1];
        if (next === undefined) this.fail('Unterminated string starting at', begin - 1);
        if (next !== 'u') {
          const decoded = ESCAPES[next];
          if (decoded === undefined) this.fail('Invalid \\escape', i);
          out += decoded;
          i += 2;
          continue;
        }
        let code = this.hex4(i + 2, i);
        i += 6;
        if (code >= 0xd800 && code <= 0xdbff && this.c[i] === '\\' && this.c[i + 1] === 'u') {
          const low = this.hex4(i + 2, i);
          if (low >= 0xdc00 && low <= 0xdfff) {
            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
            i += 6;
          }
        }
        out += String.fromCodePoint(code);
        continue;
      }
      if (ch.codePointAt(0)! <= 0x1f) this.fail('Invalid control character at', i);
      out += ch;
      i++;
    }
  }

  private hex4(at: number, backslash: number): number {
    const digits = this.c.slice(at, at + 4);
    if (digits.length < 4 || !digits.every(isHex)) this.fail('Invalid \\uXXXX escape', backslash + 1);
    return parseInt(digits.join(''), 16);
  }

  private object(i: number): [Record<string, unknown>, number] {
    if (++this.depth > MAX_DEPTH) throw new PyJsonDepthError('object');
    try {
      return this.members(i);
    } finally {
      this.depth--;
    }
  }

  private members(i: number): [Record<string, unknown>, number] {
    const out: Record<string, unknown> = {};
    i = this.skip(i);
    if (this.c[i] === '}') return [out, i + 1];
    for (;;) {
      if (this.c[i] !== '"') this.fail('Expecting property name enclosed in double quotes', i);
      const [key, afterKey] = this.string(i + 1);
      i = this.skip(afterKey);
      if (this.c[i] !== ':') this.fail("Expecting ':' delimiter", i);
      i = this.skip(i + 1);
      const [value, afterValue] = this.valueOrExpecting(i);
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      i = this.skip(afterValue);
      if (this.c[i] === '}') return [out, i + 1];
      if (this.c[i] !== ',') this.fail("Expecting ',' delimiter", i);
      i = this.skip(i + 1);
    }
  }

  private array(i: number): [unknown[], number] {
    if (++this.depth > MAX_DEPTH) throw new PyJsonDepthError('array');
    try {
      return this.items(i);
    } finally {
      this.depth--;
    }
  }

  private items(i: number): [unknown[], number] {
    const out: unknown[] = [];
    i = this.skip(i);
    if (this.c[i] === ']') return [out, i + 1];
    for (;;) {
      const [value, afterValue] = this.valueOrExpecting(i);
      out.push(value);
      i = this.skip(afterValue);
      if (this.c[i] === ']') return [out, i + 1];
      if (this.c[i] !== ',') this.fail("Expecting ',' delimiter", i);
      i = this.skip(i + 1);
    }
  }

  private valueOrExpecting(i: number): [unknown, number] {
    if (i >= this.c.length) this.fail('Expecting value', i);
    return this.value(i);
  }
}

/** json.loads(text): PyJsonError with Python's message when Python would refuse the text. */
export function pyJsonLoads(text: string, options: LoadOptions = {}): unknown {
  return new Decoder(text, options).decode();
}

export interface DumpOptions {
  /** json.dumps' indent (none: one line). */
  indent?: number;
  /** Escape every non-ASCII character as \uXXXX (json.dumps' default). */
  ensureAscii: boolean;
  /** The item and key separators; json.dumps' defaults are (', ', ': '), or (',', ': ') with an indent. */
  separators?: [string, string];
  /** What json.dumps' `default` makes of a value it cannot write. */
  fallback?: (value: unknown) => unknown;
}

function quote(s: string, ensureAscii: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const code = s.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20 || (ensureAscii && code > 0x7e)) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** json.dumps(value, ...) of a JSON-like value whose floats are PyFloat. */
export function pyJsonDumps(value: unknown, options: DumpOptions): string {
  const [itemSep, keySep] = options.separators ?? (options.indent === undefined ? [', ', ': '] : [',', ': ']);
  const write = (v: unknown, depth: number): string => {
    if (v === null || v === undefined) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (typeof v === 'number') return Number.isInteger(v) ? String(v) : floatJson(v);
    if (typeof v === 'string') return quote(v, options.ensureAscii);
    if (isPyFloat(v)) return floatJson(v.value);
    if (typeof v !== 'object' || isNaiveDatetime(v)) {
      if (options.fallback) return write(options.fallback(v), depth);
      throw new TypeError(`Object of type ${typeof v} is not JSON serializable`);
    }
    const items: string[] = Array.isArray(v)
      ? v.map((item) => write(item, depth + 1))
      : Object.entries(v).map(([k, item]) => `${quote(k, options.ensureAscii)}${keySep}${write(item, depth + 1)}`);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (items.length === 0) return open + close;
    if (options.indent === undefined) return open + items.join(itemSep) + close;
    const inner = '\n' + ' '.repeat(options.indent * (depth + 1));
    return open + inner + items.join(itemSep + inner) + '\n' + ' '.repeat(options.indent * depth) + close;
  };
  return write(value, 0);
}

/** Whether a value holds a PyFloat anywhere (JSON.stringify writes everything else as json.dumps does). */
export function holdsFloat(value: unknown): boolean {
  if (isPyFloat(value)) return true;
  if (Array.isArray(value)) return value.some(holdsFloat);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsFloat);
  return false;
}
