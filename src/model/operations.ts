// Every operation of the service (generated from its definition), joined with what orgsim adds to
// the ones it simulates. The CLI, the service, the server, help and completion all read this.
import type { ExceptionCode } from './errors.js';
import { ORGANIZATIONS_OPERATIONS } from './generated/organizations-operations.js';
import { SERVED } from './served.js';
import type { Paginator } from './shape.js';

export type { Paginator } from './shape.js';

/** The AWS CLI command of the service orgsim simulates. */
export const SERVICE = 'organizations';

export interface Operation {
  name: string;
  /** The CLI sub-command: kebab-case of the name. */
  cliName: string;
  input: string;
  output: string;
  mutates: boolean;
  paginator?: Paginator;
  errors: readonly ExceptionCode[];
  summary: string;
}

/** The AWS CLI's sub-command name (botocore's xform_name, with a dash). */
export function kebabCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** Every operation of the service, by the CLI's name, whether orgsim simulates it or not. */
export const ALL_OPERATION_NAMES: readonly { name: string; cliName: string }[] = ORGANIZATIONS_OPERATIONS.map((op) => {
  const name = typeof op === 'string' ? op : op.name;
  return { name, cliName: kebabCase(name) };
});

/** The operations orgsim simulates: their definition, and what served.json adds. */
export const OPERATIONS: readonly Operation[] = ORGANIZATIONS_OPERATIONS.flatMap((op) => {
  if (typeof op === 'string') return [];
  const { served: _served, ...model } = op;
  return [{ ...model, errors: model.errors as ExceptionCode[], cliName: kebabCase(model.name), ...SERVED[model.name]! }];
});

export function operationByCliName(cliName: string): Operation | undefined {
  return OPERATIONS.find((op) => op.cliName === cliName);
}

export function operationByName(name: string): Operation | undefined {
  return OPERATIONS.find((op) => op.name === name);
}

/** An operation of the service that orgsim does not simulate. */
export function unservedOperation(cliName: string): string | undefined {
  return ALL_OPERATION_NAMES.find((op) => op.cliName === cliName && !operationByCliName(cliName))?.name;
}
