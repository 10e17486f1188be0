/**
 * Identity in a real browser against the built server (demo hospital): the first sign-in under the password
 * profile (第6 4(2), 第7 2(3)イ), the lockout and its recorded unlock (第7 2(1)ウ(エ)), and the settings screen that
 * shows the fields the policy pack sets read-only (第9 3) and where a profile departs from NIST or MHLW. Needs
 * `npm run build` and Debian's chromium.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../src/shared/api-types.js';
import { artifacts, hasChromium, launch, person, repoRoot, serverEntry, type Person } from './browser-kit.js';
import { type RunningServer, startServer } from './server-process.js';

describe.skipIf(!hasChromium)('identity in a real browser (Chromium)', () => {
  let running: RunningServer | undefined;
  let browser: Browser | undefined;
  const people: Person[] = [];
  const server = (): RunningServer => {
    if (running === undefined) throw new Error('the server did not start');
    return running;
  };
  const temporary = (loginId: string): string => server().personas.get(loginId) ?? '';
  const open = async (): Promise<Person> => {
    if (browser === undefined) throw new Error('no browser');
    const p = await person(browser, server().baseUrl);
    people.push(p);
    return p;
  };
  const firstChange = async (p: Person, loginId: string, next: string): Promise<void> => {
    await p.signIn(loginId, temporary(loginId));
    await p.waitForPath('/password');
    await p.byTestId('password-current').fill(temporary(loginId));
    await p.byTestId('password-new').fill(next);
    await p.byTestId('password-confirm').fill(next);
    await p.byTestId('password-submit').click();
    await p.waitForPath('/');
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

  it('shows the profile rules at the first sign-in and the server refuses a blocklisted password (第6 4(2)(ウ)(キ))', async () => {
    const staff = await open();
    await staff.signIn('demo-staff', temporary('demo-staff'));
    await staff.waitForPath('/password');
    expect(await staff.textOf('must-change-notice')).toContain('第7 2(3)イ');
    expect(await staff.textOf('password-profile')).toContain('川口市医療センター基準（職員）');
    const rules = await staff.textOf('password-rules');
    expect(rules).toContain('13文字以上');
    expect(rules).toContain('過去10回以内');
    await staff.byTestId('password-current').fill(temporary('demo-staff'));
    await staff.byTestId('password-new').fill('password12345!');
    await staff.byTestId('password-confirm').fill('password12345!');
    const [refused] = await Promise.all([
      staff.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/account/password'),
      staff.byTestId('password-submit').click(),
    ]);
    expect(refused.status()).toBe(400);
    const body = (await refused.json()) as ApiErrorBody;
    expect(body.error.issues[0]?.field).toBe('newPassword');
    await staff.page
      .getByText(body.error.issues[0]?.message.ja ?? '—')
      .first()
      .waitFor();
    const next = 'Yuuhi-ga-shizumu-umi-2026!';
    await staff.byTestId('password-new').fill(next);
    await staff.byTestId('password-confirm').fill(next);
    await staff.byTestId('password-submit').click();
    await staff.waitForPath('/');
    await staff.byTestId('password-changed').waitFor();
  });

  it('locks an ID after 5 failures with the same message as a wrong password, until the Director unlocks it (第7 2(1)ウ(エ))', async () => {
    const officer = await open();
    await officer.page.goto('/signin');
    expect(await officer.textOf('signin-lockout-hint')).toContain('ロック');
    const messages = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await officer.signIn('demo-officer', `not the password ${String(i)}`);
      expect(res.status()).toBe(401);
      messages.add(((await res.json()) as ApiErrorBody).error.message.ja);
    }
    const locked = await officer.signIn('demo-officer', temporary('demo-officer'));
    expect(locked.status()).toBe(401);
    messages.add(((await locked.json()) as ApiErrorBody).error.message.ja);
    const unknown = await officer.signIn('demo-nobody', 'not the password at all');
    messages.add(((await unknown.json()) as ApiErrorBody).error.message.ja);
    expect([...messages]).toEqual(['ログインIDまたはパスワードが正しくありません。']);
    expect(await officer.textOf('api-error-message')).toBe('ログインIDまたはパスワードが正しくありません。');

    const director = await open();
    await firstChange(director, 'demo-director', 'Kanrisha-no-nagai-aikotoba-7');
    await director.byTestId('nav-identity-lockouts').click();
    await director.waitForPath('/identity/lockouts');
    const row = director.byTestId('lockout-row').filter({ hasText: 'demo-officer' });
    await row.waitFor();
    await row.getByTestId('unlock-button').click();
    await director.byTestId('unlock-confirm').click();
    await director.page.getByText('1文字以上で入力してください。').first().waitFor();
    await director.byTestId('unlock-reason').fill('内線で本人確認のうえ解除');
    await director.byTestId('unlock-confirm').click();
    await director.byTestId('unlock-dialog').waitFor({ state: 'detached' });
    await director.page.screenshot({ path: path.join(artifacts, 'identity-lockouts.png'), fullPage: true });

    const again = await officer.signIn('demo-officer', temporary('demo-officer'));
    expect(again.status()).toBe(200);
    await officer.waitForPath('/password');
    await officer.byTestId('password-current').fill(temporary('demo-officer'));
    await officer.byTestId('password-new').fill('Aki-no-yuugure-no-kaze-9');
    await officer.byTestId('password-confirm').fill('Aki-no-yuugure-no-kaze-9');
    await officer.byTestId('password-submit').click();
    await officer.waitForPath('/');
  });

  it('shows the failed attempts since the previous sign-in, and "this was not me" reports one and asks for a new password (第7 2(2))', async () => {
    const officer = people[1];
    if (officer === undefined) throw new Error('the officer is not signed in');
    const failures = officer.byTestId('failures-since');
    await failures.waitFor();
    expect(await failures.innerText()).toContain('127.0.0.1');
    expect(await officer.byTestId('failure-row').count()).toBeGreaterThanOrEqual(6);
    await officer.byTestId('failure-row').first().getByTestId('not-me').click();
    await officer.byTestId('report-note').fill('この時間は外来にいました');
    const [reported] = await Promise.all([
      officer.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/account/sign-in-reports'),
      officer.byTestId('report-confirm').click(),
    ]);
    expect(reported.status()).toBe(200);
    await officer.waitForPath('/password');
    expect(await officer.textOf('must-change-notice')).toContain('第6 4(2)(エ)');
    await officer.byTestId('password-current').fill('Aki-no-yuugure-no-kaze-9');
    await officer.byTestId('password-new').fill('Fuyu-no-asa-no-shimo-ga-10');
    await officer.byTestId('password-confirm').fill('Fuyu-no-asa-no-shimo-ga-10');
    await officer.byTestId('password-submit').click();
    await officer.waitForPath('/');
    await officer.byTestId('nav-identity-sessions').click();
    await officer.waitForPath('/identity/sessions');
    await officer.byTestId('session-row').first().waitFor();
    expect(await officer.byTestId('session-row').count()).toBe(1);
    expect(await officer.textOf('sessions-table')).toContain('この端末');
  });

  it('shows the Kawaguchi fields the pack sets read-only with a request to the committee, and saves the others (第9 3)', async () => {
    const director = people[2];
    if (director === undefined) throw new Error('the Director is not signed in');
    await director.byTestId('nav-identity-settings').click();
    await director.waitForPath('/identity/settings');
    const minLength = director.byTestId('standard-minLength');
    await minLength.waitFor();
    // A value with where it comes from, not an input the save would refuse.
    const staffProfile = director.byTestId('profile-standard');
    expect(await staffProfile.getByRole('textbox', { name: '最小文字数' }).count()).toBe(0);
    expect(await staffProfile.getByRole('textbox', { name: '無操作で終了（分）' }).count()).toBe(1);
    expect(await minLength.getByTestId('pack-set-value').innerText()).toBe('13');
    const note = await minLength.innerText();
    expect(note).toContain('ポリシーパックで設定');
    expect(note).toContain('「パスワードの最小文字数」（第6 4(2)(ウ)、identity.passwordMinLength）');
    expect(note).toContain('情報化推進会議への申請');
    const mfa = director.byTestId('privileged-mfaRequired');
    expect(
      await director
        .byTestId('profile-privileged')
        .getByRole('switch', { name: '多要素認証を必須にする' })
        .count(),
    ).toBe(0);
    expect(await mfa.getByTestId('pack-set-value').innerText()).toBe('はい');
    expect(await mfa.innerText()).toContain('identity.privilegedMfaRequired');
    // The fields the pack does not set stay inputs, and a change of one saves.
    const idle = director.byTestId('standard-idleMinutes');
    expect(await idle.inputValue()).toBe('30');
    await idle.fill('45');
    await director.byTestId('settings-save').click();
    await director.byTestId('settings-saved').waitFor();
    await director.page.reload();
    await director.byTestId('standard-minLength').waitFor();
    expect(await director.byTestId('standard-idleMinutes').inputValue()).toBe('45');
    await director.page.screenshot({
      path: path.join(artifacts, 'identity-settings-pack.png'),
      fullPage: true,
    });
    // The link opens the committee's request form for that parameter.
    await director.byTestId('standard-minLength').getByTestId('pack-set-request').click();
    await director.waitForPath('/approvals/new');
    expect(await director.page.getByTestId('field-parameterKey').inputValue()).toBe(
      'identity.passwordMinLength',
    );
  });

  it('shows where the staff profile departs from NIST and MHLW, and the standard itself for NIST', async () => {
    const director = people[2];
    if (director === undefined) throw new Error('the Director is not signed in');
    await director.byTestId('nav-identity-settings').click();
    await director.waitForPath('/identity/settings');
    const departures = director.byTestId('departures-standard');
    await departures.getByText('NIST SP 800-63B-4').first().waitFor();
    expect(await departures.innerText()).toContain('第6 4(2)(オ)');
    await director.byTestId('preset-standard').click();
    await director.page.getByRole('option', { name: 'NIST SP 800-63B-4' }).click();
    // The NIST profile departs from the standard itself (no periodic change, 第6 4(2)(オ)) and from NIST nowhere.
    await departures.getByText('第8 5の例外措置').first().waitFor();
    const nistDepartures = await departures.innerText();
    expect(nistDepartures).toContain(
      '第6 4(2)(オ)は、パスワードを定期的に又はアクセス回数に基づいて変更することを求めています。',
    );
    expect(nistDepartures).not.toContain('この設定は13文字');
    // Another preset's numbers are the hospital's to adjust: inputs again.
    expect(await director.byTestId('standard-minLength').inputValue()).toBe('15');
    await director.page.screenshot({ path: path.join(artifacts, 'identity-settings.png'), fullPage: true });
  });

  it('offers no "remember me", asks the browser not to save the password, and keeps the session for this browser session only (第6 4(2)(ク))', async () => {
    const nurse = await open();
    await nurse.page.goto('/signin');
    const form = nurse.byTestId('signin-form');
    expect(await form.getAttribute('autocomplete')).toBe('off');
    expect(await nurse.byTestId('signin-login-id').getAttribute('autocomplete')).toBe('off');
    expect(await nurse.byTestId('signin-password').getAttribute('autocomplete')).toBe('new-password');
    expect(await form.locator('input[type="checkbox"]').count()).toBe(0);
    expect(await nurse.textOf('signin-no-saving')).toContain('第6 4(2)(ク)');
    const response = await nurse.signIn('demo-staff', 'Yuuhi-ga-shizumu-umi-2026!');
    expect(response.status()).toBe(200);
    const [cookie] = (await nurse.page.context().cookies()).filter((c) => c.name === 'mamori_session');
    // -1: a session cookie, gone when the browser closes (no Max-Age or Expires is ever set).
    expect(cookie?.expires).toBe(-1);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('kept to the CSP and threw no errors in any page', () => {
    expect(people.flatMap((p) => p.errors)).toEqual([]);
  });
});
