import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, expect } from '@jest/globals';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { createSqliteDatabase } from './databases.js';
import type { RunningStack } from './stack.js';
import { useStack, type StackContext } from './suite.js';

export { TEST_ADMIN, TEST_PASSWORD } from './stack.js';

/** The two widths the console is designed for: an office screen and a phone (the menu moves into a drawer). */
export type Viewport = 'desktop' | 'phone';

const VIEWPORTS: Readonly<Record<Viewport, BrowserContextOptions>> = {
  desktop: { viewport: { width: 1366, height: 768 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
};

/** How long one wait for the page (a click, a text, a navigation) may take before the test fails. */
const WAIT_MS = 20_000;

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * A real Chromium for the enclosing block (scripts/ensure-browser.sh provides it; BROWSER_PATH names it): launched
 * before the block's tests, closed after them. Each `page()` is a new browser context, so a new person with cookies
 * and storage of their own, in Chinese and in Shanghai time.
 *
 * Uncaught errors on a page (`pageerror`) are collected while a test runs and fail it in an afterEach hook, listing
 * them, so a test passes only if the console threw nothing while it ran. The test's contexts are closed there too.
 */
export function useBrowser(): { page(viewport?: Viewport): Promise<Page> } {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let errors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.BROWSER_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterEach(async () => {
    const open = contexts;
    const thrown = errors;
    contexts = [];
    errors = [];
    await Promise.all(open.map((context) => context.close()));
    expect(thrown).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async page(viewport: Viewport = 'desktop') {
      if (!browser) throw new Error('the browser starts in a beforeAll hook: ask for a page inside a test or a hook');
      const context = await browser.newContext({
        ...VIEWPORTS[viewport],
        locale: 'zh-CN',
        // As a person who turned animations off: pages settle at once (the console honours it).
        reducedMotion: 'reduce',
        timezoneId: 'Asia/Shanghai',
      });
      context.setDefaultTimeout(WAIT_MS);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        errors.push(`uncaught on ${page.url()}: ${error.name}: ${error.message}`);
      });
      return page;
    },
  };
}

/** The console's address on a stack: the api's origin (the console is served at /, the api under /api). */
export function consoleUrl(stack: RunningStack, path = '/'): string {
  return stack.url.replace(/\/api$/, '') + (path.startsWith('/') ? path : `/${path}`);
}

/** Opens `path` (the login page, when it needs a session), signs in, and waits until the console has left /login. */
export async function signIn(page: Page, stack: RunningStack, username: string, password: string, path = '/workbench'): Promise<void> {
  await page.goto(consoleUrl(stack, path));
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('口令', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * axe-core on the page as it is now, with the WCAG 2.1 A and AA rules (GB/T 37668-2019 refers to them); fails listing
 * every serious or critical violation, with the elements it found it on.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
    .map(
      (violation) =>
        `${name}: ${violation.id} (${violation.impact ?? ''}) ${violation.help} — ${violation.nodes
          .map((node) => `${node.target.join(' ')}${node.failureSummary ? ` [${node.failureSummary.replace(/\s+/g, ' ')}]` : ''}`)
          .join('; ')}`,
    );
  expect(blocking).toEqual([]);
}

/**
 * Waits until `locator` matches exactly `count` elements, counting again after each animation frame. A table that
 * refetches re-renders more than once, so a single count after one row appeared can still see the old rows, or none.
 */
export async function waitForCount(locator: Locator, count: number): Promise<void> {
  const page = locator.page();
  const deadline = Date.now() + WAIT_MS;
  let seen = await locator.count();
  while (seen !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${String(count)} of ${locator.toString()}, found ${String(seen)}`);
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
    seen = await locator.count();
  }
}

/** The whole page as docs/screenshots/<name>.png (animations finished, the caret hidden). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true, animations: 'disabled', caret: 'hide' });
}

/**
 * The stack a browser test talks to, on SQLite: the api answers alike on both databases (the e2e tier runs every
 * route on each). It serves a copy of the console as built when the tier began, so a rebuild meanwhile (which empties
 * dist/console) cannot pull the pages from under the browser.
 */
export function useConsoleStack(environment: Readonly<Record<string, string>> = {}): StackContext {
  const consoleCopy = mkdtempSync(join(tmpdir(), 'qinglian-console-'));
  const running = useStack(createSqliteDatabase, {
    environment: () => {
      cpSync(fileURLToPath(new URL('../../dist/console', import.meta.url)), consoleCopy, { recursive: true });
      return { ...environment, CONSOLE_DIR: consoleCopy };
    },
  });
  afterAll(() => {
    rmSync(consoleCopy, { recursive: true, force: true });
  });
  return running;
}
