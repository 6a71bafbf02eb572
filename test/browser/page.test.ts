// The page of `orgsim serve` as a person sees it in a real browser: the trees, the handshakes and
// their states, a change made by the CLI drawn without a reload, the clock stepped from the page,
// the explanation of who may act; on a projector and on a phone; offline, with no console errors,
// readable by keyboard and with enough contrast. Screenshots go to test/output/browser/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../e2e/helpers.js';
import { startServer, type RunningServer } from '../e2e/server-helpers.js';
import { launch, openPage, SHOTS } from './browser.js';

let box: Sandbox;
let server: RunningServer;
let browser: Browser;
const ids: Record<string, string> = {};

const invite = async (account: string) => (await box.json(['organizations', 'invite-account-to-organization', '--target', `Id=${account},Type=ACCOUNT`])).Handshake.Id as string;

beforeAll(async () => {
  box = new Sandbox();
  expect((await box.run(['init', '--scenario', 'rollout', '--accounts', '4', '--members', '2'])).exitCode).toBe(0);
  const root = (await box.json(['organizations', 'list-roots'])).Roots[0].Id as string;
  const ou = (await box.json(['organizations', 'create-organizational-unit', '--parent-id', root, '--name', 'Workloads'])).OrganizationalUnit.Id as string;
  const member = (await box.json(['organizations', 'list-accounts'])).Accounts.find((a: { Id: string }) => a.Id !== '111111111111').Id as string;
  expect((await box.run(['organizations', 'move-account', '--account-id', member, '--source-parent-id', root, '--destination-parent-id', ou])).exitCode).toBe(0);
  const standalone = (await box.json(['accounts', '--output', 'json'])).Accounts.filter((a: { OrganizationId?: string }) => !a.OrganizationId).map((a: { Id: string }) => a.Id) as string[];
  expect(standalone.length).toBe(4);
  for (const [i, account] of standalone.entries()) ids[`acct0${i + 1}`] = await invite(account);
  await box.json(['--profile', 'acct01', 'organizations', 'accept-handshake', '--handshake-id', ids.acct01!]);
  await box.json(['--profile', 'acct02', 'organizations', 'decline-handshake', '--handshake-id', ids.acct02!]);
  server = await startServer(box);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  box?.cleanup();
});

const card = (page: Page, id: string) => page.locator(`article.handshake:has(h3 code:text-is("${id}"))`);
const stateOf = (page: Page, id: string) => card(page, id).locator('h3 .state-badge').textContent();

