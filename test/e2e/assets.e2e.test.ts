/**
 * Information assets (第4) end to end in a real browser against the built server with the demo hospital: a nurse of
 * 4階東病棟 (demo-staff) opens a class II asset in the register and requests its transport; the form comes filled
 * from the register and routes to her ward's Security Manager (demo-manager), who approves it; the nurse sees it
 * approved and records it carried out in the handling log (第4 2(6)ア・イ). Then a disposal: requested, approved,
 * recorded with date, person and method, and its certificate printed (第4 2(8)ア・イ・ウ).
 * Needs `npm run build` first and Debian's chromium (or MAMORI_CHROMIUM); skipped when there is no Chromium.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifacts, hasChromium, launch, repoRoot, serverEntry } from './browser-kit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetDetailView, AssetListView } from '../../src/shared/api-types.js';
import { type RunningServer, startServer } from './server-process.js';
import { firstSignIn } from './first-sign-in.js';

/** A calendar date some days from now in Japan time (YYYY-MM-DD). */
const inDays = (days: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
/** A datetime-local value some minutes ago in Japan time, as the browser (Asia/Tokyo) reads it. */
const minutesAgo = (minutes: number): string => {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(Date.now() - minutes * 60_000));
  return parts.replace(' ', 'T');
};

interface Person {
  context: BrowserContext;
  page: Page;
}

