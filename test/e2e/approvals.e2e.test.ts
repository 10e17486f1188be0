/**
 * The approvals engine end to end in a real browser against the built server with the demo hospital: a nurse of
 * 4階東病棟 (demo-staff) requests a carry-out (第6 1(1)ウ(ア)) through the form generated from its schema, her
 * Security Manager (demo-manager) finds it in "my tasks" and approves it, and she sees it approved. The Manager's
 * own request is not hers to approve (第3 7(1)): the screen says so and the server refuses.
 * Needs `npm run build` first and Debian's chromium (or MAMORI_CHROMIUM); skipped when there is no Chromium.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifacts, hasChromium, launch, repoRoot, serverEntry } from './browser-kit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, ApprovalRequestView } from '../../src/shared/api-types.js';
import { type RunningServer, startServer } from './server-process.js';

/** A calendar date some days from now (YYYY-MM-DD): the carry-out is in the future, so it cannot expire first. */
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Person {
  context: BrowserContext;
  page: Page;
  csrf: string;
}

describe.skipIf(!hasChromium)('approvals in a real browser (Chromium)', () => {
  let running: RunningServer | undefined;
  let browser: Browser | undefined;
  const people = new Map<string, Person>();
  const pageErrors: string[] = [];
  let requestId = '';
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

  /** Signs in with the temporary password, changes it (第7 2(3)イ), and keeps the page and CSRF token. */
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
    const password = `Tsubame#${String(people.size + 3)}-Kirigamine-2026`;
    await page.getByTestId('password-current').fill(temporary);
    await page.getByTestId('password-new').fill(password);
    await page.getByTestId('password-confirm').fill(password);
    await page.getByTestId('password-submit').click();
    await page.waitForURL((u) => u.pathname === '/');
    const session = (await (await context.request.get(url('/api/session'))).json()) as { csrfToken: string };
    const signedIn = { context, page, csrf: session.csrfToken };
    people.set(loginId, signedIn);
    return signedIn;
  };

  const post = (who: Person, p: string, body: unknown) =>
    who.context.request.post(url(p), {
      data: body,
      headers: { 'x-csrf-token': who.csrf },
      failOnStatusCode: false,
    });

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

  it('shows the carry-out form generated from its schema, and names each missing field in both languages', async () => {
    const { page } = await signInAs('demo-staff');
    await page.getByTestId('nav-approvals-new').click();
    await page.waitForURL((u) => u.pathname === '/approvals/new');
    await page.getByTestId('new-type').selectOption('people.carryOut');
    await page.getByTestId('request-form').waitFor();
    expect(await page.getByTestId('new-route').innerText()).toContain('申請者の所属の情報セキュリティ管理者');
    expect(await page.getByTestId('new-route').innerText()).toContain('第6 1(1)ウ(ア)');

    await page.getByTestId('field-item').fill('ノートPC（資産番号 PC-4E-07）');
    await page.getByTestId('field-itemKind').selectOption('pc');
    await page.getByTestId('field-classification').selectOption('2');
    await page.getByTestId('field-startDate').fill(inDays(7));
    await page.getByTestId('field-returnDate').fill(inDays(8));
    await page.getByTestId('field-purpose').fill('看護研究発表会でのスライド投影');
    await page.getByTestId('request-submit').click();
    const error = page.getByTestId('api-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('持ち出し先');
    await page.screenshot({ path: path.join(artifacts, 'approvals-form-errors.png'), fullPage: true });
    expect(await page.getByTestId('request-form').innerText()).toContain('必須項目です。');
    await page.getByTestId('lang-switch').getByText('English', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('request-form').innerText()).toContain('This field is required.');
    expect(await error.innerText()).toContain('Destination');
    await page.getByTestId('lang-switch').getByText('日本語', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    expect(await page.getByTestId('nav-approvals-mine').count()).toBe(1);
    const mine = (await (
      await person('demo-staff').context.request.get(url('/api/approvals/requests'))
    ).json()) as unknown[];
    expect(mine).toEqual([]);
  });

  it('submits the request to the Manager of her ward', async () => {
    const { page } = person('demo-staff');
    await page.getByTestId('field-destination').fill('さいたま市民会館（看護研究発表会）');
    await page.getByTestId('request-submit').click();
    await page.waitForURL((u) => u.pathname.startsWith('/approvals/requests/'));
    requestId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
    await page.getByTestId('request-done').waitFor();
    expect(await page.getByTestId('request-status').innerText()).toBe('申請中');
    refNo = (await page.getByTestId('request-ref').innerText()).replace('申請番号 ', '');
    expect(refNo).toMatch(/^\d{4}-\d{6}$/);
    const step = page.getByTestId('route-step').first();
    expect(await step.innerText()).toContain('4階東病棟 情報セキュリティ管理者');
    expect(await step.getAttribute('data-status')).toBe('pending');
    expect(await page.getByTestId('value-destination').innerText()).toContain('さいたま市民会館');
    expect(await page.getByTestId('value-classification').innerText()).toContain('II');
    // The applicant has nothing to decide: only withdrawing is offered.
    expect(await page.getByTestId('act-approve').count()).toBe(0);
    expect(await page.getByTestId('act-withdraw').count()).toBe(1);
    const refused = await post(person('demo-staff'), `/api/approvals/requests/${requestId}/decision`, {
      decision: 'approve',
    });
    expect(refused.status()).toBe(403);
    await page.screenshot({ path: path.join(artifacts, 'approvals-submitted.png'), fullPage: true });
  });

  it('reaches the Manager’s tasks; she approves it', async () => {
    const { page } = await signInAs('demo-manager');
    await page.getByTestId('nav-approvals-tasks').click();
    await page.waitForURL((u) => u.pathname === '/approvals/tasks');
    const row = page.locator(`[data-testid="task-row"][data-ref="${refNo}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('ノートPC（資産番号 PC-4E-07）');
    await row.getByTestId('task-open').click();
    await page.waitForURL((u) => u.pathname === `/approvals/requests/${requestId}`);
    await page.getByTestId('act-comment').fill('暗号化済みの端末であることを確認しました。');
    await page.getByTestId('act-approve').click();
    await page.getByTestId('request-done').waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="request-status"]')?.textContent === '承認',
    );
    const decider = await page.getByTestId('route-step-decider').innerText();
    const session = (await (
      await person('demo-manager').context.request.get(url('/api/session'))
    ).json()) as {
      account: { displayName: string };
    };
    expect(decider).toContain(session.account.displayName);
    await page.screenshot({ path: path.join(artifacts, 'approvals-approved.png'), fullPage: true });
    await page.getByTestId('nav-approvals-tasks').click();
    await page.locator('[data-testid="tasks-empty"], [data-testid="tasks-table"]').first().waitFor();
    // The cached list shows first and is re-read after the decision: wait for the decided request to leave it.
    await page.locator(`[data-testid="task-row"][data-ref="${refNo}"]`).waitFor({ state: 'detached' });
  });

  it('shows the applicant her request approved, with a notification and the decision record', async () => {
    const { page, context } = person('demo-staff');
    await page.getByTestId('nav-approvals-mine').click();
    await page.waitForURL((u) => u.pathname === '/approvals/requests');
    const row = page.locator(`[data-testid="mine-row"][data-ref="${refNo}"]`);
    await row.waitFor();
    expect(await row.getByTestId('mine-status').innerText()).toBe('承認');
    await page.getByTestId('nav-approvals-notifications').click();
    await page.getByTestId('notification').first().waitFor();
    expect(await page.getByTestId('notifications-page').innerText()).toContain('承認されました');
    await page.getByTestId('notifications-mark-all').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="notification"]')?.getAttribute('data-read') === 'true',
    );
    const pdf = await context.request.get(url(`/api/approvals/requests/${requestId}/record.pdf`));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const view = (await (
      await context.request.get(url(`/api/approvals/requests/${requestId}`))
    ).json()) as ApprovalRequestView;
    expect(view.status).toBe('approved');
    expect(view.history.map((h) => h.kind)).toContain('approvals.step.decided');
  });

  it('does not let the Manager approve her own request (第3 7(1)); it goes to her Officer instead', async () => {
    const manager = person('demo-manager');
    const own = await post(manager, '/api/approvals/requests/submit', {
      draft: {
        typeId: 'people.carryOut',
        form: {
          item: '病棟の記録用USBメモリ',
          itemKind: 'medium',
          classification: 2,
          destination: '看護部長室',
          startDate: inDays(5),
          returnDate: inDays(5),
          purpose: '看護記録の監査への提出',
        },
      },
    });
    expect(own.status()).toBe(201);
    const { id } = (await own.json()) as { id: string };
    const { page } = manager;
    await page.goto(url(`/approvals/requests/${id}`));
    await page.getByTestId('act-conflict').waitFor();
    expect(await page.getByTestId('act-conflict').innerText()).toContain('第3 7(1)');
    expect(await page.getByTestId('act-approve').count()).toBe(0);
    expect(await page.getByTestId('route-step-escalation').innerText()).toContain(
      '看護部 情報セキュリティ責任者',
    );
    const refused = await post(manager, `/api/approvals/requests/${id}/decision`, { decision: 'approve' });
    expect(refused.status()).toBe(403);
    const body = (await refused.json()) as ApiErrorBody;
    expect(body.error.message.ja).toContain('第3 7(1)');
    expect(body.error.message.en).toContain('No one approves a request they made or prepared');
    await page.reload();
    await page.getByTestId('request-status').waitFor();
    expect(await page.getByTestId('request-status').innerText()).toBe('申請中');
    await page.screenshot({ path: path.join(artifacts, 'approvals-own-request.png'), fullPage: true });
    await page.getByTestId('nav-approvals-tasks').click();
    await page.locator('[data-testid="tasks-empty"], [data-testid="tasks-table"]').first().waitFor();
    expect(await page.locator('[data-testid="task-row"]').count()).toBe(0);
  });

  it('threw no errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
