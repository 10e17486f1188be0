/**
 * Shared pieces of the browser tests: Chromium with one set of flags (headless, nothing calling out), one context
 * per person, and small helpers that act as a person would (type, click, read what the page says).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page, type Response } from 'playwright-core';

export const chromiumPath = process.env['MAMORI_CHROMIUM'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const serverEntry = path.join(repoRoot, 'dist/server/cli/main.js');
export const artifacts = path.join(repoRoot, 'test-artifacts');

export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

export interface Person {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
  byTestId(id: string): ReturnType<Page['getByTestId']>;
  textOf(id: string): Promise<string>;
  waitForPath(pathname: string): Promise<void>;
  signIn(loginId: string, password: string): Promise<Response>;
}

export const person = async (browser: Browser, baseUrl: string): Promise<Person> => {
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 900 },
    baseURL: baseUrl,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
      errors.push(`${page.url()}: ${m.text()}`);
  });
  const byTestId = (id: string) => page.getByTestId(id);
  return {
    context,
    page,
    errors,
    byTestId,
    textOf: async (id) => {
      const el = byTestId(id).first();
      await el.waitFor({ state: 'visible' });
      return el.innerText();
    },
    waitForPath: (pathname) => page.waitForURL((u) => u.pathname === pathname),
    signIn: async (loginId, password) => {
      if (new URL(page.url() === 'about:blank' ? `${baseUrl}/` : page.url()).pathname !== '/signin') {
        await page.goto('/signin');
      }
      await byTestId('signin-login-id').fill(loginId);
      await byTestId('signin-password').fill(password);
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) => new URL(r.url()).pathname === '/api/session' && r.request().method() === 'POST',
        ),
        byTestId('signin-submit').click(),
      ]);
      return response;
    },
  };
};
