// Every operation of the service (generated from its definition), joined with what orgsim adds to
// the ones it simulates. The CLI, the service, the server, help and completion all read this.
import type { ExceptionCode } from './errors.js';
import { ORGANIZATIONS_OPERATIONS } from './generated/organizations-operations.js';
import { STS_OPERATIONS as STS_MODEL } from './generated/sts-operations.js';
import { SERVED, SERVED_STS, type Served } from './served.js';
import type { OperationModel, Paginator } from './shape.js';

export type { Paginator } from './shape.js';

/** The AWS CLI command of the service orgsim simulates. */
export const SERVICE = 'organizations';
/** The one other service: the identity that goes with it. */
export const STS = 'sts';
export type ServiceName = typeof SERVICE | typeof STS;

export interface Operation {
  service: ServiceName;
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

const namesOf = (model: readonly (string | OperationModel)[]) =>
  model.map((op) => {
    const name = typeof op === 'string' ? op : op.name;
    return { name, cliName: kebabCase(name) };
  });

/** Worked out when first asked: only a command orgsim does not simulate needs them (start-up, docs/architecture.md). */
const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

/** Every Organizations operation, by the CLI's name, whether orgsim simulates it or not. */
export const allOperationNames: () => readonly { name: string; cliName: string }[] = once(() => namesOf(ORGANIZATIONS_OPERATIONS));
const allStsNames = once(() => namesOf(STS_MODEL));

const servedOf = (service: ServiceName, model: readonly (string | OperationModel)[], served: Readonly<Record<string, Served>>): Operation[] =>
  model.flatMap((op) => {
    if (typeof op === 'string') return [];
    const { served: _served, ...rest } = op;
    return [{ ...rest, service, errors: rest.errors as ExceptionCode[], cliName: kebabCase(rest.name), ...served[rest.name]! }];
  });

/** The Organizations operations orgsim simulates: their definition, and what served.json adds. */
export const OPERATIONS: readonly Operation[] = servedOf(SERVICE, ORGANIZATIONS_OPERATIONS, SERVED);
/** The STS operations orgsim simulates. */
export const STS_OPERATIONS: readonly Operation[] = servedOf(STS, STS_MODEL, SERVED_STS);

/** The served operations of `service`. */
export function operationsOf(service: ServiceName): readonly Operation[] {
  return service === STS ? STS_OPERATIONS : OPERATIONS;
}

export function operationByCliName(cliName: string, service: ServiceName = SERVICE): Operation | undefined {
  return operationsOf(service).find((op) => op.cliName === cliName);
}

/** A served operation of either service (their names do not meet). */
export function operationByName(name: string): Operation | undefined {
  return OPERATIONS.find((op) => op.name === name) ?? STS_OPERATIONS.find((op) => op.name === name);
}

/** An operation of `service` that orgsim does not simulate. */
export function unservedOperation(cliName: string, service: ServiceName = SERVICE): string | undefined {
  const all = service === STS ? allStsNames() : allOperationNames();
  return all.find((op) => op.cliName === cliName && !operationByCliName(cliName, service))?.name;
}

/** An STS operation orgsim does not simulate, by its API name (orgsim serve). */
export function unservedStsOperation(name: string): boolean {
  return allStsNames().some((op) => op.name === name) && !STS_OPERATIONS.some((op) => op.name === name);
}
