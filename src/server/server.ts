// `orgsim serve`: the world over HTTP, so the AWS CLI, boto3 and the SDKs can use it with --endpoint-url.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleCall, type ServerContext } from './handle.js';
import { errorReply, MAX_BODY_BYTES, protocolError, type WireReply } from './wire.js';
import { xmlError } from './query.js';
import { OrganizationsError } from '../model/errors.js';
import { lockRetryDelayMs } from '../store/lock.js';
import { loadHandlers } from '../service/operations.js';
import { ConfigurationError } from '../errors/classes.js';
import { answerPage, isPageRequest, WorldWatcher } from './page.js';

export interface ServeOptions {
  log?: (line: string) => void;
  /** How long a mutation waits for the world's lock before ConcurrentModificationException. */
  lockTimeoutMs: number;
  /** The state file, which the page watches to follow every change. */
  worldFile: string;
  /** Bound to a non-loopback address on purpose (--allow-remote): the page answers to any name. */
  remote?: boolean;
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
  const watcher = new WorldWatcher(options.worldFile);
  const server = createServer(async (req, res) => {
    const started = Date.now();
    const body = await readBody(req, res);
    if (body === undefined) return;
    if (isPageRequest(req)) {
      try {
        await answerPage(req, body, res, context, watcher, options.remote === true);
      } catch (error) {
        if (!res.headersSent) {
          const message = error instanceof ConfigurationError ? error.message : 'An internal error occurred.';
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message + '\n');
        }
      }
      options.log?.(`${req.method} page ${new URL(req.url ?? '/', 'http://localhost').pathname} ${res.statusCode} ${Date.now() - started}ms`);
      return;
    }
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
    if (handled.latencyMs) await pause(handled.latencyMs);
    send(res, reply, call.requestId);
    options.log?.(
      `${req.method} ${handled.operation ?? '-'} ${handled.profile ?? '-'} ${reply.status}` +
        (reply.status !== 200 ? ` ${reply.code ?? ''}` : '') +
        ` ${Date.now() - started}ms`,
    );
  });
  server.on('close', () => watcher.close());
  return server;
}

export { isLoopback } from './loopback.js';
