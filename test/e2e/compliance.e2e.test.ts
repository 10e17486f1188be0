/**
 * The compliance screens in a real browser against the real server (demo hospital): the standard with a traffic
 * light beside each clause, search in Japanese, the drill-down to the evidence and its ledger history, a clause
 * recorded as not applicable, the heat map by unit, the trend, the MHLW checklist, the reports; ordinary staff see
 * none of it. Needs `npm run build` first and Debian's chromium (or MAMORI_CHROMIUM).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifacts, hasChromium, launch, repoRoot, serverEntry } from './browser-kit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server-process.js';

describe.skipIf(!hasChromium)('compliance screens in a real browser (Chromium)', () => {
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
  const waitForPath = (pathname: string) => page.waitForURL((u) => u.pathname === pathname);
  const apiGet = (p: string) => context.request.get(url(p), { failOnStatusCode: false });

  /** First sign-in with the temporary password, then the change it forces. */
  const signInAs = async (persona: string, password: string) => {
    await page.goto(url('/signin'));
    await byTestId('signin-login-id').fill(persona);
    await byTestId('signin-password').fill(server().personas.get(persona) ?? '');
    await byTestId('signin-submit').click();
    await waitForPath('/password');
    await byTestId('password-current').fill(server().personas.get(persona) ?? '');
    await byTestId('password-new').fill(password);
    await byTestId('password-confirm').fill(password);
    await byTestId('password-submit').click();
    await waitForPath('/');
  };
  const rowOf = (clauseId: string) =>
    page.locator(`[data-testid="clause-row"][data-clause-id="${clauseId}"]`);

  beforeAll(async () => {
    if (!existsSync(serverEntry))
      throw new Error(`${serverEntry} is missing: run \`npm run build\` before the e2e tests.`);
    mkdirSync(artifacts, { recursive: true });
    running = await startServer(serverEntry, { cwd: repoRoot, requiredPersona: 'demo-director' });
    browser = await launch();
    context = await browser.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
        cspViolations.push(`${page.url()} ${JSON.stringify(m.location())} ${m.text().slice(0, 60)}`);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('shows the standard as a document with a status beside each clause', async () => {
    await signInAs('demo-director', 'Kawaguchi-Compliance-2026!');
    await byTestId('nav-compliance').click();
    await waitForPath('/compliance');
    await byTestId('standard-document').waitFor();
    expect(await byTestId('clause-row').count()).toBe(239);
    expect(await byTestId('clause-heading').count()).toBeGreaterThan(50);
    const first = rowOf('3.1');
    expect(await first.getAttribute('data-status')).toBe('met');
    expect(await first.innerText()).toContain('第3 1');
    expect(await first.innerText()).toContain('病院事業管理者を、最高情報統括責任者とする。');
    expect(await first.getByTestId('clause-status').innerText()).toBe('適合');
    expect(await rowOf('7.4.1.a').getByTestId('clause-status').innerText()).toBe('評価不能');
    expect(await rowOf('7.4.1.a').innerText()).toContain('脅威対策（threats）モジュールがまだありません');
    await page.screenshot({ path: path.join(artifacts, 'compliance-standard.png') });
  });

  it('finds clauses in Japanese: words of the text, or the clause number in full-width', async () => {
    await byTestId('compliance-search').fill('仮のパスワード');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="clause-row"]').length < 10);
    const ids = await byTestId('clause-row').evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-clause-id')),
    );
    expect(ids).toEqual(['6.4.2.g', '7.2.3.b']);
    await byTestId('compliance-search').fill('第７　２（３）イ');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="clause-row"]').length === 1);
    expect(await rowOf('7.2.3.b').count()).toBe(1);
    await byTestId('compliance-search').fill('');
    await byTestId('filter-notMet').locator('label').click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="clause-row"]')].every(
        (r) => r.getAttribute('data-status') === 'notMet',
      ),
    );
    expect(await byTestId('clause-row').count()).toBeGreaterThan(0);
    await byTestId('filter-all').locator('label').click();
  });

  it('drills down to the evidence of a clause, unit by unit, and to a record’s ledger history', async () => {
    await rowOf('3.3.1').click();
    const detail = byTestId('clause-detail');
    await detail.waitFor();
    expect(await byTestId('drawer-title').innerText()).toContain('第3 3(1)');
    expect(await byTestId('clause-reason').innerText()).toBe(
      '情報セキュリティ責任者の配置: 対象7部署のうち7部署で適合。',
    );
    expect(await detail.getByTestId('evidence-item').count()).toBe(7);
    expect(await byTestId('clause-units').locator('tr').count()).toBe(7);
    await detail.getByTestId('evidence-history').first().click();
    await detail.getByText('org.role.assigned').first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'compliance-drilldown.png') });
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
  });

  it('records a clause as not applicable with the reason, and the traffic light changes', async () => {
    await rowOf('7.1.10.b').click();
    await byTestId('exclusion-reason').fill('当院は無線LANを設置していないため（e2e）。');
    await byTestId('exclusion-submit').click();
    await byTestId('exclusion-saved').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-clause-id="7.1.10.b"]')?.getAttribute('data-status') ===
        'notApplicable',
    );
    expect(await rowOf('7.1.10.b').innerText()).toContain(
      '適用除外として記録（理由: 当院は無線LANを設置していないため（e2e）。）',
    );
  });

  it('shows the heat map of clauses by unit, each cell opening that unit’s evidence', async () => {
    await byTestId('nav-compliance-units').click();
    await waitForPath('/compliance/units');
    await byTestId('heatmap').waitFor();
    expect(await byTestId('heatmap-row').count()).toBeGreaterThan(60);
    const gap = page.locator('[data-testid="heatmap-cell"][data-status="notMet"]').first();
    await gap.click();
    await byTestId('focus-unit').waitFor();
    expect(await byTestId('focus-unit').innerText()).toContain('不適合');
    await page.screenshot({ path: path.join(artifacts, 'compliance-heatmap.png') });
    await page.keyboard.press('Escape');
  });

  it('takes a snapshot and shows the trend', async () => {
    await byTestId('nav-compliance-trend').click();
    await waitForPath('/compliance/trend');
    await byTestId('take-snapshot').click();
    await byTestId('snapshot-taken').waitFor();
    await byTestId('trend-row').first().waitFor();
    expect(await byTestId('trend-row').count()).toBe(1);
  });

  it('answers the MHLW checklist from live data, records an answer, and exports it for the inspector', async () => {
    await byTestId('nav-compliance-checklist').click();
    await waitForPath('/compliance/checklist');
    await byTestId('checklist-table').first().waitFor();
    expect(await byTestId('checklist-edition').innerText()).toContain('令和7年度版（厚生労働省');
    const first = page.locator('[data-testid="checklist-item"][data-item-id="1-1"]');
    expect(await first.getAttribute('data-answer')).toBe('yes');
    expect(await first.innerText()).toMatch(/令和\d+年\d+月\d+日/);
    // The device register (2-1) is answered from the facilities module's records: no manual answer to record.
    const devices = page.locator('[data-testid="checklist-item"][data-item-id="2-1"]');
    expect(await devices.getByTestId('answer-open').count()).toBe(0);
    const ledgerItem = page.locator('[data-testid="checklist-item"][data-item-id="2-2"]');
    await ledgerItem.getByTestId('answer-open').click();
    await byTestId('answer-choice').getByText('いいえ', { exact: true }).click();
    await byTestId('answer-note').fill('保守事業者への確認は紙で管理中（e2e）。');
    await byTestId('answer-submit').click();
    await page.waitForFunction(
      () => document.querySelector('[data-item-id="2-2"]')?.getAttribute('data-answer') === 'no',
    );
    expect(await ledgerItem.innerText()).toContain('病院が記録');
    for (const id of ['checklist-pdf', 'checklist-xlsx']) {
      const href = (await byTestId(id).getAttribute('href')) ?? '';
      const res = await apiGet(href);
      expect(res.status(), href).toBe(200);
      expect((await res.body()).length).toBeGreaterThan(1000);
    }
    await page.screenshot({ path: path.join(artifacts, 'compliance-checklist.png'), fullPage: true });
  });

  it('offers the compliance report as PDF and Excel', async () => {
    await byTestId('nav-compliance').click();
    await byTestId('standard-document').waitFor();
    const pdf = await apiGet((await byTestId('report-pdf').getAttribute('href')) ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await apiGet((await byTestId('report-xlsx').getAttribute('href')) ?? '');
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  });

  it('speaks English when asked', async () => {
    await byTestId('lang-switch').getByText('English', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await rowOf('3.1').getByTestId('clause-status').innerText()).toBe('Met');
    expect(await byTestId('nav-section-compliance').innerText()).toBe('Compliance');
    await byTestId('lang-switch').getByText('日本語', { exact: true }).click();
  });

  it('is not shown to ordinary staff, and the server refuses them', async () => {
    await byTestId('sign-out').click();
    await waitForPath('/signin');
    await signInAs('demo-staff', 'Kawaguchi-Staff-2026-e2e!');
    expect(await byTestId('nav-section-compliance').count()).toBe(0);
    await page.goto(url('/compliance'));
    await byTestId('forbidden').waitFor();
    expect((await apiGet('/api/compliance/status')).status()).toBe(403);
  });

  it('kept to the CSP and threw no errors in the page', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
