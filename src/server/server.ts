// `orgsim serve`: the world over HTTP, so the AWS CLI, boto3 and the SDKs can use it with --endpoint-url.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleCall, type ServerContext } from './handle.js';
import { errorReply, MAX_BODY_BYTES, protocolError, type WireReply } from './wire.js';
import { xmlError } from './query.js';
import { OrganizationsError } from '../model/errors.js';
import { lockRetryDelayMs } from '../store/lock.js';
import { loadHandlers } from '../service/operations.js';

export interface ServeOptions {
  log?: (line: string) => void;
  /** How long a mutation waits for the world's lock before ConcurrentModificationException. */
  lockTimeoutMs: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(res: ServerResponse, reply: WireReply, requestId = randomUUID()): void {
  res.writeHead(reply.status, {
    'Content-Type': reply.contentType,
    'Content-Length': Buffer.byteLength(reply.text),
    'x-amzn-RequestId': requestId,
  });
  res.end(reply.text);
}

/** Reads the whole body; undefined if the client went away or the body is too large (then answered). */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | undefined> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () => {
      send(res, protocolError(413, 'RequestEntityTooLargeException', `Request body must not exceed ${MAX_BODY_BYTES} bytes.`));
      req.resume();
      resolve(undefined);
    };
    if (declared > MAX_BODY_BYTES) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done = true;
        tooLarge();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    // A client that disconnects before the body is complete never reaches the service.
    req.on('aborted', () => {
      done = true;
      resolve(undefined);
    });
    req.on('error', () => {
      done = true;
      resolve(undefined);
    });
  });
}

export function createOrgsimServer(context: ServerContext, options: ServeOptions): Server {
  return createServer(async (req, res) => {
    const started = Date.now();
    const body = await readBody(req, res);
    if (body === undefined) return;
    await loadHandlers();
    // A mutation whose lock is held waits here, between tries, so that other requests are answered meanwhile.
    const deadline = Date.now() + options.lockTimeoutMs;
    const call = { method: req.method ?? '', url: req.url, headers: req.headers, body, requestId: randomUUID() };
    let handled = handleCall(call, context);
    for (let attempt = 0; !handled.reply; attempt++) {
      if (Date.now() >= deadline) {
        const busy = new OrganizationsError('ConcurrentModificationException');
        handled = { ...handled, reply: handled.protocol === 'query' ? xmlError(busy, call.requestId) : errorReply(busy) };
        break;
      }
      await pause(lockRetryDelayMs(attempt));
      handled = handleCall(call, context);
    }
    const reply = handled.reply!;
    send(res, reply, call.requestId);
    options.log?.(
      `${req.method} ${handled.operation ?? '-'} ${handled.profile ?? '-'} ${reply.status}` +
        (reply.status !== 200 ? ` ${reply.code ?? ''}` : '') +
        ` ${Date.now() - started}ms`,
    );
  });
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
