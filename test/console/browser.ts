// Browser tests of the console: Debian's Chromium driven by playwright-core, headless, with a fresh
// profile per test file; screenshots under test-output/console/. Page errors are collected so a test can
// assert that a page rendered without scripting errors (CSP violations included).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test-output/console');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Why the browser tests cannot run here, or null. */
export function browserUnavailable(): string | null {
  return fs.existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed (Debian package "chromium")`;
}

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  shot(name: string, opts?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1366, height: 900 }): Promise<TestBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-chromium-'));
  // launch() refuses --user-data-dir in args; a persistent context on a fresh directory is the same.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(8000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    errors,
    shot: async (name, opts = {}) => {
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: opts.fullPage ?? true });
      return file;
    },
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Logs in through the form and waits for the page it leads to. */
export async function logIn(
  page: Page,
  baseUrl: string,
  key: string,
  next = '/console/events',
): Promise<void> {
  await page.goto(`${baseUrl}/console/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Console key').fill(key);
  await Promise.all([
    page.waitForURL((u) => u.pathname === next.split('?')[0]),
    page.getByRole('button', { name: 'Log in' }).click(),
  ]);
}

const A11Y_CHECK = fs.readFileSync(new URL('./a11y-check.js', import.meta.url), 'utf8');

/**
 * Basic accessibility checks of the current page (a11y-check.js): one main landmark and one h1, labelled
 * navigation, every form control and button with an accessible name, data tables with column headers.
 */
export async function a11yProblems(page: Page): Promise<string[]> {
  return (await page.evaluate(A11Y_CHECK)) as string[];
}
