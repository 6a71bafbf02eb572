// The page of `orgsim serve` over HTTP, as a browser and as another site would ask for it, beside
// the AWS protocols on the same port; and `orgsim view`, which opens it.
import { execa } from 'execa';
import { readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, Sandbox } from './helpers.js';
import { post, startServer, type RunningServer } from './server-helpers.js';

let box: Sandbox;
let server: RunningServer;

beforeAll(async () => {
  box = new Sandbox();
  expect((await box.run(['init'])).exitCode).toBe(0);
  server = await startServer(box);
});

afterAll(async () => {
  await server?.stop();
  box?.cleanup();
});

/** A GET with a Host header of our choosing (fetch does not let one set it). */
function get(path: string, host?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: host ? { Host: host } : {} }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const clock = (body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(`${server.url}/_orgsim/clock`, { method: 'POST', headers, body: JSON.stringify(body) });

describe('the page beside the AWS protocols', () => {
  it('is served on / with its script and style, and a policy that lets it load nothing from elsewhere', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('<h2 id="h-orgs">Organizations</h2>');
    expect(page.body).toContain('juan');
    for (const asset of ['/_orgsim/view.js', '/_orgsim/view.css', '/_orgsim/icon.svg']) {
      const res = await get(asset);
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThan(100);
    }
    expect((await get('/_orgsim/nothing')).status).toBe(404);
  });

  it('leaves the AWS protocols as they were: a POST to / is an AWS call, a GET of / with Action is STS', async () => {
    const call = await post(server.url, 'DescribeOrganization', '{}');
    expect(call.status).toBe(200);
    expect((call.body.Organization as { Id: string }).Id).toBe('o-exampleorgid');
    const sts = await get('/?Action=GetCallerIdentity&Version=2011-06-15');
    expect(sts.body).toContain('<ErrorResponse');
  });

  it('answers only to a loopback name, so that another site cannot rebind its name to it', async () => {
    expect((await get('/', 'evil.example:80')).status).toBe(421);
    expect((await get('/_orgsim/picture', 'localhost:1')).status).toBe(200);
    expect((await get('/_orgsim/picture', '[::1]:1')).status).toBe(200);
  });

  it('changes nothing by being looked at; moves the clock only on a JSON POST of a step it offers', async () => {
    const file = join(box.home, 'state.json');
    const before = readFileSync(file);
    const invite = await box.invite('Id=333333333333,Type=ACCOUNT');
    const changed = readFileSync(file);
    expect(changed.equals(before)).toBe(false);
    await get('/');
    await get('/_orgsim/picture');
    expect((await get(`/_orgsim/explain?id=${invite}`)).body).toContain('As bill (111111111111)');
    expect((await get('/_orgsim/explain?id=h-nosuchthing')).status).toBe(404);
    expect(readFileSync(file).equals(changed)).toBe(true);
    // A form post, which another site's page can send, is refused; so are steps the page does not offer.
    expect((await clock({ advance: '1d' }, { 'Content-Type': 'text/plain' })).status).toBe(403);
    expect((await clock({ advance: '1d' }, { 'Content-Type': 'application/json', Origin: 'http://evil.example' })).status).toBe(403);
    expect((await clock({ advance: '999999999d' })).status).toBe(400);
    expect(readFileSync(file).equals(changed)).toBe(true);
    const moved = await clock({ advance: '16d' });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { OffsetSeconds: number }).OffsetSeconds).toBe(16 * 86400);
    // Time ended the invitation for every reader, as `orgsim clock advance` does.
    expect((await box.json(['organizations', 'describe-handshake', '--handshake-id', invite])).Handshake.State).toBe('EXPIRED');
    expect((await clock({ reset: true })).status).toBe(200);
    expect((await box.json(['clock', '--output', 'json'])).OffsetSeconds).toBe(0);
  });

  it('tells an open page when another shell changed the world', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/_orgsim/updates`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    let seen = '';
    const heard = (async () => {
      while (!seen.includes('event: change')) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += Buffer.from(value).toString();
      }
    })();
    // The stream is open (its first words arrive) before the change is made.
    while (!seen.includes('retry:')) await new Promise((r) => setTimeout(r, 20));
    await box.invite('Id=444444444444,Type=ACCOUNT');
    await heard;
    expect(seen).toContain('event: change');
    controller.abort();
  });
});

describe('orgsim view', () => {
  it('starts the server and opens the page with $BROWSER', async () => {
    const opener = join(box.dir, 'browser.sh');
    const opened = join(box.dir, 'opened.txt');
    writeFileSync(opener, `#!/bin/sh\necho "$1" > '${opened}'\n`);
    chmodSync(opener, 0o755);
    const child = execa(BIN, ['view', '--port', '0'], { env: box.env({ BROWSER: opener }), extendEnv: false, reject: false, buffer: false });
    const url = await new Promise<string>((resolve) => {
      let seen = '';
      child.stdout!.on('data', (c: Buffer) => {
        seen += c.toString();
        const m = /the page is (http:\/\/\S+)/.exec(seen);
        if (m) resolve(m[1]!);
      });
    });
    let text = '';
    for (let i = 0; i < 100 && !text; i++) {
      try {
        text = readFileSync(opened, 'utf8').trim();
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    expect(text).toBe(url);
    expect((await fetch(url)).status).toBe(200);
    child.kill('SIGTERM');
    expect((await child).exitCode).toBe(0);
  });

  it('with --no-open prints the address and opens nothing', async () => {
    const child = execa(BIN, ['view', '--port', '0', '--no-open'], { env: box.env({ BROWSER: '/bin/false-browser-that-does-not-exist' }), extendEnv: false, reject: false, buffer: false });
    const out = await new Promise<string>((resolve) => {
      let seen = '';
      child.stdout!.on('data', (c: Buffer) => {
        seen += c.toString();
        if (/the page is/.test(seen)) resolve(seen);
      });
    });
    expect(out).toMatch(/orgsim view: the page is http:\/\/127\.0\.0\.1:\d+\//);
    expect(out).not.toContain('open http');
    child.kill('SIGTERM');
    expect((await child).exitCode).toBe(0);
  });
});
