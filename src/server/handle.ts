// One request, from headers and body to reply: find the protocol and the operation, authenticate,
// run it. Organizations speaks JSON 1.1 (X-Amz-Target); STS the Query protocol (a form with
// Action and Version), on the same endpoint, as clients given one endpoint send both (organization.md R-240).
import { ConfigurationError } from '../errors/classes.js';
import { ServiceError, UnmodeledError } from '../model/errors.js';
import { allOperationNames, operationByName, unservedStsOperation, type Operation } from '../model/operations.js';
import type { Clock, IdGenerator } from '../service/context.js';
import { lookUp, tryRunCall, type CallerLookup } from '../app/runner.js';
import { knownMembers } from '../app/known-members.js';
import { CredentialsRejected, rejection, type Credentials } from '../app/credentials.js';
import type { Store } from '../store/store.js';
import type { ProcessFaults } from '../app/rehearsal.js';
import { queryInput, STS_VERSION, xmlError, xmlResult } from './query.js';
import { accessKeyIdOf, CONTENT_TYPE, errorReply, jsonReply, protocolError, TARGET_PREFIX, type WireReply } from './wire.js';

export interface ServerContext {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  /** ORGSIM_FAULTS of the server's process, and the seed a rehearsal draws from. */
  faults?: ProcessFaults;
  seed?: string;
}

