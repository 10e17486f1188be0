/**
 * Single sign-on in a real browser (Chromium) against the built server (demo hospital) and a real OpenID Connect
 * provider (`oidc-provider`, started here with its own login page): the Security Director configures the provider
 * on the directory and SSO screen, the sign-in page then offers 「院内統合認証でサインイン」, and a nurse signs in on the
 * provider's page and comes back to Mamori signed in; someone the provider knows but Mamori does not is told so.
 * Needs `npm run build` and Debian's chromium.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../../src/shared/api-types.js';
import { startOidcProvider, type TestProvider } from '../oidc-provider.js';
import { artifacts, hasChromium, launch, person, repoRoot, serverEntry, type Person } from './browser-kit.js';
import { type RunningServer, startServer } from './server-process.js';

describe.skipIf(!hasChromium)(
  'single sign-on through the hospital provider in a real browser (Chromium)',
  () => {
    let running: RunningServer | undefined;
    let provider: TestProvider | undefined;
    let browser: Browser | undefined;
    const people: Person[] = [];
    const server = (): RunningServer => {
      if (running === undefined) throw new Error('the server did not start');
      return running;
    };
    const idp = (): TestProvider => {
      if (provider === undefined) throw new Error('the provider did not start');
      return provider;
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

    beforeAll(async () => {
      if (!existsSync(serverEntry))
        throw new Error(`${serverEntry} is missing: run \`npm run build\` before the e2e tests.`);
      mkdirSync(artifacts, { recursive: true });
      running = await startServer(serverEntry, { cwd: repoRoot, requiredPersona: 'demo-director' });
      provider = await startOidcProvider({
        redirectUris: [`${running.baseUrl}/api/identity/oidc/callback`],
        accounts: {
          'demo-staff': { password: 'idp-staff-pass', claims: { preferred_username: 'demo-staff' } },
          outsider: { password: 'idp-outsider-pass', claims: { preferred_username: 'outsider' } },
        },
      });
      browser = await launch();
    });

    afterAll(async () => {
      await browser?.close();
      await provider?.stop();
      await running?.stop();
    });

    it('the Security Director configures the provider; the secret is never shown again', async () => {
      const director = await open();
      await firstChange(director, 'demo-director', 'Kaze-ga-fuku-oka-no-ue-2026');
      await director.byTestId('nav-identity-directory').click();
      await director.waitForPath('/identity/directory');
      expect(await director.textOf('directory-ldap')).toContain('LDAP / Active Directory');
      const oidc = director.byTestId('directory-oidc');
      await oidc.getByTestId('oidc-issuer').fill(idp().issuer);
      await oidc.getByTestId('oidc-clientId').fill(idp().clientId);
      await oidc.getByTestId('oidc-clientSecret-kind').click();
      await director.page.getByRole('option', { name: '入力して暗号化保存' }).click();
      await oidc.getByTestId('oidc-clientSecret-value').fill(idp().clientSecret);
      await director.page.getByLabel('シングルサインオンを有効にする').check();
      expect(await director.textOf('oidc-redirect-uri')).toBe(
        `${server().baseUrl}/api/identity/oidc/callback`,
      );
      await oidc.getByTestId('oidc-save').click();
      await director.byTestId('oidc-saved').waitFor();
      expect(await oidc.innerText()).toContain('暗号化して保存済み');
      expect(await director.page.content()).not.toContain(idp().clientSecret);
      await director.page.screenshot({
        path: path.join(artifacts, 'identity-oidc-settings.png'),
        fullPage: true,
      });
      expect(director.errors).toEqual([]);
    });

    it('the Director tries directory settings out: a dry run that cannot reach the server says why', async () => {
      const director = people[0];
      if (director === undefined) throw new Error('the Director did not sign in');
      await director.page.goto('/identity/directory');
      const ldap = director.byTestId('directory-ldap');
      await ldap.getByTestId('directory-url').fill('ldap://127.0.0.1:9');
      await ldap.getByTestId('directory-bindPassword-kind').click();
      await director.page.getByRole('option', { name: '入力して暗号化保存' }).click();
      await ldap.getByTestId('directory-bindPassword-value').fill('bind-secret-for-the-test');
      await ldap.getByTestId('directory-save').click();
      await director.byTestId('directory-saved').waitFor();
      await director.byTestId('nav-identity-directory-sync').click();
      await director.waitForPath('/identity/directory/sync');
      await director.byTestId('directory-dry-run').click();
      expect(await director.textOf('directory-run-outcome')).toBe('失敗');
      expect(await director.textOf('directory-run-error')).toContain('接続できません');
      expect(await director.textOf('directory-dry-run-note')).toContain('何も変更していません');
      expect(await director.byTestId('directory-changes').count()).toBe(0);
      await director.page.screenshot({
        path: path.join(artifacts, 'identity-directory-sync.png'),
        fullPage: true,
      });
      expect(director.errors).toEqual([]);
    });

    it('a nurse signs in on the provider’s page and comes back to Mamori signed in', async () => {
      const nurse = await open();
      await firstChange(nurse, 'demo-staff', 'Hoshi-ga-mieru-mado-2026');
      await nurse.byTestId('sign-out').click();
      await nurse.waitForPath('/signin');
      const button = nurse.byTestId('signin-sso');
      await button.waitFor();
      expect(await button.innerText()).toBe('院内統合認証でサインイン');
      await button.click();
      await nurse.page.waitForURL((u) => u.origin === idp().issuer);
      await nurse.page.locator('#login').fill('demo-staff');
      await nurse.page.locator('#password').fill('idp-staff-pass');
      await nurse.page.locator('#submit').click();
      await nurse.page.waitForURL((u) => u.origin === server().baseUrl && u.pathname === '/');
      const session = (await (await nurse.context.request.get('/api/session')).json()) as SessionView;
      expect(session.account.loginId).toBe('demo-staff');
      expect(session.stage).toBe('full');
      await nurse.byTestId('sign-out').waitFor();
      await nurse.page.screenshot({ path: path.join(artifacts, 'identity-oidc-home.png'), fullPage: true });
      expect(nurse.errors).toEqual([]);
    });

    it('someone the provider knows but Mamori does not is told so on the sign-in page', async () => {
      const outsider = await open();
      await outsider.page.goto('/signin');
      await outsider.byTestId('signin-sso').click();
      await outsider.page.waitForURL((u) => u.origin === idp().issuer);
      await outsider.page.locator('#login').fill('outsider');
      await outsider.page.locator('#password').fill('idp-outsider-pass');
      await outsider.page.locator('#submit').click();
      await outsider.page.waitForURL((u) => u.pathname === '/signin' && u.search === '?sso=noAccount');
      expect(await outsider.textOf('signin-sso-error')).toContain('IDがMamoriにありません');
      expect(outsider.errors).toEqual([]);
    });
  },
);
