// The one table from error to exit code (the AWS CLI v2's return codes).
import { OrganizationsError } from '../model/errors.js';
import { StoreError } from '../store/store-error.js';
import { ArgParseError, ParamValidationError, UnknownOptionsError } from './cli-errors.js';

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
  if (error instanceof OrganizationsError) return EXIT.SERVICE;
  if (error instanceof ArgParseError || error instanceof UnknownOptionsError || error instanceof ParamValidationError) return EXIT.USAGE;
  if (error instanceof StoreError) return EXIT.CONFIG;
  return EXIT.GENERAL;
}
