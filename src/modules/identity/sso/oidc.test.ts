import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { activate, hospitalWithAccounts, rejection } from '../../../../test/factories/identity.js';
import { formAction, httpBrowser, type HttpBrowser, type Page } from '../../../../test/http-browser.js';
import { auditEntries, auditSize } from '../../../../test/ledger-helpers.js';
import { startOidcProvider, type TestProvider } from '../../../../test/oidc-provider.js';
import { buildApp } from '../../../../test/server-harness.js';
import { loadConfig, systemActor, type Actor, type MamoriApp } from '../../../kernel/index.js';
import type { SsoInfoView } from '../../../shared/directory-api-types.js';
import {
  bootstrapAdministrator,
  fileSecretBox,
  updateOidcSettings,
  type OidcSettingsInput,
} from '../index.js';

describeEachDialect('single sign-on with a real OpenID Connect provider (oidc-provider)', (db) => {
  let app: MamoriApp | undefined;
  let base = '';
  let running: TestProvider | undefined;
  const idp = (): TestProvider => {
    if (running === undefined) throw new Error('the provider did not start');
    return running;
  };
  let dataDir = '';
  let director: Actor;
  const localPassword = new Map<string, string>();
  const secrets = () => fileSecretBox(join(dataDir, 'secrets.key'));
  const settings = (over: Partial<OidcSettingsInput> = {}): OidcSettingsInput => ({
    enabled: true,
    nameJa: '院内統合認証',
    nameEn: 'hospital sign-on',
    issuer: idp().issuer,
    clientId: idp().clientId,
    clientSecret: { kind: 'value', value: idp().clientSecret },
    scopes: 'profile employee',
    claim: 'preferred_username',
    matchBy: 'loginId',
    passwordSignIn: 'everyone',
    ...over,
  });
  const onMamori = (url: URL): boolean => url.origin === base && !url.pathname.startsWith('/api/');
  /** Start → the provider's login page → sign in there → back to Mamori (stops at the first Mamori page). */
  const signInThrough = async (browser: HttpBrowser, login: string, password: string): Promise<Page> => {
    const loginPage = await browser.open(`${base}/api/identity/oidc/start?returnTo=/org`);
    expect(loginPage.status).toBe(200);
    expect(new URL(loginPage.url).origin).toBe(idp().issuer);
    const done = await browser.submit(formAction(loginPage), { login, password }, { stop: onMamori });
    return { ...done, hops: [...loginPage.hops, ...done.hops] };
  };
  const callbackOf = (page: Page): string =>
    page.hops.find((h) => h.url.startsWith(`${base}/api/identity/oidc/callback`))?.url ?? '';
  const sessionOf = async (browser: HttpBrowser) => browser.fetch(`${base}/api/session`);

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mamori-oidc-'));
  });
  afterAll(async () => {
    await running?.stop();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prepares the hospital, Mamori listening on a port, and the provider', async () => {
    const passwords = await hospitalWithAccounts(db(), { director: 'S002', nurse6: 'S006' });
    for (const id of ['director', 'nurse6']) {
      const active = await activate(db(), id, passwords.get(id) ?? '');
      localPassword.set(id, active.password);
      if (id === 'director') director = active.session.actor;
    }
    const admin = await bootstrapAdministrator(db().ctx(systemActor('startup')), {});
    localPassword.set('admin', admin?.temporaryPassword ?? '');
    app = await buildApp({
      config: loadConfig({}, { logLevel: 'silent', dataDir }),
      app: {
        database: db().handle,
        clock: db().clock,
        timeZone: 'Asia/Tokyo',
        hospitalName: { ja: 'テスト病院', en: 'Test Hospital' },
      },
      logger: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : 0)}`;
    running = await startOidcProvider({
      redirectUris: [`${base}/api/identity/oidc/callback`],
      accounts: {
        nurse6: { password: 'idp-pass-6', claims: { preferred_username: 'nurse6', employee_number: 'S006' } },
        admin: { password: 'idp-pass-admin', claims: { preferred_username: 'admin' } },
        stranger: { password: 'idp-pass-x', claims: { preferred_username: 'stranger' } },
      },
    });
    const before = (await (await fetch(`${base}/api/identity/sso`)).json()) as SsoInfoView;
    expect(before).toEqual({ oidc: null, passwordSignIn: 'everyone' });
    await updateOidcSettings({ secrets: secrets() })(db().ctx(director), settings());
    const info = (await (await fetch(`${base}/api/identity/sso`)).json()) as SsoInfoView;
    expect(info.oidc?.name).toEqual({ ja: '院内統合認証', en: 'hospital sign-on' });
  });

  it('signs a nurse in through the provider’s own login page: PKCE, state and nonce, a session, on the ledger', async () => {
    const browser = httpBrowser();
    const before = await auditSize(db().handle);
    const done = await signInThrough(browser, 'nurse6', 'idp-pass-6');
    expect(new URL(done.url).pathname).toBe('/org');
    const authorize = new URL(
      done.hops.find((h) => h.url.startsWith(`${base}/api/identity/oidc/start`))?.location ?? '',
    );
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')?.length).toBeGreaterThan(20);
    expect(authorize.searchParams.get('state')?.length).toBeGreaterThan(20);
    // The state is only in the browser: the database keeps its SHA-256.
    const state = authorize.searchParams.get('state') ?? '';
    expect(
      await db().handle.db.selectFrom('oidc_logins').selectAll().where('id', '=', state).execute(),
    ).toEqual([]);
    const res = await sessionOf(browser);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ account: { loginId: 'nurse6' }, stage: 'full' });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual(['identity.ssoStarted', 'identity.signedIn']);
    expect(entries[1]?.payload).toMatchObject({
      method: 'oidc',
      issuer: idp().issuer,
      subject: 'nurse6',
      stage: 'full',
    });
    const attempts = await db()
      .handle.db.selectFrom('sign_in_attempts')
      .select(['outcome', 'ip'])
      .where('login_id', '=', 'nurse6')
      .where('method', '=', 'oidc')
      .execute();
    expect(attempts).toEqual([{ outcome: 'success', ip: '127.0.0.1' }]);
  });

  it('refuses a callback replayed, or brought by another browser (login CSRF), without a session', async () => {
    // Replayed: the nurse's own callback, opened again with the state cookie put back, is refused: used once.
    const nurse = httpBrowser();
    const done = await signInThrough(nurse, 'nurse6', 'idp-pass-6');
    const callback = callbackOf(done);
    nurse.cookies(new URL(base).host).set('mamori_oidc', new URL(callback).searchParams.get('state') ?? '');
    expect((await nurse.open(callback, { stop: onMamori })).url).toBe(`${base}/signin?sso=expired`);
    // Planted: an attacker signs in at the provider, stops before Mamori sees the callback, and gets the victim's
    // browser to open it. The state is not the victim's: refused, and the planted sign-in is burnt.
    const victim = httpBrowser();
    const attacker = httpBrowser();
    const loginPage = await attacker.open(`${base}/api/identity/oidc/start`);
    const stopped = await attacker.submit(
      formAction(loginPage),
      { login: 'stranger', password: 'idp-pass-x' },
      { stop: (u) => u.pathname === '/api/identity/oidc/callback' },
    );
    const planted = await victim.open(stopped.url, { stop: onMamori });
    expect(planted.url).toBe(`${base}/signin?sso=stateMismatch`);
    expect(victim.cookies(new URL(base).host).has('mamori_session')).toBe(false);
    expect((await attacker.open(stopped.url, { stop: onMamori })).url).toBe(`${base}/signin?sso=expired`);
  });

  it('names no account for someone the provider knows and Mamori does not (IDs follow the personnel records)', async () => {
    const browser = httpBrowser();
    const done = await signInThrough(browser, 'stranger', 'idp-pass-x');
    expect(done.url).toBe(`${base}/signin?sso=noAccount`);
    expect((await sessionOf(browser)).status).toBe(401);
  });

  it('refuses an ID token signed with a key the provider never published', async () => {
    idp().tamper = true;
    try {
      const browser = httpBrowser();
      const before = await auditSize(db().handle);
      const done = await signInThrough(browser, 'nurse6', 'idp-pass-6');
      expect(done.url).toBe(`${base}/signin?sso=tokenRejected`);
      expect((await sessionOf(browser)).status).toBe(401);
      const failed = (await auditEntries(db().handle, before)).find(
        (e) => e.kind === 'identity.signInFailed',
      );
      expect(failed?.payload).toMatchObject({ reason: 'tokenRejected', method: 'oidc' });
    } finally {
      idp().tamper = false;
    }
  });

  it('a privileged ID signed in by the provider still enrols and gives its second factor first (第7 2(1)ウ(エ))', async () => {
    const browser = httpBrowser();
    const done = await signInThrough(browser, 'admin', 'idp-pass-admin');
    expect(new URL(done.url).pathname).toBe('/signin');
    expect(await (await sessionOf(browser)).json()).toMatchObject({
      stage: 'enrol',
      account: { loginId: 'admin' },
    });
    expect((await browser.fetch(`${base}/api/org/units`)).status).toBe(403);
  });

  it('keeps passwords for privileged IDs only when told to: staff are sent to the provider, break-glass still works', async () => {
    await updateOidcSettings({ secrets: secrets() })(
      db().ctx(director),
      settings({ clientSecret: { kind: 'keep' }, passwordSignIn: 'privilegedOnly' }),
    );
    const post = (loginId: string) =>
      fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ loginId, password: localPassword.get(loginId) }),
      });
    const nurse = await post('nurse6');
    expect(nurse.status).toBe(403);
    expect(((await nurse.json()) as { error: { message: { ja: string } } }).error.message.ja).toContain(
      '院内統合認証',
    );
    // Break-glass: the local privileged ID still signs in with its password, under the privileged profile, and
    // its session opens nothing until the second factor is given or enrolled (第7 2(1)ウ(エ)).
    const admin = await post('admin');
    expect(admin.status).toBe(200);
    const view = (await admin.json()) as { accountClass: string; stage: string };
    expect(view.accountClass).toBe('privileged');
    expect(['mfa', 'enrol']).toContain(view.stage);
    const info = (await (await fetch(`${base}/api/identity/sso`)).json()) as SsoInfoView;
    expect(info.passwordSignIn).toBe('privilegedOnly');
    await updateOidcSettings({ secrets: secrets() })(
      db().ctx(director),
      settings({ clientSecret: { kind: 'keep' } }),
    );
  });

  it('stores the client secret sealed, and refuses an issuer reached over plain http elsewhere', async () => {
    const stored = await db()
      .handle.db.selectFrom('identity_settings')
      .select('value')
      .where('key', '=', 'oidc')
      .executeTakeFirstOrThrow();
    expect(stored.value).not.toContain(idp().clientSecret);
    // A new secret typed in: on the ledger as replaced, never as itself.
    const before = await auditSize(db().handle);
    await updateOidcSettings({ secrets: secrets() })(
      db().ctx(director),
      settings({ clientSecret: { kind: 'value', value: idp().clientSecret } }),
    );
    const [changed] = await auditEntries(db().handle, before);
    expect(changed?.kind).toBe('identity.oidcSettingsChanged');
    expect(changed?.payload).toEqual({ changes: { clientSecret: 'replaced' } });
    expect(JSON.stringify(changed)).not.toContain(idp().clientSecret);
    const error = await rejection(
      updateOidcSettings({ secrets: secrets() })(
        db().ctx(director),
        settings({ issuer: 'http://sso.hospital.local' }),
      ),
      'validation',
    );
    expect(error.issues[0]?.field).toBe('issuer');
  });
});
