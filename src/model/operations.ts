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

const modelOf = (service: ServiceName) => (service === STS ? STS_MODEL : ORGANIZATIONS_OPERATIONS);

/**
 * Each served operation is put together when first asked for: a command needs one, only help and
 * completion need them all (start-up, docs/architecture.md). Their names do not meet across services.
 */
const made = new Map<string, Operation>();
function operationOf(service: ServiceName, op: OperationModel): Operation {
  let operation = made.get(op.name);
  if (!operation) {
    const { served: _served, ...rest } = op;
    const served = (service === STS ? SERVED_STS : SERVED)[op.name]!;
    operation = { ...rest, service, errors: rest.errors as ExceptionCode[], cliName: kebabCase(op.name), ...served };
    made.set(op.name, operation);
  }
  return operation;
}

const servedOperations = { [SERVICE]: once(() => allServed(SERVICE)), [STS]: once(() => allServed(STS)) };
function allServed(service: ServiceName): Operation[] {
  return modelOf(service).flatMap((op) => (typeof op === 'string' ? [] : [operationOf(service, op)]));
}

/** The served operations of `service`: their definition, and what served.json adds. */
export function operationsOf(service: ServiceName): readonly Operation[] {
  return servedOperations[service]();
}

export function operationByCliName(cliName: string, service: ServiceName = SERVICE): Operation | undefined {
  // The CLI's name is the API name with dashes and in lower case: only a name that matches so is put in kebab case.
  const letters = cliName.replaceAll('-', '');
  const op = modelOf(service).find((o): o is OperationModel => typeof o !== 'string' && o.name.toLowerCase() === letters && kebabCase(o.name) === cliName);
  return op && operationOf(service, op);
}

/** A served operation of either service (their names do not meet). */
export function operationByName(name: string): Operation | undefined {
  for (const service of [SERVICE, STS] as const) {
    const op = modelOf(service).find((o): o is OperationModel => typeof o !== 'string' && o.name === name);
    if (op) return operationOf(service, op);
  }
  return undefined;
}

/** An operation of `service` that orgsim does not simulate. */
export function unservedOperation(cliName: string, service: ServiceName = SERVICE): string | undefined {
  const all = service === STS ? allStsNames() : allOperationNames();
  return all.find((op) => op.cliName === cliName && !operationByCliName(cliName, service))?.name;
}

/** An STS operation orgsim does not simulate, by its API name (orgsim serve). */
export function unservedStsOperation(name: string): boolean {
  // The definition names an operation orgsim does not simulate, and defines only those it does.
  return STS_MODEL.includes(name);
}
