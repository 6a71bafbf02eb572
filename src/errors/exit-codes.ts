// The one table from error to exit code (the AWS CLI v2's return codes).
import { isKind } from './kind.js';

export const EXIT = {
  OK: 0,
  /** Usage, syntax and client-side parameter errors. */
  USAGE: 252,
  /** orgsim's own files or environment are unusable. */
  CONFIG: 253,
  /** The service answered with an error. */
  SERVICE: 254,
  /** Anything else. */
  GENERAL: 255,
} as const;

export function exitCodeFor(error: unknown): number {
  if (isKind(error, 'OrganizationsError')) return EXIT.SERVICE;
  if (isKind(error, 'ArgParseError') || isKind(error, 'UnknownOptionsError') || isKind(error, 'ParamValidationError')) return EXIT.USAGE;
  if (isKind(error, 'StoreError')) return EXIT.CONFIG;
  return EXIT.GENERAL;
}
