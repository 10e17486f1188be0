/**
 * Compartments (別領域, 第7 1(1)イ) in a real browser against the built server with the demo hospital: the Manager
 * of 4階東病棟 (demo-manager), who sees the ward's seeded one, creates another on the ward's page (a missing name is named in both languages) and names a
 * nurse (demo-staff) its member; the nurse sees the compartment and its members; the Officer of 看護部
 * (demo-officer) manages nothing there and sees no compartment; the tab reads in English too.
 * Needs `npm run build` first and Debian's chromium (or MAMORI_CHROMIUM); skipped when there is no Chromium.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifacts, hasChromium, launch, repoRoot, serverEntry } from './browser-kit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionView, UnitCompartments, UnitSummary } from '../../src/shared/api-types.js';
import { type RunningServer, startServer } from './server-process.js';

interface Person {
  context: BrowserContext;
  page: Page;
  session: SessionView;
}

describe.skipIf(!hasChromium)('compartments in a real browser (Chromium)', () => {
  let running: RunningServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];
  let wardId = '';
  let signIns = 0;

  const server = (): RunningServer => {
    if (running === undefined) throw new Error('the server did not start');
    return running;
  };
  const url = (p: string) => `${server().baseUrl}${p}`;

  /** Signs in with the temporary password and changes it (第7 2(3)イ). */
  const signInAs = async (loginId: string): Promise<Person> => {
    if (browser === undefined) throw new Error('no browser');
    const context = await browser.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 1360, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(`${loginId}: ${e.message}`));
    const temporary = server().personas.get(loginId) ?? '';
    expect(temporary, server().output()).not.toBe('');
    await page.goto(url('/signin'));
    await page.getByTestId('signin-login-id').fill(loginId);
    await page.getByTestId('signin-password').fill(temporary);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL((u) => u.pathname === '/password');
    const password = `Hotaru#${String(++signIns)}-Shirakaba-2026`;
    await page.getByTestId('password-current').fill(temporary);
    await page.getByTestId('password-new').fill(password);
    await page.getByTestId('password-confirm').fill(password);
    await page.getByTestId('password-submit').click();
    await page.waitForURL((u) => u.pathname === '/');
    const session = (await (await context.request.get(url('/api/session'))).json()) as SessionView;
    return { context, page, session };
  };

  const openCompartments = async (page: Page): Promise<void> => {
    await page.goto(url(`/org/units/${wardId}?tab=compartments`));
    await page.getByTestId('panel-compartments').waitFor();
    await page.getByTestId('compartments').waitFor();
  };

  beforeAll(async () => {
    if (!existsSync(serverEntry))
      throw new Error(`${serverEntry} is missing: run \`npm run build\` before the e2e tests.`);
    mkdirSync(artifacts, { recursive: true });
    running = await startServer(serverEntry, { cwd: repoRoot, requiredPersona: 'demo-officer' });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it("the ward's Manager creates a compartment and names a nurse its member; the nurse sees it", async () => {
    const nurse = await signInAs('demo-staff');
    const manager = await signInAs('demo-manager');
    const units = (await (await manager.context.request.get(url('/api/org/units'))).json()) as UnitSummary[];
    wardId = units.find((u) => u.code === 'KANGO-4E')?.id ?? '';
    expect(wardId).not.toBe('');
    const { page } = manager;

    await openCompartments(page);
    // The demo's own compartment of the ward (seeded, 7-1(1)イ); she makes a second one.
    expect(await page.getByTestId('compartments').innerText()).toContain('虐待・DV対応記録');
    await page.getByTestId('compartment-create-open').click();
    await page.getByTestId('compartment-create-save').click();
    // Nothing typed: the server names each empty name field, and the form shows it beside the field.
    const create = page.getByTestId('compartment-create');
    await create.getByText('1文字以上で入力してください。').first().waitFor();
    expect(await page.getByTestId('compartment-name-ja').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('compartment-name-ja').fill('身体拘束の記録');
    await page.getByTestId('compartment-name-en').fill('Restraint records');
    await page.getByTestId('compartment-create-save').click();
    const created = page.getByTestId('compartment').filter({ hasText: '身体拘束の記録' });
    await created.waitFor();
    expect(await created.getByTestId('compartment-name').innerText()).toBe('身体拘束の記録');

    await created.getByTestId('compartment-add-member-open').click();
    await page.getByTestId('compartment-member-select').click();
    // Names are written with a full-width space; the accessible name may carry an ordinary one.
    const nurseName = new RegExp(nurse.session.account.displayName.replace(/\s+/gu, '\\s*'), 'u');
    await page.getByRole('option', { name: nurseName }).click();
    await page.getByTestId('compartment-add-member-save').click();
    await created.getByTestId('compartment-member-row').waitFor();
    expect(await created.getByTestId('compartment-members').innerText()).toContain(
      nurse.session.account.displayName,
    );
    await page.screenshot({ path: path.join(artifacts, 'compartments-manager.png'), fullPage: true });

    await openCompartments(nurse.page);
    expect(await nurse.page.getByTestId('compartment-name').innerText()).toBe('身体拘束の記録');
    expect(await nurse.page.getByTestId('compartment-create-open').count()).toBe(0);
    expect(await nurse.page.getByTestId('compartment-add-member-open').count()).toBe(0);
    expect(await nurse.page.getByTestId('compartment-members').innerText()).toContain('担当中');
  });

  it("the Officer of the division neither manages the ward's compartments nor sees them; English reads too", async () => {
    const officer = await signInAs('demo-officer');
    await openCompartments(officer.page);
    expect(await officer.page.getByTestId('compartments').innerText()).toContain(
      'あなたが担当職員となっている別領域はありません',
    );
    expect(await officer.page.getByTestId('compartment-create-open').count()).toBe(0);
    const listed = (await (
      await officer.context.request.get(url(`/api/org/units/${wardId}/compartments`))
    ).json()) as UnitCompartments;
    expect(listed).toMatchObject({ canManage: false, compartments: [] });
    const refused = await officer.context.request.post(url(`/api/org/units/${wardId}/compartments`), {
      data: { nameJa: '試験', nameEn: 'Trial', validFrom: '2026-04-01' },
      headers: { 'x-csrf-token': officer.session.csrfToken },
      failOnStatusCode: false,
    });
    expect(refused.status()).toBe(403);

    await officer.page.getByTestId('lang-switch').getByText('English', { exact: true }).click();
    await officer.page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await officer.page.getByTestId('tab-compartments').innerText()).toBe('Compartments');
    expect(await officer.page.getByTestId('compartments').innerText()).toContain(
      'You are not a member of any compartment of this unit.',
    );
    expect(pageErrors).toEqual([]);
  });
});
