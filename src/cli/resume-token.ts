// The AWS CLI's resume token for --max-items / --starting-token: base64 of Python's
// json.dumps of {"NextToken": <service token>, "boto_truncate_amount": <items used>}.
import { GeneralError } from '../errors/classes.js';

export type TokenDict = Record<string, unknown>;

function pyJsonString(s: string): string {
  // json.dumps escapes every non-ASCII character (ensure_ascii).
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function pyJsonValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return pyJsonString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return '[' + v.map(pyJsonValue).join(', ') + ']';
  return '{' + Object.entries(v as object).map(([k, x]) => `${pyJsonString(k)}: ${pyJsonValue(x)}`).join(', ') + '}';
}

export function encodeResumeToken(token: TokenDict): string {
  return Buffer.from(pyJsonValue(token), 'utf8').toString('base64');
}

/** Python's base64.b64decode without validation: characters outside the alphabet are dropped. */
function b64decodeLenient(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/=]/g, '');
  const pad = clean.indexOf('=');
  const data = pad < 0 ? clean : clean.slice(0, pad);
  const rest = data.length % 4;
  if (rest === 1) throw new Error('invalid base64');
  if (rest !== 0) {
    const padding = pad < 0 ? 0 : clean.slice(pad).replace(/[^=]/g, '').length;
    if (padding < 4 - rest) throw new Error('Incorrect padding');
  }
  return new Uint8Array(Buffer.from(data, 'base64'));
}

export interface StartingToken {
  /** Request members to send with the first call (the service's NextToken). */
  next: TokenDict;
  /** Items of the first page already consumed. */
  skip: unknown;
}

/** Decodes a --starting-token. What is not base64 JSON is passed through to the service as its NextToken. */
export function decodeStartingToken(token: string, inputToken: string): StartingToken {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(b64decodeLenient(token));
    const decoded = JSON.parse(text) as unknown;
    if (typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded)) {
      const next = { ...(decoded as TokenDict) };
      delete next.boto_encoded_keys;
      let skip: unknown = 0;
      if ('boto_truncate_amount' in next) {
        skip = next.boto_truncate_amount;
        delete next.boto_truncate_amount;
      }
      return { next, skip };
    }
  } catch {
    /* fall through to the legacy "token___index" form */
  }
  let parts = token.split('___');
  let skip = 0;
  if (parts.length === 2) {
    const last = parts[1]!;
    if (/^\s*[+-]?\d+\s*$/.test(last)) {
      skip = Number(last);
      parts = [parts[0]!];
    } else {
      parts = [token];
    }
  }
  if (parts.length > 1) throw new GeneralError('Starting token has too many elements');
  return { next: { [inputToken]: parts[0] === 'None' ? null : parts[0] }, skip };
}
