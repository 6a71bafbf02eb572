// The AWS CLI is Python: its messages show values with str()/repr() and types as <class '...'>.
import { floatRepr, isPyFloat } from './python-float.js';

/** Bytes read with fileb://: a different type from text, as in Python. */
export class Bytes {
  constructor(readonly data: Uint8Array) {}
}

/** What Python's str.isprintable() refuses (besides the ASCII controls): repr escapes it. */
// Compiled when first needed: a pattern of Unicode classes costs start-up time.
let unprintable: RegExp | undefined;
const isUnprintable = (ch: string) => (unprintable ??= /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u).test(ch);

function escapeCode(code: number): string {
  if (code < 0x100) return '\\x' + code.toString(16).padStart(2, '0');
  if (code < 0x10000) return '\\u' + code.toString(16).padStart(4, '0');
  return '\\U' + code.toString(16).padStart(8, '0');
}

function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && isUnprintable(ch)) out += escapeCode(code);
    else out += ch;
  }
  return quote + out + quote;
}

function reprBytes(data: Uint8Array): string {
  let out = '';
  for (const byte of data) {
    if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x27) out += "\\'";
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x0d) out += '\\r';
    else if (byte === 0x09) out += '\\t';
    else if (byte < 0x20 || byte >= 0x7f) out += '\\x' + byte.toString(16).padStart(2, '0');
    else out += String.fromCharCode(byte);
  }
  return `b'${out}'`;
}


export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return reprString(value);
  if (typeof value === 'number') return String(value);
  if (isPyFloat(value)) return floatRepr(value.value);
  if (value instanceof Bytes) return reprBytes(value.data);
  if (Array.isArray(value)) return '[' + value.map(pyRepr).join(', ') + ']';
  if (typeof value === 'object') {
    return '{' + Object.entries(value).map(([k, v]) => `${reprString(k)}: ${pyRepr(v)}`).join(', ') + '}';
  }
  return String(value);
}

/** str(): strings are shown raw, everything else as repr. */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (isPyFloat(value)) return 'float';
  if (value instanceof Bytes) return 'bytes';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

export function pyType(value: unknown): string {
  return `<class '${pyTypeName(value)}'>`;
}
