// One request, from headers and body to reply: authenticate, find the operation, run it.
import { ConfigurationError } from '../errors/classes.js';
import { OrganizationsError } from '../model/errors.js';
import { ALL_OPERATION_NAMES, operationByName } from '../model/operations.js';
import type { Clock, IdGenerator } from '../service/context.js';
import { tryRunCall } from '../app/runner.js';
import { knownMembers } from '../app/known-members.js';
import type { OrgState } from '../model/types.js';
import type { Store } from '../store/store.js';
import { accessKeyIdOf, CONTENT_TYPE, errorReply, protocolError, TARGET_PREFIX, type WireReply } from './wire.js';

export interface ServerContext {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
}

export interface IncomingCall {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
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
}

/**
 * The caller is looked up in the world the operation runs on (inside a mutation's transaction),
 * and remembered for the request log.
 */
function callerByKey(keyId: string, found: { profile?: string }) {
  return (state: OrgState): string => {
    const profile = state.Profiles.find((p) => p.AccessKeyId === keyId);
    if (!profile) throw new UnknownKeyError();
    found.profile = profile.Name;
    return profile.AccountId;
  };
}

class UnknownKeyError extends Error {}

export function handleCall(call: IncomingCall, server: ServerContext): Handled {
  if (call.method !== 'POST') return { reply: protocolError(405, 'UnknownOperationException', 'Only POST is supported.') };
  const contentType = (header(call, 'content-type') ?? '').split(';')[0]!.trim();
  if (contentType !== CONTENT_TYPE) {
    return { reply: protocolError(400, 'SerializationException', `Content-Type must be ${CONTENT_TYPE}.`) };
  }
  const target = header(call, 'x-amz-target') ?? '';
  const operation = target.startsWith(TARGET_PREFIX) ? operationByName(target.slice(TARGET_PREFIX.length)) : undefined;
  if (!operation) {
    const name = target.slice(TARGET_PREFIX.length);
    if (target.startsWith(TARGET_PREFIX) && ALL_OPERATION_NAMES.some((op) => op.name === name)) {
      return { reply: protocolError(501, 'NotImplemented', `orgsim does not simulate ${name}. The operations it simulates are listed in its README.`), operation: name };
    }
    return { reply: protocolError(400, 'UnknownOperationException', `Unknown operation ${target || '(no X-Amz-Target)'}.`) };
  }
  const keyId = accessKeyIdOf(header(call, 'authorization'));
  if (!keyId) return { reply: protocolError(400, 'MissingAuthenticationTokenException', 'Missing Authentication Token'), operation: operation.name };
  let input: unknown;
  try {
    input = call.body.trim() === '' ? {} : JSON.parse(call.body);
  } catch {
    return { reply: protocolError(400, 'SerializationException', 'Start of structure or map found where not expected.'), operation: operation.name };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { reply: protocolError(400, 'SerializationException', 'Start of structure or map found where not expected.'), operation: operation.name };
  }
  try {
    const found: { profile?: string } = {};
    const request = knownMembers(input, operation.input) as Record<string, unknown>;
    const outcome = tryRunCall(server.store, { operation, input: request, caller: callerByKey(keyId, found), clock: server.clock, ids: server.ids });
    if (outcome === 'busy') return { operation: operation.name };
    const reply = 'error' in outcome ? errorReply(outcome.error) : { status: 200, body: outcome.output as Record<string, unknown> };
    return { reply, operation: operation.name, profile: found.profile };
  } catch (error) {
    if (error instanceof UnknownKeyError) {
      return { reply: protocolError(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.'), operation: operation.name };
    }
    if (error instanceof OrganizationsError) return { reply: errorReply(error), operation: operation.name };
    const message = error instanceof ConfigurationError ? error.message : 'An internal error occurred.';
    return { reply: protocolError(500, 'ServiceException', message), operation: operation.name };
  }
}
