// Service-side checks of request members (what the client does not check: patterns, enums, maxima).
import { HANDSHAKE_ID_PATTERN } from '../model/ids.js';
import { invalidInput } from '../model/errors.js';
import { shapeOf } from '../model/shapes.js';

export type Request = Record<string, unknown>;

export function requireHandshakeId(input: Request): string {
  const id = input.HandshakeId;
  if (id === undefined || id === null) throw invalidInput('INPUT_REQUIRED', 'HANDSHAKE_ID');
  if (typeof id !== 'string' || !HANDSHAKE_ID_PATTERN.test(id)) throw invalidInput('INVALID_PATTERN', 'HANDSHAKE_ID');
  return id;
}

/** The largest page the service returns: MaxResults' own limit in the model. */
export const MAX_PAGE = (shapeOf('MaxResults') as { max: number }).max;

export function pageSize(input: Request): number {
  const max = input.MaxResults;
  if (max === undefined || max === null) return MAX_PAGE;
  if (typeof max !== 'number' || !Number.isInteger(max)) throw invalidInput('INVALID_PATTERN', 'MAX_RESULTS');
  if (max < 1) throw invalidInput('MIN_VALUE_EXCEEDED', 'MAX_RESULTS');
  if (max > MAX_PAGE) throw invalidInput('MAX_VALUE_EXCEEDED', 'MAX_RESULTS');
  return max;
}
