// Headless Chromium as the machine has it (no browser download), with the flags a closed network
// needs (playwright gives each launch a new empty profile), and the page's console, errors and every request it makes, recorded.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.ORGSIM_CHROMIUM ?? '/usr/bin/chromium';
/** Where the tier leaves its screenshots, for the note and the README. */
export const SHOTS = fileURLToPath(new URL('../output/browser/', import.meta.url));

export function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Watched {
  page: Page;
  /** Console errors and warnings, and uncaught exceptions. */
  problems: string[];
  /** Every URL the page asked for. */
  requests: string[];
}

export async function openPage(browser: Browser, viewport: { width: number; height: number }): Promise<Watched> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  return { page, problems, requests };
}
