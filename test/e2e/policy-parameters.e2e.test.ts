/**
 * Changing a policy parameter in a real browser against the real server (demo hospital): the Security Director
 * reads the parameters with their values in force and defaults (ja and en), opens the change request from a
 * parameter, is told which field is wrong when the value is out of range, submits it; the CISO, a member of the IT
 * Steering Committee, approves it (第3 6(2), 第9 3); the page then shows the new value as version 1 with its
 * history. Needs `npm run build` first and Debian's chromium (or MAMORI_CHROMIUM).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { artifacts, hasChromium, launch, repoRoot, serverEntry } from './browser-kit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server-process.js';
import { firstSignIn } from './first-sign-in.js';

const key = 'identity.privilegedMaxHolders';

describe.skipIf(!hasChromium)(
  'policy parameters changed by the committee in a real browser (Chromium)',
  () => {
    let running: RunningServer | undefined;
    let browser: Browser | undefined;
    const pages = new Map<string, Page>();
    const pageErrors: string[] = [];
    let requestId = '';

    const server = (): RunningServer => {
      if (running === undefined) throw new Error('the server did not start');
      return running;
    };
    const url = (p: string) => `${server().baseUrl}${p}`;
    const pageOf = (loginId: string): Page => {
      const p = pages.get(loginId);
      if (p === undefined) throw new Error(`${loginId} has not signed in`);
      return p;
    };
    const rowOf = (page: Page) => page.locator(`[data-testid="parameter-row"][data-key="${key}"]`);

    /** Signs in with the temporary password and changes it (第7 2(3)イ). */
    const signInAs = async (loginId: string): Promise<Page> => {
      if (browser === undefined) throw new Error('no browser');
      const { page } = await firstSignIn(
        browser,
        server(),
        loginId,
        `Hotaru#${String(pages.size + 5)}-Norikura-2026`,
        pageErrors,
        { width: 1400, height: 900 },
      );
      pages.set(loginId, page);
      return page;
    };

    beforeAll(async () => {
      if (!existsSync(serverEntry))
        throw new Error(`${serverEntry} is missing: run \`npm run build\` before the e2e tests.`);
      mkdirSync(artifacts, { recursive: true });
      running = await startServer(serverEntry, { cwd: repoRoot, requiredPersona: 'demo-director' });
      browser = await launch();
    });

    afterAll(async () => {
      await browser?.close();
      await running?.stop();
    });

    it('lists the parameters with the value in force and the default, in Japanese and English (第3 6(2))', async () => {
      const page = await signInAs('demo-director');
      await page.getByTestId('nav-compliance-parameters').click();
      await page.waitForURL((u) => u.pathname === '/compliance/parameters');
      await rowOf(page).waitFor();
      expect(await page.getByTestId('parameter-row').count()).toBeGreaterThan(60);
      expect(await rowOf(page).innerText()).toContain('第7 2(1)ウ(ア)');
      expect(await rowOf(page).getByTestId('parameter-value').innerText()).toBe('3 人');
      expect(await rowOf(page).getByTestId('parameter-default').innerText()).toBe('3 人');
      await page.getByTestId('lang-switch').getByText('English', { exact: true }).click();
      await page.getByRole('heading', { name: 'Policy parameters' }).waitFor();
      expect(await rowOf(page).getByTestId('parameter-value').innerText()).toBe('3 people');
      expect(await rowOf(page).innerText()).toContain('Maximum privileged users per system');
      await page.getByTestId('lang-switch').getByText('日本語', { exact: true }).click();
      await page.getByRole('heading', { name: 'ポリシーのパラメータ' }).waitFor();
    });

    it('opens the change request from the parameter, names the wrong field, and submits it to the committee (第3 6(2))', async () => {
      const page = pageOf('demo-director');
      await rowOf(page).getByTestId('parameter-request').click();
      await page.waitForURL((u) => u.pathname === '/approvals/new');
      expect(await page.getByTestId('field-parameterKey').inputValue()).toBe(key);
      await page.getByTestId('field-newValue').fill('21');
      await page.getByTestId('field-reason').fill('委託先の交代期間中に引継ぎ要員を加えるため（e2e）');
      await page.getByTestId('request-submit').click();
      const error = page.getByTestId('api-error');
      await error.waitFor();
      expect(await error.innerText()).toContain('新しい値');
      expect(await error.innerText()).toContain('範囲 1〜20');
      await page.getByTestId('field-newValue').fill('4');
      await page.getByTestId('request-submit').click();
      await page.waitForURL((u) => u.pathname.startsWith('/approvals/requests/'));
      requestId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
      await page.getByTestId('request-status').waitFor();
      expect(await page.getByTestId('request-status').innerText()).toBe('申請中');
      expect(await page.getByTestId('route-step').first().innerText()).toContain('情報化推進会議');
      expect(await page.getByTestId('value-currentValue').innerText()).toContain('3');
      await page.goto(url('/compliance/parameters'));
      await rowOf(page).getByTestId('parameter-pending').waitFor();
    });

    it('is approved by a member of the committee, and the page shows the new value as version 1 with its history (第9 3)', async () => {
      const ciso = await signInAs('demo-ciso');
      await ciso.goto(url(`/approvals/requests/${encodeURIComponent(requestId)}`));
      await ciso.getByTestId('act-approve').click();
      await ciso.waitForFunction(
        () => document.querySelector('[data-testid="request-status"]')?.textContent === '承認',
      );
      const page = pageOf('demo-director');
      await page.goto(url('/compliance/parameters'));
      await rowOf(page).waitFor();
      const value = rowOf(page).getByTestId('parameter-value');
      expect(await value.innerText()).toContain('4 人');
      expect(await value.innerText()).toContain('第1版');
      expect(await rowOf(page).getByTestId('parameter-default').innerText()).toBe('3 人');
      await rowOf(page).getByTestId('parameter-history-toggle').click();
      const version = page.getByTestId('parameter-version').first();
      await version.waitFor();
      expect(await version.innerText()).toContain('3 人 → 4 人');
      expect(await version.innerText()).toContain('委託先の交代期間中に引継ぎ要員を加えるため（e2e）');
      await rowOf(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(artifacts, 'policy-parameters.png') });
      await page.getByTestId('nav-compliance-procedures').click();
      await page.waitForURL((u) => u.pathname === '/compliance/procedures');
      await page.getByTestId('procedure-file').waitFor();
      expect(pageErrors).toEqual([]);
    });
  },
);
