/**
 * The device register in a real browser against the real server (demo hospital): the ward's Security Manager opens
 * the register from the menu, sees the ward's devices, registers a server — told which field is missing when the
 * backup power has no runtime (第5 1(2)ア) — and finds it in the register filtered by kind; records its maintenance;
 * imports a CSV register after a dry run; asks the CISO to place the server off-site, who approves it (第5 1(5)).
 * Needs `npm run build` first and Debian's chromium (or MAMORI_CHROMIUM).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { artifacts, hasChromium, launch, repoRoot, serverEntry } from './browser-kit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server-process.js';
import { firstSignIn } from './first-sign-in.js';

describe.skipIf(!hasChromium)('the device register in a real browser (Chromium)', () => {
  let running: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const pageErrors: string[] = [];
  const p = (): Page => {
    if (page === undefined) throw new Error('not signed in');
    return page;
  };
  const byTestId = (id: string) => p().getByTestId(id);

  beforeAll(async () => {
    if (!existsSync(serverEntry))
      throw new Error(`${serverEntry} is missing: run \`npm run build\` before the e2e tests.`);
    mkdirSync(artifacts, { recursive: true });
    running = await startServer(serverEntry, { cwd: repoRoot, requiredPersona: 'demo-manager' });
    browser = await launch();
    page = (await firstSignIn(browser, running, 'demo-manager', 'Kiso#Ontake-Ward-2026', pageErrors)).page;
  });

  const pageAs = async (loginId: string, password: string): Promise<Page> => {
    if (browser === undefined || running === undefined) throw new Error('not started');
    return (await firstSignIn(browser, running, loginId, password, pageErrors)).page;
  };

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('registers a device and shows it in the register (第5 1(1), (2)ア)', async () => {
    await byTestId('nav-facilities').click();
    await p().waitForURL((u) => u.pathname === '/facilities');
    await byTestId('devices-table').waitFor();
    // The ward's own devices from the demo register: a floor switch, PCs, a printer.
    expect(await byTestId('device-row').count()).toBeGreaterThan(3);
    expect(await byTestId('devices-table').innerText()).toContain('4階東病棟');

    await byTestId('devices-new').click();
    await p().waitForURL((u) => u.pathname === '/facilities/new');
    await byTestId('device-assetTag').fill('SV-4E-E2E');
    await byTestId('device-kind').click();
    await p().getByRole('option', { name: 'サーバ' }).click();
    await byTestId('device-name').fill('病棟部門サーバ（試験）');
    await byTestId('device-location').fill('4階東病棟 EPS 施錠ラック');
    await byTestId('device-environmentProtected').check();
    await byTestId('device-fixed').check();
    await byTestId('device-ups').check();
    await byTestId('device-submit').click();
    // No runtime for the backup power: the field is named, in Japanese.
    await p().getByText('予備電源で稼働できる時間（分）を入力してください').first().waitFor();
    await byTestId('device-upsRuntimeMinutes').fill('15');
    await byTestId('device-surgeProtection').check();
    await byTestId('device-submit').click();
    await byTestId('device-done').waitFor();
    expect(await byTestId('device-tag').innerText()).toBe('SV-4E-E2E');
    expect(await byTestId('device-status').innerText()).toBe('使用中');
    expect(await byTestId('device-facts').innerText()).toContain('4階東病棟 EPS 施錠ラック');
    // Its periodic maintenance (第5 1(4)ア), then seen in its records and its history.
    await byTestId('device-maintenance').click();
    await byTestId('maintenance-form-performedOn').fill('2026-03-30');
    await byTestId('maintenance-form-performedBy').fill('架空電機 保守部');
    await byTestId('maintenance-form-submit').click();
    await byTestId('device-service').waitFor();
    expect(await byTestId('device-service').innerText()).toContain('定期保守');
    await p().waitForFunction(() => document.querySelectorAll('[data-testid="history-row"]').length >= 2);

    await byTestId('nav-facilities').click();
    await byTestId('devices-kind').click();
    await p().getByRole('option', { name: 'サーバ' }).click();
    const row = p().locator('[data-testid="device-row"][data-tag="SV-4E-E2E"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('病棟部門サーバ（試験）');
    expect(await byTestId('device-row').count()).toBe(1);
    await p().screenshot({ path: path.join(artifacts, 'facilities-register.png') });
    expect(pageErrors).toEqual([]);
  });

  it('imports a device register from CSV after a dry run that names the wrong row', async () => {
    await byTestId('nav-facilities-import').click();
    await p().waitForURL((u) => u.pathname === '/facilities/import');
    const file = (lines: string[]) => ({
      name: '機器台帳.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n'), 'utf8'),
    });
    const header = '資産番号,種別,名称,所管部署コード,盗難防止,盗難防止の方法';
    const input = p().locator('[data-testid="device-import-page"] input[type="file"]');
    await input.setInputFiles(
      file([
        header,
        'PC-4E-E2E-1,端末,病棟端末1,KANGO-4E,○,',
        'PC-4E-E2E-2,端末,病棟端末2,KANGO-4E,○,ワイヤーロック',
      ]),
    );
    await byTestId('device-import-dry-run').click();
    await byTestId('issue-table').waitFor();
    expect(await byTestId('issue-row').innerText()).toContain('盗難防止の方法');
    await input.setInputFiles(
      file([
        header,
        'PC-4E-E2E-1,端末,病棟端末1,KANGO-4E,○,ワイヤーロック',
        'PC-4E-E2E-2,端末,病棟端末2,KANGO-4E,○,ワイヤーロック',
      ]),
    );
    await byTestId('device-import-dry-run').click();
    await byTestId('device-import-checked').waitFor();
    await byTestId('device-import-confirm').click();
    await byTestId('device-import-done').waitFor();
    expect(await byTestId('device-import-done').innerText()).toContain('2台');
    await byTestId('nav-facilities').click();
    await byTestId('devices-q').fill('PC-4E-E2E');
    await p().locator('[data-testid="device-row"][data-tag="PC-4E-E2E-2"]').waitFor();
    expect(await byTestId('device-row').count()).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  it('asks the CISO to place the device off-site; on approval the register shows it off-site (第5 1(5))', async () => {
    await byTestId('nav-facilities').click();
    await byTestId('devices-q').fill('SV-4E-E2E');
    await p().locator('[data-testid="device-row"][data-tag="SV-4E-E2E"]').getByTestId('device-open').click();
    await byTestId('device-request-offsite').click();
    await p().waitForURL((u) => u.pathname === '/approvals/new');
    await byTestId('request-form').waitFor();
    expect(await byTestId('new-route').innerText()).toContain('最高情報統括責任者');
    await byTestId('field-location').fill('遠隔地データセンター（架空）');
    await byTestId('field-startDate').fill('2026-12-01');
    await byTestId('field-measures').fill('施錠ラック、入館管理、監視カメラ');
    await byTestId('field-checkIntervalMonths').fill('6');
    await byTestId('field-purpose').fill('災害時の事業継続');
    await byTestId('request-submit').click();
    await byTestId('request-done').waitFor();
    const refNo = (await byTestId('request-ref').innerText()).replace('申請番号 ', '');
    expect(await byTestId('value-device').innerText()).toContain('SV-4E-E2E');

    const ciso = await pageAs('demo-ciso', 'Hakusan#Ciso-Approve-2026');
    await ciso.getByTestId('nav-approvals-tasks').click();
    const row = ciso.locator(`[data-testid="task-row"][data-ref="${refNo}"]`);
    await row.waitFor();
    await row.getByTestId('task-open').click();
    await ciso.getByTestId('act-approve').click();
    await ciso.waitForFunction(
      () => document.querySelector('[data-testid="request-status"]')?.textContent === '承認',
    );

    await byTestId('nav-facilities').click();
    await byTestId('devices-q').fill('SV-4E-E2E');
    await p().locator('[data-testid="device-row"][data-tag="SV-4E-E2E"]').getByTestId('device-open').click();
    // The manager's screens keep what they read for 30 s; the change was made in the CISO's session.
    await p().reload();
    await p().waitForFunction(
      () => document.querySelector('[data-testid="device-status"]')?.textContent === '敷地外に設置',
    );
    expect(await byTestId('device-facts').innerText()).toContain('遠隔地データセンター（架空）');
    expect(pageErrors).toEqual([]);
  });
});