export interface IncomingCall {
  method: string;
  /** The request target: path and query string. */
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The x-amzn-RequestId of the reply (STS's XML repeats it in the body). */
  requestId: string;
}

const header = (call: IncomingCall, name: string) => {
  const value = call.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export interface Handled {
  /** Undefined while the world's lock is held by another writer: the caller tries again later. */
  reply?: WireReply;
  operation?: string;
  profile?: string;
  /** How an answer that could not wait longer for the lock is written. */
  protocol: 'json' | 'query';
  /** How long to wait before answering (a latency fault). */
  latencyMs?: number;
}

/** The caller, looked up in the world the operation runs on (inside a mutation's transaction), and remembered for the request log. */
function remembering(credentials: Credentials, clock: Clock, found: { profile?: string }): CallerLookup {
  const look = lookUp(credentials, clock);
  return (state) => {
    const caller = look(state);
    found.profile = caller.profile ?? `session:${caller.principal.Arn.split('/').pop()}`;
    return caller;
  };
}

/** A Query call's parameters: a form body, or the query string of a GET (a presigned GetCallerIdentity). */
function queryParameters(call: IncomingCall): URLSearchParams | undefined {
  const contentType = (header(call, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (call.method === 'POST' && contentType === 'application/x-www-form-urlencoded') return new URLSearchParams(call.body);
  const query = new URL(call.url ?? '/', 'http://localhost').searchParams;
  return call.method === 'GET' && query.has('Action') ? query : undefined;
}

export function handleCall(call: IncomingCall, server: ServerContext): Handled {
  const params = queryParameters(call);
  return params ? handleQuery(call, params, server) : handleJson(call, server);
}

function run(operation: Operation, input: Record<string, unknown>, credentials: Credentials, server: ServerContext, found: { profile?: string }) {
  return tryRunCall(server.store, { operation, input, caller: remembering(credentials, server.clock, found), clock: server.clock, ids: server.ids, faults: server.faults, seed: server.seed, served: true });
}

function internal(error: unknown): UnmodeledError {
  return new UnmodeledError('ServiceException', error instanceof ConfigurationError ? error.message : 'An internal error occurred.', 500);
}

function handleQuery(call: IncomingCall, params: URLSearchParams, server: ServerContext): Handled {
  const protocol = 'query';
  const action = params.get('Action') ?? '';
  const version = params.get('Version') ?? '';
  const operation = version === STS_VERSION ? operationByName(action) : undefined;
  const fail = (error: Pick<ServiceError, 'code' | 'message' | 'httpStatus'>): Handled => ({ reply: xmlError(error, call.requestId), operation: action || undefined, protocol });
  if (!operation || operation.service !== 'sts') {
    // an action STS has but orgsim does not answer fails as loudly as one STS lacks.
    const known = unservedStsOperation(action) ? ' (orgsim does not simulate it; see its README)' : '';
    return fail({ code: 'InvalidAction', message: `Could not find operation ${action} for version ${version}${known}`, httpStatus: 400 });
  }
  const keyId = accessKeyIdOf(header(call, 'authorization')) ?? params.get('X-Amz-Credential')?.split('/')[0];
  if (!keyId) return fail({ code: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token', httpStatus: 403 });
  const credentials = { accessKeyId: keyId, sessionToken: header(call, 'x-amz-security-token') ?? params.get('X-Amz-Security-Token') ?? undefined };
  try {
    const found: { profile?: string } = {};
    const outcome = run(operation, queryInput(params, operation.input), credentials, server, found);
    if (outcome === 'busy') return { operation: operation.name, protocol };
    if ('error' in outcome) return { ...fail(outcome.error), profile: found.profile, latencyMs: outcome.latencyMs };
    return { reply: xmlResult(operation.name, operation.output, outcome.output as Record<string, unknown>, call.requestId), operation: operation.name, profile: found.profile, protocol, latencyMs: outcome.latencyMs };
  } catch (error) {
    if (error instanceof CredentialsRejected) return fail(rejection('sts', error));
    if (error instanceof ServiceError) return fail(error);
    return fail(internal(error));
  }
}

function handleJson(call: IncomingCall, server: ServerContext): Handled {
  const protocol = 'json';
  if (call.method !== 'POST') return { reply: protocolError(405, 'UnknownOperationException', 'Only POST is supported.'), protocol };
  const contentType = (header(call, 'content-type') ?? '').split(';')[0]!.trim();
  if (contentType !== CONTENT_TYPE) {
    return { reply: protocolError(400, 'SerializationException', `Content-Type must be ${CONTENT_TYPE}.`), protocol };
  }
  const target = header(call, 'x-amz-target') ?? '';
  const found = target.startsWith(TARGET_PREFIX) ? operationByName(target.slice(TARGET_PREFIX.length)) : undefined;
  const operation = found?.service === 'organizations' ? found : undefined;
  if (!operation) {
    const name = target.slice(TARGET_PREFIX.length);
    if (target.startsWith(TARGET_PREFIX) && allOperationNames().some((op) => op.name === name)) {
      return { reply: protocolError(501, 'NotImplemented', `orgsim does not simulate ${name}. The operations it simulates are listed in its README.`), operation: name, protocol };
    }
    return { reply: protocolError(400, 'UnknownOperationException', `Unknown operation ${target || '(no X-Amz-Target)'}.`), protocol };
  }
  const keyId = accessKeyIdOf(header(call, 'authorization'));
  if (!keyId) return { reply: protocolError(400, 'MissingAuthenticationTokenException', 'Missing Authentication Token'), operation: operation.name, protocol };
  let input: unknown;
  try {
    input = call.body.trim() === '' ? {} : JSON.parse(call.body);
  } catch {
    input = undefined;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { reply: protocolError(400, 'SerializationException', 'Start of structure or map found where not expected.'), operation: operation.name, protocol };
  }
  const who: { profile?: string } = {};
  try {
    const request = knownMembers(input, operation.input) as Record<string, unknown>;
    const outcome = run(operation, request, { accessKeyId: keyId, sessionToken: header(call, 'x-amz-security-token') }, server, who);
    if (outcome === 'busy') return { operation: operation.name, protocol };
    const reply = 'error' in outcome ? errorReply(outcome.error) : jsonReply(200, outcome.output as Record<string, unknown>);
    return { reply, operation: operation.name, profile: who.profile, protocol, latencyMs: outcome.latencyMs };
  } catch (error) {
    if (error instanceof CredentialsRejected) return { reply: errorReply(rejection('organizations', error)), operation: operation.name, protocol };
    if (error instanceof ServiceError) return { reply: errorReply(error), operation: operation.name, protocol };
    return { reply: errorReply(internal(error)), operation: operation.name, protocol };
  }
}
