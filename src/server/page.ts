// The page of `orgsim serve` for people: `/` draws the world, `/_orgsim/...` serves what the page
// needs (its script and style, the picture again, a handshake's explanation, a stream that says
// when the world changed) and the one change it makes, the clock, when the teacher asks.
// Everything ships in the package: nothing is loaded from anywhere else.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ArgParseError } from '../errors/classes.js';
import { OrganizationsError } from '../model/errors.js';
import { currentWorld } from '../app/runner.js';
import { moveClock } from '../app/world-clock.js';
import { CLOCK_STEPS, explanationHtml, ICON_SVG, pageHtml, pictureHtml } from '../output/page.js';
import { advanceClock, parseDuration, resetClock } from '../service/clock.js';
import { worldNow } from '../service/context.js';
import { explainHandshake } from '../service/explain.js';
import { profileOf } from '../service/names.js';
import { partyAccounts, worldPicture } from '../service/picture.js';
import type { ServerContext } from './handle.js';
import { isLoopback } from './loopback.js';
import { fileIdentity } from '../store/file-identity.js';
import script from './view/view.js?raw';
import style from './view/view.css?raw';

/** What a page may load: only what this server serves. */
const SECURITY = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

/** How often the stream looks at the state file, and how often it says time has passed anyway. */
const LOOK_MS = 200;
const TICK_MS = 30_000;

function reply(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { ...SECURITY, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const text = (res: ServerResponse, status: number, message: string) => reply(res, status, 'text/plain; charset=utf-8', message + '\n');

/** A request for the page: a GET of `/` that is not a presigned STS call, or anything under /_orgsim/. */
export function isPageRequest(req: IncomingMessage): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/_orgsim/')) return true;
  // Browsers ask for it by themselves; it is never an AWS call.
  if (url.pathname === '/favicon.ico' && req.method === 'GET') return true;
  return (req.method === 'GET' || req.method === 'HEAD') && (url.pathname === '/' || url.pathname === '/index.html') && !url.searchParams.has('Action');
}

/** The name the browser used for this server, without its port. */
function hostName(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  return host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
}

/** Tells every open page when the state file changes, and when time has moved on by itself. */
export class WorldWatcher {
  private readonly pages = new Set<ServerResponse>();
  private timer: NodeJS.Timeout | undefined;
  private last = '';
  private sinceTick = 0;

  constructor(readonly file: string) {}

  private identity(): string {
    return fileIdentity(this.file);
  }

  private say(event: string): void {
    for (const page of this.pages) page.write(`event: ${event}\ndata: ${Date.now()}\n\n`);
  }

  follow(res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    // A page that lost the server tries again a second later.
    res.write('retry: 1000\n\n');
    if (!this.pages.size) {
      this.last = this.identity();
      this.sinceTick = 0;
      this.timer = setInterval(() => {
        const now = this.identity();
        this.sinceTick += LOOK_MS;
        if (now !== this.last) {
          this.last = now;
          this.sinceTick = 0;
          this.say('change');
        } else if (this.sinceTick >= TICK_MS) {
          this.sinceTick = 0;
          this.say('tick');
        }
      }, LOOK_MS);
      this.timer.unref();
    }
    this.pages.add(res);
    res.on('close', () => {
      this.pages.delete(res);
      if (!this.pages.size) clearInterval(this.timer);
    });
  }

  close(): void {
    clearInterval(this.timer);
    for (const page of this.pages) page.end();
    this.pages.clear();
  }
}

function picture(context: ServerContext) {
  const state = currentWorld(context.store, context.clock, context.ids);
  return { state, picture: worldPicture(state, Math.floor(worldNow(state, context.clock) / 1000)) };
}

/** The teacher's clock buttons: a same-origin JSON POST, which another site's page cannot send. */
function stepClock(req: IncomingMessage, body: string, res: ServerResponse, context: ServerContext): void {
  const origin = req.headers.origin;
  if (req.method !== 'POST' || !/^application\/json\b/.test(req.headers['content-type'] ?? '') || (origin !== undefined && new URL(origin).host !== req.headers.host)) {
    return text(res, 403, 'The clock is moved by the page itself, with a JSON POST.');
  }
  let asked: { advance?: unknown; reset?: unknown } | undefined;
  try {
    asked = JSON.parse(body) as typeof asked;
  } catch {
    asked = undefined;
  }
  const ms = typeof asked?.advance === 'string' && (CLOCK_STEPS as readonly string[]).includes(asked.advance) ? parseDuration(asked.advance) : undefined;
  if (asked?.reset !== true && ms === undefined) return text(res, 400, `Send {"advance": one of ${CLOCK_STEPS.join(', ')}} or {"reset": true}.`);
  try {
    const state = moveClock(context.store, context.clock, context.ids, (s) => (ms === undefined ? resetClock(s) : advanceClock(s, ms)));
    reply(res, 200, 'application/json', JSON.stringify({ WorldTime: new Date(worldNow(state, context.clock)).toISOString(), OffsetSeconds: state.ClockOffsetMs / 1000 }) + '\n');
  } catch (error) {
    if (error instanceof ArgParseError) return text(res, 400, error.message);
    if (error instanceof OrganizationsError) return text(res, 409, `${error.code}: ${error.message}`);
    throw error;
  }
}

function explainOne(req: IncomingMessage, res: ServerResponse, context: ServerContext): void {
  const id = new URL(req.url ?? '/', 'http://localhost').searchParams.get('id') ?? '';
  const { state } = picture(context);
  const parts = partyAccounts(state, id).map((caller) => ({ x: explainHandshake(state, id, { caller, clock: context.clock, ids: context.ids }), profile: profileOf(state, caller) }));
  if (!parts.length) return text(res, 404, `There is no handshake ${id} in this world.`);
  reply(res, 200, 'text/html; charset=utf-8', explanationHtml(parts));
}

/** Answers a page request (isPageRequest) whose body has been read; `remote` lets a page be asked for by any name. */
export async function answerPage(req: IncomingMessage, body: string, res: ServerResponse, context: ServerContext, watcher: WorldWatcher, remote: boolean): Promise<void> {
  // A page asked for under another name may be another site rebinding its name to this address.
  if (!remote && !isLoopback(hostName(req))) return text(res, 421, 'This page answers only to a loopback address.');
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/_orgsim/clock') return stepClock(req, body, res, context);
  if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, 'Only GET is supported here.');
  switch (path) {
    case '/':
    case '/index.html':
      return reply(res, 200, 'text/html; charset=utf-8', pageHtml(picture(context).picture, watcher.file));
    case '/_orgsim/view.js':
      return reply(res, 200, 'text/javascript; charset=utf-8', script);
    case '/_orgsim/view.css':
      return reply(res, 200, 'text/css; charset=utf-8', style);
    case '/_orgsim/icon.svg':
    case '/favicon.ico':
      return reply(res, 200, 'image/svg+xml', ICON_SVG);
    case '/_orgsim/picture':
      return reply(res, 200, 'text/html; charset=utf-8', pictureHtml(picture(context).picture));
    case '/_orgsim/explain':
      return explainOne(req, res, context);
    case '/_orgsim/updates':
      return watcher.follow(res);
    default:
      return text(res, 404, `Nothing at ${path}.`);
  }
}
