/**
 * ID administration in a real browser against the built server (demo hospital): the personnel office's file, a
 * dry run that names the wrong row, then the import that creates a hire's account with a temporary password and
 * retires a nurse on the day (第7 2(1)イ(ア)); the shared ID she was named on is then left to nobody, and the
 * ward's Security Manager confirms it in the unused-ID sweep (第7 2(1)イ(ウ), 第6 4(1)). Needs `npm run build`
 * and Debian's chromium.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountPage } from '../../src/shared/identity-admin-types.js';
import { artifacts, hasChromium, launch, person, repoRoot, serverEntry, type Person } from './browser-kit.js';
import { type RunningServer, startServer } from './server-process.js';

const japanToday = (offsetDays = 0): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

const header = '異動区分,職員番号,発効日,氏名,氏名（カナ）,雇用形態,所属部署コード,ログインID';
const csvFile = (name: string, lines: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`),
});

describe.skipIf(!hasChromium)('ID administration in a real browser (Chromium)', () => {
  let running: RunningServer | undefined;
  let browser: Browser | undefined;
  const people: Person[] = [];
  let director: Person | undefined;
  let hirePassword = '';
  const server = (): RunningServer => {
    if (running === undefined) throw new Error('the server did not start');
    return running;
  };
  const open = async (): Promise<Person> => {
    if (browser === undefined) throw new Error('no browser');
    const p = await person(browser, server().baseUrl);
    people.push(p);
    return p;
  };
  const firstChange = async (p: Person, loginId: string, next: string): Promise<void> => {
    const temporary = server().personas.get(loginId) ?? '';
    await p.signIn(loginId, temporary);
    await p.waitForPath('/password');
    await p.byTestId('password-current').fill(temporary);
    await p.byTestId('password-new').fill(next);
    await p.byTestId('password-confirm').fill(next);
    await p.byTestId('password-submit').click();
    await p.waitForPath('/');
  };
  const accounts = (p: Person, q: string): Promise<AccountPage> =>
    p.page.evaluate(async (query) => {
      const res = await fetch(`/api/identity/accounts?q=${encodeURIComponent(query)}`);
      return (await res.json()) as AccountPage;
    }, q);

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

  it('imports the personnel file: a dry run names the wrong row, then the import applies it (第7 2(1)イ(ア))', async () => {
    director = await open();
    await firstChange(director, 'demo-director', 'Jinji-idou-no-kisetsu-2026');
    // The ward's nurse with no role, found on the accounts screen.
    await director.byTestId('nav-identity-accounts').click();
    await director.waitForPath('/identity/accounts');
    await director.byTestId('accounts-search').fill('demo-staff');
    await director.byTestId('account-row').filter({ hasText: 'demo-staff' }).waitFor();
    const nurse = (await accounts(director, 'demo-staff')).items[0];
    const nurseNumber = nurse?.employeeNumber ?? '';
    expect(nurseNumber).not.toBe('');

    // A shared ID of the ward, with the nurse as its only named user (第6 4(1)).
    await director.byTestId('nav-identity-shared').click();
    await director.waitForPath('/identity/shared');
    await director.byTestId('shared-loginId').fill('ward4e-shared');
    await director.byTestId('shared-displayName').fill('4階東病棟 共用端末');
    await director.byTestId('shared-purpose').fill('病棟の共用端末での記録');
    await director.byTestId('shared-unitCode').fill('KANGO-4E');
    await director.byTestId('shared-users').fill(nurseNumber);
    await director.byTestId('shared-create').click();
    await director.byTestId('shared-row').filter({ hasText: 'ward4e-shared' }).waitFor();

    await director.byTestId('nav-identity-personnel').click();
    await director.waitForPath('/identity/personnel');
    const file = director.page.locator('input[type="file"]');
    await file.setInputFiles(
      csvFile('人事異動.csv', [
        `採用,E2E001,${japanToday()},看護 新子,カンゴ シンコ,regular,NOWHERE,e2e.hire`,
        `退職,${nurseNumber},${japanToday()},,,,,`,
      ]),
    );
    await director.byTestId('personnel-dry-run').click();
    const issue = director.byTestId('issue-row').first();
    await issue.waitFor();
    expect(await issue.innerText()).toMatch(/2\s+所属部署コード\s+部署 NOWHERE が見つかりません。/);

    await file.setInputFiles(
      csvFile('人事異動.csv', [
        `採用,E2E001,${japanToday()},看護 新子,カンゴ シンコ,regular,KANGO-4E,e2e.hire`,
        `採用,E2E002,${japanToday(10)},看護 次子,カンゴ ツギコ,partTime,KANGO-4E,e2e.later`,
        `退職,${nurseNumber},${japanToday()},,,,,`,
      ]),
    );
    await director.byTestId('personnel-dry-run').click();
    const checked = director.byTestId('personnel-dry-run-result');
    await checked.waitFor();
    expect(await director.byTestId('personnel-event-row').count()).toBe(3);
    expect(await checked.innerText()).toContain('発効待ち');
    expect(await checked.getByTestId('personnel-temporary-password').count()).toBe(0);
    expect((await accounts(director, 'e2e.hire')).total).toBe(0);

    await director.byTestId('personnel-confirm').click();
    const done = director.byTestId('personnel-done');
    await done.waitFor();
    const passwords = done.getByTestId('personnel-temporary-password');
    expect(await passwords.count()).toBe(2);
    hirePassword = (await passwords.first().innerText()).trim();
    expect(hirePassword).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(await done.innerText()).toContain('この一度だけ表示');
    await director.byTestId('personnel-recent').getByText('E2E002').first().waitFor();
    await director.page.screenshot({ path: path.join(artifacts, 'identity-personnel.png'), fullPage: true });

    const [hire] = (await accounts(director, 'e2e.hire')).items;
    expect(hire).toMatchObject({ status: 'active', kind: 'personal' });
    expect((await accounts(director, 'e2e.later')).items[0]).toMatchObject({ status: 'pending' });
    expect((await accounts(director, 'demo-staff')).items[0]).toMatchObject({
      status: 'disabled',
      disabledReason: 'retired',
    });

    // The hire signs in with the temporary password and is sent to change it (第7 2(3)イ).
    const newcomer = await open();
    expect((await newcomer.signIn('e2e.hire', hirePassword)).status()).toBe(200);
    await newcomer.waitForPath('/password');
  });

  it('lists the shared ID left to nobody to the ward’s Security Manager, who disables it (第7 2(1)イ(ウ))', async () => {
    const manager = await open();
    await firstChange(manager, 'demo-manager', 'Byoutou-no-asa-wa-hayai-4E');
    await manager.byTestId('nav-identity-sweep').click();
    await manager.waitForPath('/identity/sweep');
    await manager.byTestId('sweep-run').click();
    await manager.byTestId('sweep-ran').waitFor();
    const item = manager.byTestId('sweep-item').filter({ hasText: 'ward4e-shared' });
    await item.waitFor();
    expect(await item.innerText()).toContain('名簿にいない');
    await item.getByTestId('sweep-select').check();
    await manager.byTestId('sweep-keep').click();
    await manager.page.getByText('使い続ける理由を入力してください（長期の休暇など）。').waitFor();
    await manager.byTestId('sweep-disable').click();
    const decided = manager.byTestId('sweep-decided-row').filter({ hasText: 'ward4e-shared' });
    await decided.waitFor();
    expect(await decided.innerText()).toContain('無効にした');
    await manager.page.screenshot({ path: path.join(artifacts, 'identity-sweep.png'), fullPage: true });

    if (director === undefined) throw new Error('the Director is not signed in');
    const [shared] = (await accounts(director, 'ward4e-shared')).items;
    expect(shared).toMatchObject({ status: 'disabled', disabledReason: 'sweep' });
    await director.page.goto(`/identity/accounts/${shared?.id ?? ''}`);
    expect(await director.textOf('account-disabled-reason')).toContain('未使用IDの点検');
  });

  it('kept to the CSP and threw no errors in any page', () => {
    expect(people.flatMap((p) => p.errors)).toEqual([]);
  });
});
