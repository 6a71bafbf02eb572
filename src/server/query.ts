// STS's wire protocol (organization.md ): the Query protocol, parameters as a form
// body (or a URL's query string), answers and errors as XML. Members are read and written by the
// operation's shapes, as botocore's query serializer and XML parser see them.
import { UnmodeledError, type ServiceError } from '../model/errors.js';
import { shapeOf } from '../model/shapes.js';
import type { WireReply } from './wire.js';

export const STS_VERSION = '2011-06-15';
const XMLNS = `https://sts.amazonaws.com/doc/${STS_VERSION}/`;
const XML = 'text/xml';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ISO 8601 in UTC to the second, as STS writes its times (`2026-12-01T20:00:00Z`). */
const isoUtc = (epochSeconds: number) => new Date(Math.round(epochSeconds * 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Deserialises the flattened parameters (`Tags.member.1.Key=...`) of `shapeName`; a malformed number is MalformedInput. */
export function queryInput(params: URLSearchParams, shapeName: string): Record<string, unknown> {
  return readStructure(params, shapeName, '') ?? {};
}

function readValue(params: URLSearchParams, shapeName: string, key: string): unknown {
  const shape = shapeOf(shapeName);
  switch (shape.type) {
    case 'structure':
      return readStructure(params, shapeName, `${key}.`);
    case 'list': {
      const items: unknown[] = [];
      for (let i = 1; ; i++) {
        const item = readValue(params, shape.member, `${key}.member.${i}`);
        if (item === undefined) break;
        items.push(item);
      }
      return items.length || params.has(key) ? items : undefined;
    }
    case 'integer': {
      const raw = params.get(key);
      if (raw === null) return undefined;
      // digits with an optional sign only, within 32 bits.
      const value = /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isSafeInteger(value) || value > 2 ** 31 - 1 || value < -(2 ** 31)) throw new UnmodeledError('MalformedInput', `Invalid value for parameter ${key}`, 400);
      return value;
    }
    case 'boolean': {
      const raw = params.get(key);
      return raw === null ? undefined : raw === 'true';
    }
    default:
      return params.get(key) ?? undefined;
  }
}

function readStructure(params: URLSearchParams, shapeName: string, prefix: string): Record<string, unknown> | undefined {
  const shape = shapeOf(shapeName);
  if (shape.type !== 'structure') return undefined;
  const out: Record<string, unknown> = {};
  for (const [member, ref] of Object.entries(shape.members)) {
    const value = readValue(params, ref.shape, `${prefix}${member}`);
    if (value !== undefined) out[member] = value;
  }
  return prefix && !Object.keys(out).length ? undefined : out;
}

function writeValue(value: unknown, shapeName: string, indent: string): string {
  const shape = shapeOf(shapeName);
  switch (shape.type) {
    case 'structure':
      return writeMembers(value as Record<string, unknown>, shapeName, indent);
    case 'list':
      return (value as unknown[]).map((item) => `${indent}<member>${inline(item, shape.member, indent)}</member>\n`).join('');
    default:
      return escape(shape.type === 'timestamp' ? isoUtc(value as number) : String(value));
  }
}

function inline(value: unknown, shapeName: string, indent: string): string {
  const type = shapeOf(shapeName).type;
  return type === 'structure' || type === 'list' ? `\n${writeValue(value, shapeName, indent + '  ')}${indent}` : writeValue(value, shapeName, indent);
}

function writeMembers(value: Record<string, unknown>, shapeName: string, indent: string): string {
  const shape = shapeOf(shapeName);
  if (shape.type !== 'structure') return '';
  return Object.entries(shape.members)
    .filter(([member]) => value[member] !== undefined && value[member] !== null)
    .map(([member, ref]) => `${indent}<${member}>${inline(value[member], ref.shape, indent)}</${member}>\n`)
    .join('');
}

/** `<OpResponse><OpResult>...</OpResult><ResponseMetadata>...`. */
export function xmlResult(operation: string, outputShape: string, output: Record<string, unknown>, requestId: string): WireReply {
  const text =
    `<${operation}Response xmlns="${XMLNS}">\n` +
    `  <${operation}Result>\n${writeMembers(output, outputShape, '    ')}  </${operation}Result>\n` +
    `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n` +
    `</${operation}Response>\n`;
  return { status: 200, contentType: XML, text };
}

/** `<ErrorResponse><Error><Type>Sender</Type>...`. */
export function xmlError(error: Pick<ServiceError, 'code' | 'message' | 'httpStatus'>, requestId: string): WireReply {
  const text =
    `<ErrorResponse xmlns="${XMLNS}">\n  <Error>\n    <Type>${error.httpStatus >= 500 ? 'Receiver' : 'Sender'}</Type>\n` +
    `    <Code>${escape(error.code)}</Code>\n    <Message>${escape(error.message)}</Message>\n  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`;
  return { status: error.httpStatus, contentType: XML, text, code: error.code };
}
