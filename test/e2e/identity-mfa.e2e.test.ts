/**
 * Multi-factor authentication in a real browser (第7 2(1)ウ(エ), 第7 2(4)): the administrator — a privileged ID —
 * changes the temporary password, must enrol an authenticator app before anything else, keeps the recovery codes,
 * signs in with a recovery code, registers a security key (Chromium's virtual authenticator over CDP), elevates
 * with it for a limited time, and signs in with the key and with the app. The app's codes are computed here from
 * the key the page shows, as the phone would. Served on localhost: WebAuthn refuses IP addresses as relying party.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../src/modules/identity/index.js';
import type { SessionView } from '../../src/shared/api-types.js';
import { artifacts, hasChromium, launch, person, repoRoot, serverEntry, type Person } from './browser-kit.js';
import { type RunningServer, startServer } from './server-process.js';

const passphrase = 'Kanri-no-hikari-ga-tomoru-2026';

describe.skipIf(!hasChromium)('multi-factor authentication in a real browser (Chromium)', () => {
  let running: RunningServer | undefined;
  let browser: Browser | undefined;
  let admin: Person;
  let secret = '';
  let recovery: string[] = [];
  let lastStep = 0;

  const server = (): RunningServer => {
    if (running === undefined) throw new Error('the server did not start');
    return running;
  };
  const base = (): string => server().baseUrl.replace('127.0.0.1', 'localhost');
  /** The next code the app shows, waiting for a new 30-second step (a code is good once). */
  const nextCode = async (): Promise<string> => {
    while (Math.floor(Date.now() / 30_000) <= lastStep) await new Promise((r) => setTimeout(r, 500));
    lastStep = Math.floor(Date.now() / 30_000);
    return totpCodeAt(secret, new Date());
  };
  const session = async (): Promise<SessionView> =>
    (await (await admin.context.request.get(`${base()}/api/session`)).json()) as SessionView;
  const signOut = async () => {
    await admin.byTestId('sign-out').click();
    await admin.waitForPath('/signin');
  };

  beforeAll(async () => {
    if (!existsSync(serverEntry))
      throw new Error(`${serverEntry} is missing: run \`npm run build\` before the e2e tests.`);
    mkdirSync(artifacts, { recursive: true });
    running = await startServer(serverEntry, { cwd: repoRoot });
    browser = await launch();
    admin = await person(browser, base());
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('makes the administrator change the temporary password, then enrol an authenticator app before anything else', async () => {
    const temporary = /^\s+admin\s+(\S+)\s*$/m.exec(server().output())?.[1] ?? '';
    expect(temporary, server().output()).not.toBe('');
    await admin.signIn('admin', temporary);
    await admin.waitForPath('/password');
    expect(await admin.textOf('password-profile')).toContain('特権ID');
    await admin.byTestId('password-current').fill(temporary);
    await admin.byTestId('password-new').fill(passphrase);
    await admin.byTestId('password-confirm').fill(passphrase);
    await admin.byTestId('password-submit').click();
    await admin.waitForPath('/mfa');
    expect(await admin.textOf('mfa-page')).toContain('第7 2(1)ウ(エ)');
    const blocked = await admin.context.request.get(`${base()}/api/org/units`, { failOnStatusCode: false });
    expect(blocked.status()).toBe(403);
    await admin.byTestId('mfa-label').fill('業務用スマートフォン');
    await admin.byTestId('totp-start').click();
    await admin.byTestId('totp-qr').waitFor();
    secret = await admin.textOf('totp-secret');
    await admin.byTestId('totp-code').fill('000000');
    await admin.byTestId('totp-confirm').click();
    await admin.page.getByText('確認コードが正しくありません').first().waitFor();
    await admin.byTestId('totp-code').fill(await nextCode());
    await admin.byTestId('totp-confirm').click();
    await admin.byTestId('recovery-codes').waitFor();
    recovery = await admin.byTestId('recovery-code').allInnerTexts();
    expect(recovery).toHaveLength(10);
    await admin.page.screenshot({ path: path.join(artifacts, 'identity-mfa-recovery.png'), fullPage: true });
    await admin.byTestId('recovery-done').click();
    await admin.waitForPath('/');
    await admin.byTestId('home-greeting').waitFor();
    expect((await session()).stage).toBe('full');
  });

  it('asks for the second factor at the next sign-in, and takes a recovery code once', async () => {
    await signOut();
    await admin.signIn('admin', passphrase);
    await admin.waitForPath('/mfa');
    await admin.byTestId('mfa-code').fill('123456');
    await admin.byTestId('mfa-submit').click();
    await admin.page.getByText('確認コードが正しくありません').first().waitFor();
    await admin.byTestId('mfa-code').fill(recovery[0] ?? '');
    await admin.byTestId('mfa-submit').click();
    await admin.waitForPath('/');
    expect(await admin.textOf('privilege-badge')).toBe('未昇格');
  });

  it('registers a security key, elevates with it for 15 minutes (第7 2(4)), and signs in with it', async () => {
    const cdp = await admin.context.newCDPSession(admin.page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'usb',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await admin.byTestId('nav-identity-security').click();
    await admin.waitForPath('/identity/security');
    await admin.byTestId('mfa-add').click();
    await admin.byTestId('mfa-kind').getByText('セキュリティキー・パスキー').click();
    await admin.byTestId('mfa-label').fill('USBキー');
    await admin.byTestId('key-register').click();
    await admin.byTestId('factor-row').nth(1).waitFor();
    expect(await admin.byTestId('factors-table').innerText()).toContain('USBキー');

    await admin.byTestId('elevate-password').fill(passphrase);
    await admin.byTestId('elevate-key').click();
    await admin.byTestId('elevated-until').waitFor();
    const elevated = await session();
    expect(elevated.elevatedUntil).not.toBeNull();
    const minutes = (new Date(elevated.elevatedUntil ?? '').getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(await admin.textOf('privilege-badge')).toContain('昇格中');
    const settings = await admin.context.request.get(`${base()}/api/identity/settings`);
    expect(settings.status()).toBe(200);

    await signOut();
    await admin.signIn('admin', passphrase);
    await admin.waitForPath('/mfa');
    await admin.byTestId('mfa-key').click();
    await admin.waitForPath('/');
    await admin.byTestId('home-greeting').waitFor();
  });

  it('signs in with the authenticator app', async () => {
    await signOut();
    await admin.signIn('admin', passphrase);
    await admin.waitForPath('/mfa');
    await admin.byTestId('mfa-code').fill(await nextCode());
    await admin.byTestId('mfa-submit').click();
    await admin.waitForPath('/');
    expect((await session()).stage).toBe('full');
  });

  it('kept to the CSP and threw no errors in any page', () => {
    expect(admin.errors).toEqual([]);
  });
});