describe.skipIf(!hasChromium)('information assets in a real browser (Chromium)', () => {
  let running: RunningServer | undefined;
  let browser: Browser | undefined;
  const people = new Map<string, Person>();
  const pageErrors: string[] = [];
  let transportAsset = { id: '', code: '' };
  let disposalAsset = { id: '', code: '' };
  let refNo = '';

  const server = (): RunningServer => {
    if (running === undefined) throw new Error('the server did not start');
    return running;
  };
  const url = (p: string) => `${server().baseUrl}${p}`;
  const person = (loginId: string): Person => {
    const p = people.get(loginId);
    if (p === undefined) throw new Error(`${loginId} has not signed in`);
    return p;
  };

  /** Signs in with the temporary password and changes it (第7 2(3)イ). */
  const signInAs = async (loginId: string): Promise<Person> => {
    if (browser === undefined) throw new Error('no browser');
    const signedIn = await firstSignIn(
      browser,
      server(),
      loginId,
      `Hotaru#${String(people.size + 5)}-Asama-2026`,
      pageErrors,
    );
    people.set(loginId, signedIn);
    return signedIn;
  };

  /** The Manager opens her tasks, finds the request and approves it. */
  const approveAsManager = async (ref: string, comment: string): Promise<void> => {
    const { page } = people.get('demo-manager') ?? (await signInAs('demo-manager'));
    await page.getByTestId('nav-approvals-tasks').click();
    await page.waitForURL((u) => u.pathname === '/approvals/tasks');
    const row = page.locator(`[data-testid="task-row"][data-ref="${ref}"]`);
    await row.waitFor();
    await row.getByTestId('task-open').click();
    await page.waitForURL((u) => u.pathname.startsWith('/approvals/requests/'));
    await page.getByTestId('act-comment').fill(comment);
    await page.getByTestId('act-approve').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="request-status"]')?.textContent === '承認',
    );
  };

  beforeAll(async () => {
    if (!existsSync(serverEntry))
      throw new Error(`${serverEntry} is missing: run \`npm run build\` before the e2e tests.`);
    mkdirSync(artifacts, { recursive: true });
    running = await startServer(serverEntry, { cwd: repoRoot, requiredPersona: 'demo-manager' });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('shows the nurse her ward’s register, and she requests a class II transport from the asset (第4 2(6)ア)', async () => {
    const { page, context } = await signInAs('demo-staff');
    await page.getByTestId('nav-assets').click();
    await page.waitForURL((u) => u.pathname === '/assets');
    await page.getByTestId('assets-q').fill('看護サマリ（4階東病棟）');
    const row = page.getByTestId('asset-row').first();
    await row.waitFor();
    transportAsset = { id: '', code: (await row.getAttribute('data-code')) ?? '' };
    expect(transportAsset.code).toMatch(/^DEMO-KANGO-4E-/);
    expect(await row.innerText()).toContain('II');
    await page.screenshot({ path: path.join(artifacts, 'assets-register.png'), fullPage: true });
    await row.getByTestId('asset-open').click();
    await page.waitForURL((u) => u.pathname.startsWith('/assets/'));
    transportAsset.id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
    expect(await page.getByTestId('asset-classification').innerText()).toContain('II');

    await page.getByTestId('asset-request-transport').click();
    await page.waitForURL((u) => u.pathname === '/approvals/new');
    await page.getByTestId('request-form').waitFor();
    expect(await page.getByTestId('new-record').innerText()).toContain(`asset:${transportAsset.id}`);
    expect(await page.getByTestId('field-assetName').inputValue()).toContain(transportAsset.code);
    expect(await page.getByTestId('field-classification').inputValue()).toBe('2');
    await page.getByTestId('field-origin').fill('4階東病棟');
    await page.getByTestId('field-destination').fill('医療情報課（サマリの電子化）');
    await page.getByTestId('field-transportDate').fill(inDays(3));
    // Without a protection the register's class II is refused, naming the field (第4 2(6)イ).
    await page.getByTestId('field-protection').selectOption('none');
    await page.getByTestId('field-purpose').fill('退院サマリの電子化のため');
    await page.getByTestId('request-submit').click();
    await page.getByTestId('api-error').waitFor();
    expect(await page.getByTestId('api-error').innerText()).toContain('第4 2(6)イ');
    await page.getByTestId('field-protection').selectOption('lockedCase');
    await page.getByTestId('request-submit').click();
    await page.waitForURL((u) => /^\/approvals\/requests\/[^/]+$/.test(u.pathname));
    await page.getByTestId('request-done').waitFor();
    expect(await page.getByTestId('request-status').innerText()).toBe('申請中');
    refNo = (await page.getByTestId('request-ref').innerText()).replace('申請番号 ', '');
    expect(await page.getByTestId('route-step').first().innerText()).toContain(
      '4階東病棟 情報セキュリティ管理者',
    );
    expect(await page.getByTestId('request-title').innerText()).toContain(transportAsset.code);
    // The register decides the class whatever a request says: nothing reaches the handling log before approval.
    const view = (await (
      await context.request.get(url(`/api/assets/${transportAsset.id}`))
    ).json()) as AssetDetailView;
    expect(view.handlings.filter((h) => h.kind === 'transport')).toEqual([]);
  });

  it('reaches the ward’s Security Manager, who approves it', async () => {
    await approveAsManager(refNo, '鍵付きケースでの運搬を確認しました。');
    await person('demo-manager').page.screenshot({
      path: path.join(artifacts, 'assets-transport-approved.png'),
      fullPage: true,
    });
  });

  it('shows the nurse the approval and the transport in the asset’s handling log, and she records it carried out', async () => {
    const { page } = person('demo-staff');
    await page.getByTestId('nav-approvals-mine').click();
    const mine = page.locator(`[data-testid="mine-row"][data-ref="${refNo}"]`);
    await mine.waitFor();
    expect(await mine.getByTestId('mine-status').innerText()).toBe('承認');
    await page.goto(url(`/assets/${transportAsset.id}`));
    const row = page.locator('[data-testid="handling-row"][data-kind="transport"]');
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('approved');
    expect(await row.innerText()).toContain(refNo);
    expect(await row.innerText()).toContain('鍵付きケースに格納');
    await row.getByTestId('handling-complete').click();
    await page.getByTestId('complete-form-performedAt').fill(minutesAgo(0));
    await page.getByTestId('complete-form-submit').click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="handling-row"][data-kind="transport"]')
          ?.getAttribute('data-status') === 'done',
    );
    await page.screenshot({ path: path.join(artifacts, 'assets-transport-done.png'), fullPage: true });
    // The handling log in English, for the bilingual check.
    await page.getByTestId('nav-assets-handlings').click();
    await page.waitForURL((u) => u.pathname === '/assets/handlings');
    await page.getByTestId('lang-switch').getByText('English', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByTestId('handlings-table').waitFor();
    expect(await page.getByTestId('handlings-page').innerText()).toContain('Handling log');
    expect(await page.getByTestId('handlings-table').innerText()).toContain('Transport');
    await page.getByTestId('lang-switch').getByText('日本語', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
  });

  it('disposes of a class II paper record with permission, records date, person and method, and prints the certificate (第4 2(8))', async () => {
    const { page, context } = person('demo-staff');
    const list = (await (
      await context.request.get(url(`/api/assets?q=${encodeURIComponent('病棟日誌（4階東病棟）')}`))
    ).json()) as AssetListView;
    const diary = list.items[0];
    expect(diary?.classification).toBe(2);
    disposalAsset = { id: diary?.id ?? '', code: diary?.code ?? '' };
    await page.goto(url(`/assets/${disposalAsset.id}`));
    await page.getByTestId('asset-request-disposal').click();
    await page.waitForURL((u) => u.pathname === '/approvals/new');
    await page.getByTestId('request-form').waitFor();
    await page.getByTestId('field-method').selectOption('shred');
    await page.getByTestId('field-disposalDate').fill(inDays(0));
    await page.getByTestId('field-reason').fill('保存期間（5年）の満了');
    await page.getByTestId('request-submit').click();
    await page.waitForURL((u) => /^\/approvals\/requests\/[^/]+$/.test(u.pathname));
    await page.getByTestId('request-done').waitFor();
    const disposalRef = (await page.getByTestId('request-ref').innerText()).replace('申請番号 ', '');

    await approveAsManager(disposalRef, '裁断での廃棄を許可します。');

    await page.goto(url(`/assets/${disposalAsset.id}`));
    const row = page.locator('[data-testid="handling-row"][data-kind="disposal"]');
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('approved');
    await row.getByTestId('handling-record-disposal').click();
    await page.getByTestId('disposal-form-performedAt').fill(minutesAgo(0));
    expect(await page.getByTestId('disposal-form-method').inputValue()).toBe('shred');
    // Class II needs what made recovery impossible (第4 2(8)イ): the server names the missing field.
    await page.getByTestId('disposal-form-submit').click();
    await page.getByTestId('api-error').waitFor();
    expect(await page.getByTestId('disposal-form').innerText()).toContain('第4 2(8)イ');
    await page
      .getByTestId('disposal-form-sanitization')
      .fill('クロスカット方式のシュレッダーで細断（2mm×15mm）');
    await page.getByTestId('disposal-form-witnessName').fill('病棟の看護師長');
    await page.getByTestId('disposal-form-submit').click();
    await page.getByTestId('asset-disposals').waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="asset-status"]')?.textContent === '廃棄済み',
    );
    const certificateLink = page.getByTestId('disposal-certificate').first();
    const href = (await certificateLink.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/assets\/disposals\/[^/]+\/certificate\.pdf$/);
    await page.screenshot({ path: path.join(artifacts, 'assets-disposed.png'), fullPage: true });

    const pdf = await context.request.get(url(href));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const doc = await getDocument({
      data: new Uint8Array(await pdf.body()),
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
    const text = (await (await doc.getPage(1)).getTextContent()).items
      .map((i) => ('str' in i ? i.str : ''))
      .join('');
    await doc.destroy();
    expect(text).toContain('情報資産廃棄証明書');
    expect(text).toContain(disposalAsset.code);
    expect(text).toContain('裁断・溶解（紙）');
    expect(text).toContain('クロスカット');
    expect(text).toContain(disposalRef);
    const view = (await (
      await context.request.get(url(`/api/assets/${disposalAsset.id}`))
    ).json()) as AssetDetailView;
    expect(view.status).toBe('disposed');
    expect(view.disposals[0]).toMatchObject({
      requestRefNo: disposalRef,
      method: 'shred',
      unrecoverable: true,
    });
    expect(text).toContain(view.disposals[0]?.recordNo ?? 'no record');
  });

  it('threw no errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
