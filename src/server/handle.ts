// One request, from headers and body to reply: authenticate, find the operation, run it.
import { isKind } from '../errors/kind.js';
import { operationByName } from '../model/operations.js';
import type { Clock, IdGenerator } from '../service/context.js';
import { currentWorld, runOperation } from '../service/runner.js';
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
  reply: WireReply;
  operation?: string;
  profile?: string;
}

export function handleCall(call: IncomingCall, server: ServerContext): Handled {
  if (call.method !== 'POST') return { reply: protocolError(405, 'UnknownOperationException', 'Only POST is supported.') };
  const contentType = (header(call, 'content-type') ?? '').split(';')[0]!.trim();
  if (contentType !== CONTENT_TYPE) {
    return { reply: protocolError(400, 'SerializationException', `Content-Type must be ${CONTENT_TYPE}.`) };
  }
  const target = header(call, 'x-amz-target') ?? '';
  const operation = target.startsWith(TARGET_PREFIX) ? operationByName(target.slice(TARGET_PREFIX.length)) : undefined;
  if (!operation) return { reply: protocolError(400, 'UnknownOperationException', `Unknown operation ${target || '(no X-Amz-Target)'}.`) };
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
    const world = currentWorld(server.store, server.clock);
    const profile = world.Profiles.find((p) => p.AccessKeyId === keyId);
    if (!profile) {
      return { reply: protocolError(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.'), operation: operation.name };
    }
    const ctx = { caller: profile.AccountId, clock: server.clock, ids: server.ids };
    const outcome = runOperation(server.store, operation, input as Record<string, unknown>, ctx, operation.mutates ? undefined : world);
    const reply = 'error' in outcome ? errorReply(outcome.error) : { status: 200, body: outcome.output as Record<string, unknown> };
    return { reply, operation: operation.name, profile: profile.Name };
  } catch (error) {
    if (isKind(error, 'OrganizationsError')) return { reply: errorReply(error), operation: operation.name };
    const message = isKind(error, 'StoreError') ? error.message : 'An internal error occurred.';
    return { reply: protocolError(500, 'ServiceException', message), operation: operation.name };
  }
}
