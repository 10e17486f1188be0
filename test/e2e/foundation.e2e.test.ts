/**
 * The foundation in a real browser against the real server: sign-in, the forced change of the temporary password
 * (第7 2(3)イ), home, the organisation tree and a unit, the language switch, sign-out, and the strict CSP.
 * Needs `npm run build` first and Debian's chromium (or MAMORI_CHROMIUM); skipped when there is no Chromium.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifacts, chromiumPath, hasChromium, launch, repoRoot, serverEntry } from './browser-kit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, SessionView } from '../../src/shared/api-types.js';
import { type RunningServer, startServer } from './server-process.js';

const newPassword = 'Sakura-Kawaguchi-2026!';

if (!hasChromium) {
  console.warn(
    `[e2e] Skipping the browser tests: no Chromium at ${chromiumPath}. Install Debian's chromium or set MAMORI_CHROMIUM.`,
  );
}

describe.skipIf(!hasChromium)('foundation in a real browser (Chromium)', () => {
  // Undefined until beforeAll succeeds (afterAll must cope with a failed start).
  let running: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];

  const server = (): RunningServer => {
    if (running === undefined) throw new Error('the server did not start');
    return running;
  };
  const url = (p: string) => `${server().baseUrl}${p}`;
  const byTestId = (id: string) => page.getByTestId(id);
  const textOf = async (id: string) => {
    const el = byTestId(id).first();
    await el.waitFor({ state: 'visible' });
    return el.innerText();
  };
  const waitForPath = (pathname: string) => page.waitForURL((u) => u.pathname === pathname);
  const switchLanguage = async (lang: 'ja' | 'en') => {
    await byTestId('lang-switch')
      .getByText(lang === 'ja' ? '日本語' : 'English', { exact: true })
      .click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  };
  const signIn = async (loginId: string, password: string) => {
    await byTestId('signin-login-id').fill(loginId);
    await byTestId('signin-password').fill(password);
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/session' && r.request().method() === 'POST',
      ),
      byTestId('signin-submit').click(),
    ]);
    return response;
  };
  const apiGet = (p: string) => context.request.get(url(p), { failOnStatusCode: false });

  beforeAll(async () => {
    if (!existsSync(serverEntry))
      throw new Error(`${serverEntry} is missing: run \`npm run build\` before the e2e tests.`);
    mkdirSync(artifacts, { recursive: true });
    running = await startServer(serverEntry, { cwd: repoRoot });
    browser = await launch();
    context = await browser.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 1280, height: 860 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('serves the app under a strict CSP, with a style nonce that Mantine uses', async () => {
    const response = await page.goto(url('/'));
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    const nonce = /style-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, `CSP was: ${csp}`).toBeTruthy();
    expect(csp).not.toContain('unsafe-inline');
    await waitForPath('/signin');
    await byTestId('signin-page').waitFor();
    const meta = await page.locator('meta[name="csp-nonce"]').getAttribute('content');
    expect(meta).toBe(nonce);
    const styles = await page.evaluate(() => Array.from(document.querySelectorAll('style'), (s) => s.nonce));
    expect(styles.length).toBeGreaterThan(0);
    expect(styles.every((n) => n === meta)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
  });

  it('refuses a wrong password with the same bilingual message whether or not the ID exists', async () => {
    const wrong = await signIn('demo-staff', 'not-the-password-1234');
    expect(wrong.status()).toBe(401);
    const body = (await wrong.json()) as ApiErrorBody;
    expect(body.error.code).toBe('invalidCredentials');
    expect(await textOf('api-error-message')).toBe(body.error.message.ja);
    await switchLanguage('en');
    expect(await textOf('api-error-message')).toBe(body.error.message.en);
    await switchLanguage('ja');

    const unknown = await signIn('no-such-person', 'not-the-password-1234');
    expect(unknown.status()).toBe(401);
    expect(((await unknown.json()) as ApiErrorBody).error.message).toEqual(body.error.message);
    expect(await byTestId('signin-password').inputValue()).toBe('');
    expect(await page.locator('form[data-testid="signin-form"]').getAttribute('autocomplete')).toBe('off');
  });

  it('forces the temporary password to be changed at first sign-in, then greets the person', async () => {
    const temporary = server().personas.get('demo-staff');
    expect(temporary, server().output()).toBeTruthy();
    const ok = await signIn('demo-staff', temporary ?? '');
    expect(ok.status()).toBe(200);
    await waitForPath('/password');
    const cookies = await context.cookies(url('/'));
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) {
      expect(c.httpOnly, `cookie ${c.name} must be HttpOnly`).toBe(true);
      expect(c.sameSite, `cookie ${c.name} must be SameSite=Strict`).toBe('Strict');
    }
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await textOf('must-change-notice')).toContain('第7 2(3)イ');

    const refused = await apiGet('/api/org/units');
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as ApiErrorBody).error.code).toBe('passwordChangeRequired');

    await byTestId('password-current').fill(temporary ?? '');
    await byTestId('password-new').fill(newPassword);
    await byTestId('password-confirm').fill(newPassword);
    await byTestId('password-submit').click();
    await waitForPath('/');
    const session = (await (await apiGet('/api/session')).json()) as SessionView;
    expect(session.account.mustChangePassword).toBe(false);
    expect(await textOf('home-greeting')).toContain(session.account.displayName);
    await byTestId('password-changed').waitFor();
    expect(await textOf('header-person')).toContain(session.account.displayName);
  });

  it('shows the organisation tree, a unit with its staff, and switches language', async () => {
    await byTestId('nav-org').click();
    await waitForPath('/org');
    const tree = byTestId('org-tree');
    await tree.getByText('事務局', { exact: true }).waitFor();
    await tree.getByText('医療情報課', { exact: true }).waitFor();

    const all = await byTestId('org-tree-item').count();
    await byTestId('org-search').fill('医療情報');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="org-tree-item"]').length < n,
      all,
    );
    await tree.getByText('医療情報課', { exact: true }).waitFor();
    await byTestId('org-search').fill('');

    await tree.getByRole('link', { name: '医療情報課', exact: true }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/org/units/'));
    expect(await textOf('unit-name')).toBe('医療情報課');
    await byTestId('staff-table').waitFor();
    expect(await byTestId('staff-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(artifacts, 'foundation.png'), fullPage: true });

    for (const tab of ['roles', 'delegations', 'history']) {
      await byTestId(`tab-${tab}`).click();
      await byTestId(`panel-${tab}`).locator('table, p').first().waitFor();
    }
    expect(await page.locator('[data-testid="api-error"]').count()).toBe(0);

    await switchLanguage('en');
    expect(await textOf('nav-section-org')).toBe('Organisation');
    expect(await textOf('tab-staff')).toMatch(/^Staff/);
    await page.reload();
    await byTestId('unit-name').waitFor();
    expect(
      await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('mamori.lang')]),
    ).toEqual(['en', 'en']);
    await page.screenshot({ path: path.join(artifacts, 'foundation-en.png'), fullPage: true });

    await switchLanguage('ja');
    expect(await textOf('nav-section-org')).toBe('組織');
    expect(await textOf('tab-staff')).toMatch(/^職員/);
  });

  it('shows the contact chart with a PDF to print, and the gap report or a friendly refusal', async () => {
    await byTestId('nav-org-chart').click();
    await waitForPath('/org/contact-chart');
    await byTestId('contact-chart').waitFor();
    expect(await byTestId('chart-node').count()).toBeGreaterThan(0);
    const href = await byTestId('chart-pdf').getAttribute('href');
    expect(href).toBe('/api/org/contact-chart.pdf');
    const pdf = await apiGet(href ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    await byTestId('nav-org-gaps').click();
    await waitForPath('/org/gaps');
    await page.locator('[data-testid="forbidden"], [data-testid="gaps-conflicts"]').first().waitFor();
    expect(await page.locator('[data-testid="api-error"]').count()).toBe(0);
  });

  it('signs out to the sign-in page, after which /api/session answers 401', async () => {
    await byTestId('sign-out').click();
    await waitForPath('/signin');
    await byTestId('signin-page').waitFor();
    expect((await apiGet('/api/session')).status()).toBe(401);
    await page.goto(url('/org'));
    await waitForPath('/signin');
  });

  it('kept to the CSP and threw no errors in the page', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
