// Service-side checks of request members (what the client does not check: patterns, enums, maxima);
// page sizes are checked by Paging (pages.ts), from the operation's paginator.
import { HANDSHAKE_ID_PATTERN } from '../model/ids.js';
import { invalidInput } from '../model/errors.js';

export type Request = Record<string, unknown>;

export function requireHandshakeId(input: Request): string {
  const id = input.HandshakeId;
  if (id === undefined || id === null) throw invalidInput('INPUT_REQUIRED', 'HANDSHAKE_ID');
  if (typeof id !== 'string' || !HANDSHAKE_ID_PATTERN.test(id)) throw invalidInput('INVALID_PATTERN', 'HANDSHAKE_ID');
  return id;
}

/** A required id member that must match the model's pattern; `field` names it in the reason. */
export function requireMatching(input: Request, member: string, field: string, pattern: RegExp): string {
  const value = input[member];
  if (value === undefined || value === null) throw invalidInput('INPUT_REQUIRED', field);
  if (typeof value !== 'string' || !pattern.test(value)) throw invalidInput('INVALID_PATTERN', field);
  return value;
}