/** Text whose colour against what is behind it falls short of WCAG AA (4.5:1), outside the diagrams. */
function lowContrast(page: Page) {
  return page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const behind = (el: Element | null): number[] => {
      for (let at = el; at; at = at.parentElement) {
        const c = rgb(getComputedStyle(at).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const short: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg') || !(el instanceof HTMLElement) || !el.offsetParent) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!own) continue;
      const a = lum(rgb(getComputedStyle(el).color));
      const b = lum(behind(el));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) short.push(`${el.tagName} "${el.textContent!.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
    }
    return short;
  });
}

describe('the page of orgsim serve', () => {
  it('draws the organization as a tree, every handshake in its state, and the event timeline', async () => {
    const { page, problems, requests } = await openPage(browser, { width: 1366, height: 900 });
    await page.goto(server.url + '/');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /Organizations/ }).count()).toBe(1);
    const tree = page.locator('ul.tree').first();
    expect(await tree.locator('.unit > .name').allTextContents()).toEqual(['Root', 'Workloads']);
    expect(await tree.locator('.unit:has(> .name:text-is("Workloads")) .account').count()).toBe(1);
    expect(await page.locator('#standalone ~ ul .account').count()).toBe(3);
    expect(await stateOf(page, ids.acct01!)).toBe('ACCEPTED');
    expect(await stateOf(page, ids.acct02!)).toBe('DECLINED');
    expect(await stateOf(page, ids.acct03!)).toBe('OPEN');
    // The machine marks the current state, in words as well as in colour.
    expect(await card(page, ids.acct03!).locator('svg .state.current text').textContent()).toBe('OPEN (now)');
    expect(await card(page, ids.acct02!).locator('svg .state.current text').textContent()).toBe('DECLINED (now)');
    expect(await card(page, ids.acct03!).locator('.next').textContent()).toContain('accept → ACCEPTED, by acct03');
    // The deadline is the handshake's own; what is left of it depends on how long the set-up took,
    // so it may still round to the whole fifteen days.
    const expires = (await box.json(['organizations', 'describe-handshake', '--handshake-id', ids.acct03!])).Handshake.ExpirationTimestamp as string;
    const at = new Date(expires).toISOString().replace(/\.000Z$/, 'Z');
    expect(await card(page, ids.acct03!).locator('.time').textContent()).toMatch(new RegExp(`^Time: expires ${at.replace(/\./g, '\\.')}, in (15d|14d 23h( \\d+m)?)$`));
    const events = await page.locator('section[aria-labelledby="h-events"] tbody tr td:nth-child(2)').allTextContents();
    expect(events.slice(0, 2)).toEqual(['DeclineHandshake', 'AcceptHandshake']);
    await page.screenshot({ path: join(SHOTS, 'projector.png'), fullPage: true });
    // The README's picture: the trees and the first machines, in one screen.
    await page.setViewportSize({ width: 1280, height: 1280 });
    await page.screenshot({ path: join(SHOTS, 'overview.png') });
    // Everything came from this server; nothing went wrong in the console.
    expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('follows a change made by the CLI without a reload, and tells who may do what', async () => {
    const { page, problems } = await openPage(browser, { width: 1366, height: 900 });
    await page.goto(server.url + '/');
    const before = readFileSync(join(box.home, 'state.json'));
    await card(page, ids.acct04!).getByRole('button', { name: /Explain/ }).click();
    const detail = card(page, ids.acct04!).locator('.detail');
    await expect.poll(() => detail.textContent()).toContain('As acct04');
    expect(await detail.textContent()).toContain(`orgsim --profile acct04 organizations accept-handshake --handshake-id ${ids.acct04}`);
    expect(await detail.textContent()).toContain('cancel: only the sender can cancel');
    // Looking changed nothing.
    expect(readFileSync(join(box.home, 'state.json')).equals(before)).toBe(true);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const started = Date.now();
    await box.json(['--profile', 'acct03', 'organizations', 'accept-handshake', '--handshake-id', ids.acct03!]);
    await expect.poll(() => stateOf(page, ids.acct03!), { timeout: 10_000, interval: 50 }).toBe('ACCEPTED');
    console.log(`figures: the page drew the CLI's change ${Date.now() - started} ms after the command was started`);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // The open explanation stayed open and was worked out again.
    expect(await card(page, ids.acct04!).locator('.detail').isVisible()).toBe(true);
    expect(await page.locator('article.org').first().locator('.account').count()).toBe(5);
    expect(await page.locator('#standalone ~ ul .account').count()).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'explained.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('steps the clock when the teacher asks: the invitation still open expires, on the page and for the CLI', async () => {
    const { page, problems } = await openPage(browser, { width: 1366, height: 900 });
    await page.goto(server.url + '/');
    const clockBefore = await page.locator('#world-clock time').getAttribute('datetime');
    await page.getByRole('button', { name: '+ 16 days' }).click();
    await expect.poll(() => stateOf(page, ids.acct04!)).toBe('EXPIRED');
    const clockAfter = await page.locator('#world-clock time').getAttribute('datetime');
    expect(Date.parse(clockAfter!) - Date.parse(clockBefore!)).toBeGreaterThanOrEqual(16 * 86400_000);
    await expect.poll(() => page.locator('#live').textContent()).toContain('16d ahead of real time');
    const clock = await box.json(['clock', '--output', 'json']);
    expect(clock.OffsetSeconds).toBe(16 * 86400);
    const listed = await box.json(['organizations', 'describe-handshake', '--handshake-id', ids.acct04!]);
    expect(listed.Handshake.State).toBe('EXPIRED');
    await page.getByRole('button', { name: 'Back to real time' }).click();
    await expect.poll(async () => (await box.json(['clock', '--output', 'json'])).OffsetSeconds).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('is used by keyboard, has labels and enough contrast, and fits a phone', async () => {
    const { page, problems } = await openPage(browser, { width: 390, height: 844 });
    await page.goto(server.url + '/');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The first stop of the Tab key is the first clock button; Enter on an Explain button opens it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('+ 1 hour');
    const explain = card(page, ids.acct01!).getByRole('button', { name: /Explain/ });
    await explain.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => explain.getAttribute('aria-expanded')).toBe('true');
    // Every button and picture has a name; every table region is labelled.
    expect(await page.locator('button').evaluateAll((bs) => bs.filter((b) => !b.textContent?.trim() && !b.getAttribute('aria-label')).length)).toBe(0);
    expect(await page.locator('svg').evaluateAll((ss) => ss.filter((s) => !s.getAttribute('aria-label')).length)).toBe(0);
    expect(await page.locator('.scroll').evaluateAll((rs) => rs.filter((r) => !r.getAttribute('aria-label')).length)).toBe(0);
    expect(await lowContrast(page)).toEqual([]);
    // Nothing but the tables' own scrolling regions is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'phone.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
