// Recognises orgsim's errors by their `kind`, whichever bundle's copy of the class made them.
import type { OrganizationsError } from '../model/errors.js';
import type { StoreError } from '../store/store-error.js';
import type { ArgParseError, ClientError, ParamValidationError, ProfileNotFoundError, UnknownOptionsError } from './cli-errors.js';

interface Kinds {
  OrganizationsError: OrganizationsError;
  StoreError: StoreError;
  ArgParseError: ArgParseError;
  UnknownOptionsError: UnknownOptionsError;
  ParamValidationError: ParamValidationError;
  ProfileNotFoundError: ProfileNotFoundError;
  ClientError: ClientError;
}

export function isKind<K extends keyof Kinds>(error: unknown, kind: K): error is Kinds[K] {
  return typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === kind;
}
