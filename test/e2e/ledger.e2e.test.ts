/**
 * The ledger page in a real browser against the real server (demo hospital), 第7 1(4)イ, 1(6), 第9 1(6): an
 * auditor opens it from the menu, signs a checkpoint and runs a verification (recorded), filters entries by
 * actor, kind and a time range in Japan time, pages back, opens an entry's canonical JSON, downloads its
 * inclusion proof and checks it here with the kernel's own verify functions and only the public key. Ordinary
 * staff see no ledger. Needs `npm run build` first and Debian's chromium (or MAMORI_CHROMIUM).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifacts, hasChromium, launch, repoRoot, serverEntry } from './browser-kit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashLeaf, verifyInclusion } from '../../src/kernel/ledger/merkle.js';
import { openNote, parseCheckpoint, parseVerifierKey } from '../../src/kernel/ledger/note.js';
import type { LedgerInclusionProofFile, LedgerSearchResult } from '../../src/shared/ledger-api-types.js';
import { type RunningServer, startServer } from './server-process.js';

/** A Japan-time `datetime-local` value (YYYY-MM-DDTHH:mm) for an instant. */
const japanLocal = (d: Date): string => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 16);

describe.skipIf(!hasChromium)('the ledger page in a real browser (Chromium)', () => {
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
  const card = (log: string) => page.locator(`[data-testid="log-card"][data-log="${log}"]`);
  const rows = () => byTestId('ledger-entry-row');
  const rowAttr = (name: string) => rows().evaluateAll((r, n) => r.map((x) => x.getAttribute(n) ?? ''), name);
  /** Waits until the table (or its empty notice) answers the filters just submitted. */
  const settle = async () => {
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="ledger-entries"], [data-testid="entries-none"]') !== null &&
        document.querySelector('[data-testid="loading"]') === null &&
        document.querySelector('[data-testid="entries-results"][aria-busy="true"]') === null,
    );
  };

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

  beforeAll(async () => {
    if (!existsSync(serverEntry))
      throw new Error(`${serverEntry} is missing: run \`npm run build\` before the e2e tests.`);
    mkdirSync(artifacts, { recursive: true });
    running = await startServer(serverEntry, { cwd: repoRoot, requiredPersona: 'demo-auditor' });
    browser = await launch();
    // The browser is in UTC: the page must still read and show Japan time.
    context = await browser.newContext({
      locale: 'ja-JP',
      timezoneId: 'UTC',
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
        cspViolations.push(`${page.url()} ${m.text().slice(0, 80)}`);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('opens from the menu for an auditor, signs a checkpoint and runs a recorded verification', async () => {
    await signInAs('demo-auditor', 'Kawaguchi-Ledger-Audit-2026!');
    await byTestId('nav-ledger').click();
    await waitForPath('/ledger');
    await card('audit').waitFor();
    expect(await card('vault').count()).toBe(1);
    const audit = card('audit');
    await audit.getByTestId('sign-now').click();
    await audit.getByTestId('checkpoint-signed').waitFor();
    await audit.getByTestId('checkpoint-size').waitFor();
    expect(await audit.getByTestId('checkpoint-signer').getAttribute('data-valid')).toBe('true');
    expect(Number(await audit.getByTestId('checkpoint-size').innerText())).toBeGreaterThan(1000);
    expect(await audit.getByTestId('checkpoint-issued').innerText()).toMatch(
      /^令和\d+年\d+月\d+日 \d{2}:\d{2}$/,
    );

    await audit.getByTestId('verify-now').click();
    await audit.getByTestId('verification-done').waitFor();
    const result = audit.getByTestId('verification-result');
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.innerText()).toContain('正常');
    expect(await result.innerText()).toContain('demo-auditor');
    await page.screenshot({ path: path.join(artifacts, 'ledger-status.png') });
  });

  it('filters entries by actor, kind and a time range in Japan time, and pages back', async () => {
    await settle();
    const firstPage = (await rowAttr('data-index')).map(Number);
    expect(firstPage).toHaveLength(50);
    await byTestId('entries-older').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="entries-page"]')?.getAttribute('data-page') === '2',
    );
    await settle();
    const secondPage = (await rowAttr('data-index')).map(Number);
    expect(Math.max(...secondPage)).toBeLessThan(Math.min(...firstPage));

    await byTestId('filter-actor').fill('demo-auditor');
    await byTestId('filter-kind').click();
    await byTestId('filter-kind').fill('identity.passwordChanged');
    await page.getByRole('option', { name: 'identity.passwordChanged', exact: true }).click();
    const now = new Date();
    await byTestId('filter-from').fill(japanLocal(new Date(now.getTime() - 3_600_000)));
    await byTestId('filter-to').fill(japanLocal(new Date(now.getTime() + 3_600_000)));
    await byTestId('filter-submit').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="ledger-entry-row"]').length === 1,
    );
    expect(await rowAttr('data-kind')).toEqual(['identity.passwordChanged']);
    const actor = (await rowAttr('data-actor'))[0] ?? '';
    expect(actor).toMatch(/^account:/);
    expect(await rows().first().innerText()).toMatch(/令和\d+年\d+月\d+日 \d{2}:\d{2}/);

    // The same hour a day earlier holds nothing of the auditor's.
    await byTestId('filter-from').fill(japanLocal(new Date(now.getTime() - 25 * 3_600_000)));
    await byTestId('filter-to').fill(japanLocal(new Date(now.getTime() - 23 * 3_600_000)));
    await byTestId('filter-submit').click();
    await byTestId('entries-none').waitFor();

    // The server agrees with what the page shows.
    const fromApi = (await (
      await apiGet(`/api/ledger/search?actor=demo-auditor&kind=identity.passwordChanged`)
    ).json()) as LedgerSearchResult;
    expect(fromApi.actor).toBe(actor);
    expect(fromApi.entries).toHaveLength(1);
  });

  it("opens an entry's canonical JSON and downloads its inclusion proof, which verifies with the public key alone", async () => {
    await byTestId('filter-from').fill('');
    await byTestId('filter-to').fill('');
    await byTestId('filter-submit').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="ledger-entry-row"]').length === 1,
    );
    await rows().first().getByTestId('open-entry').click();
    const detail = byTestId('entry-detail');
    await detail.waitFor();
    const index = Number(await detail.getAttribute('data-index'));
    const canonical = await byTestId('entry-canonical').innerText();
    const parsed = JSON.parse(canonical) as { index: number; kind: string; actor: string; time: string };
    expect(parsed).toMatchObject({ index, kind: 'identity.passwordChanged' });
    expect(Object.keys(parsed)).toEqual(['actor', 'index', 'kind', 'payload', 'subject', 'time']);
    expect(await byTestId('entry-leaf-hash').innerText()).toBe(
      hashLeaf(Buffer.from(canonical, 'utf8')).toString('base64'),
    );

    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('download-proof').click()]);
    expect(download.suggestedFilename()).toBe(`mamori-audit-${String(index)}-inclusion-proof.json`);
    const proof = JSON.parse(readFileSync(await download.path(), 'utf8')) as LedgerInclusionProofFile;
    await page.screenshot({ path: path.join(artifacts, 'ledger-entry.png') });

    // Verified here as an auditor would: the log's public key, the signed checkpoint, the RFC 9162 path.
    const keys = (await (await apiGet('/api/ledger/public-key')).json()) as { audit: string };
    const opened = openNote(proof.checkpoint, [parseVerifierKey(keys.audit)]);
    const checkpoint = parseCheckpoint(opened.text);
    const b = (s: string): Buffer => Buffer.from(s, 'base64');
    const entry = b(proof.entry);
    expect(entry.toString('utf8')).toBe(canonical);
    expect(proof).toMatchObject({ leaf_index: index, tree_size: checkpoint.size, origin: checkpoint.origin });
    expect(b(proof.root_hash)).toEqual(checkpoint.root);
    expect(hashLeaf(entry)).toEqual(b(proof.leaf_hash));
    expect(
      verifyInclusion(index, checkpoint.size, hashLeaf(entry), proof.inclusion_path.map(b), checkpoint.root),
    ).toBe(true);
    // Any other entry bytes fail against the same path.
    const altered = Buffer.from(
      canonical.replace('identity.passwordChanged', 'identity.passwordChangeX'),
      'utf8',
    );
    expect(
      verifyInclusion(
        index,
        checkpoint.size,
        hashLeaf(altered),
        proof.inclusion_path.map(b),
        checkpoint.root,
      ),
    ).toBe(false);
    await page.getByRole('button', { name: '閉じる' }).click();
  });

  it("opens the history of each record in a unit's tables: a staff member's, a role assignment's", async () => {
    const units = (await (await apiGet('/api/org/units')).json()) as { id: string; code: string }[];
    const ward = units.find((u) => u.code === 'KANGO-4E');
    await page.goto(url(`/org/units/${ward?.id ?? ''}`));
    await byTestId('panel-staff').getByTestId('record-history').first().click();
    const staffPanel = byTestId('record-history-panel');
    await staffPanel.getByTestId('history-row').first().waitFor();
    expect(await staffPanel.getAttribute('data-subject')).toMatch(/^staff:/);
    expect(await staffPanel.innerText()).toContain('org.staff.registered');
    await page.getByRole('button', { name: '閉じる' }).click();
    await byTestId('tab-roles').click();
    await byTestId('panel-roles').getByTestId('record-history').first().click();
    const rolePanel = byTestId('record-history-panel');
    await rolePanel.getByTestId('history-row').first().waitFor();
    expect(await rolePanel.getAttribute('data-subject')).toMatch(/^roleAssignment:/);
    expect(await rolePanel.innerText()).toContain('org.role.assigned');
    await page.getByRole('button', { name: '閉じる' }).click();
    await byTestId('nav-ledger').click();
    await waitForPath('/ledger');
    await card('audit').waitFor();
  });

  it('speaks English with the same Japan time', async () => {
    await byTestId('lang-switch').getByText('English', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await byTestId('nav-section-ledger').innerText()).toBe('Audit trail');
    expect(await card('audit').getByTestId('checkpoint-issued').innerText()).toMatch(/JST$/);
    expect(await card('audit').getByTestId('verification-result').innerText()).toContain('Sound');
    await byTestId('lang-switch').getByText('日本語', { exact: true }).click();
  });

  it('is not shown to ordinary staff, and the server refuses them', async () => {
    await byTestId('sign-out').click();
    await waitForPath('/signin');
    await signInAs('demo-staff', 'Kawaguchi-Staff-Ledger-2026!');
    expect(await byTestId('nav-ledger').count()).toBe(0);
    await page.goto(url('/ledger'));
    await byTestId('forbidden').first().waitFor();
    expect((await apiGet('/api/ledger/status')).status()).toBe(403);
    expect((await apiGet('/api/ledger/audit/entries/0/proof')).status()).toBe(403);
  });

  it('kept to the CSP and threw no errors in the page', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
