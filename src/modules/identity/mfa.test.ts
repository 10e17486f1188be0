import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import { hospitalWithAccounts, softKey, type SoftKey } from '../../../test/factories/identity.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { startTestServer, type TestServer } from '../../../test/server-harness.js';
import { systemActor } from '../../kernel/index.js';
import { bootstrapAdministrator, totpCodeAt } from './index.js';

interface Browser {
  cookie: string | null;
  csrf: string | null;
}
interface ErrorBody {
  error: { code: string; message: { ja: string; en: string }; issues: { field: string }[] };
}

const STEP = 30_000;
const origin = 'http://localhost';

describeEachDialect('multi-factor authentication (第7 2(1)ウ(エ))', (db) => {
  let server: TestServer;
  let secret = '';
  let recovery: string[] = [];
  let key: SoftKey;
  const passphrase = 'Break-glass passphrase of the operator 2026';

  const send = async (who: Browser, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await server.app.inject({
      method,
      url,
      headers: {
        host: 'localhost',
        ...(who.cookie ? { cookie: who.cookie } : {}),
        ...(who.csrf ? { 'x-csrf-token': who.csrf } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    const set = res.cookies.find((c) => c.name === 'mamori_session');
    if (set) {
      who.cookie = `mamori_session=${set.value}`;
      const view = await server.app.inject({
        method: 'GET',
        url: '/api/session',
        headers: { cookie: who.cookie },
      });
      who.csrf = view.json<{ csrfToken?: string }>().csrfToken ?? who.csrf;
    }
    return res;
  };
  const signIn = async (password = passphrase): Promise<{ who: Browser; stage: string }> => {
    const who: Browser = { cookie: null, csrf: null };
    const res = await send(who, 'POST', '/api/session', { loginId: 'admin', password });
    expect(res.statusCode).toBe(200);
    return { who, stage: res.json<{ stage: string }>().stage };
  };

  it('makes a privileged ID enrol a second factor before anything else, recording the enrolment (第7 2(1)ウ(エ))', async () => {
    server = await startTestServer(db());
    await hospitalWithAccounts(db(), {});
    const boot = await bootstrapAdministrator(db().ctx(systemActor('startup')), {});
    const first = { cookie: null, csrf: null } as Browser;
    await send(first, 'POST', '/api/session', { loginId: 'admin', password: boot?.temporaryPassword });
    expect((await send(first, 'POST', '/api/account/mfa/totp', { label: 'phone' })).statusCode).toBe(403); // password first
    expect(
      (
        await send(first, 'POST', '/api/account/password', {
          currentPassword: boot?.temporaryPassword,
          newPassword: passphrase,
        })
      ).statusCode,
    ).toBe(204);
    const { who, stage } = await signIn();
    expect(stage).toBe('enrol');
    const blocked = await send(who, 'GET', '/api/org/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<ErrorBody>().error.message.ja).toContain('多要素認証が必須');
    const started = await send(who, 'POST', '/api/account/mfa/totp', { label: '業務用スマートフォン' });
    const body = started.json<{ factorId: string; secret: string; uri: string; qrSvg: string }>();
    expect(body.uri).toMatch(/^otpauth:\/\/totp\/.*admin\?.*secret=/);
    expect(body.qrSvg).toContain('<svg');
    const before = await auditSize(db().handle);
    const wrong = await send(who, 'POST', '/api/account/mfa/totp/confirm', {
      factorId: body.factorId,
      code: '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().error.issues[0]?.field).toBe('code');
    expect(await auditSize(db().handle)).toBe(before);
    const confirmed = await send(who, 'POST', '/api/account/mfa/totp/confirm', {
      factorId: body.factorId,
      code: totpCodeAt(body.secret, db().clock.now()),
    });
    expect(confirmed.statusCode).toBe(200);
    recovery = confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(recovery[0]).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect((await auditEntries(db().handle, before)).map((e) => e.kind)).toEqual([
      'identity.mfaEnrolled',
      'identity.recoveryCodesIssued',
      'identity.signedIn',
    ]);
    expect((await send(who, 'GET', '/api/org/units')).statusCode).toBe(200);
    secret = body.secret;
  });

  it('asks for the code at every sign-in, takes each code once, and counts wrong codes toward the lockout (第7 2(1)ウ(エ))', async () => {
    db().clock.advance(STEP);
    const { who, stage } = await signIn();
    expect(stage).toBe('mfa');
    expect((await send(who, 'GET', '/api/org/units')).statusCode).toBe(403);
    const before = await auditSize(db().handle);
    const wrong = await send(who, 'POST', '/api/session/mfa', { code: '123456' });
    expect(wrong.statusCode).toBe(400);
    expect((await auditEntries(db().handle, before))[0]).toMatchObject({
      kind: 'identity.signInFailed',
      payload: { reason: 'badSecondFactor' },
    });
    const code = totpCodeAt(secret, db().clock.now());
    expect((await send(who, 'POST', '/api/session/mfa', { code })).statusCode).toBe(204);
    expect((await send(who, 'GET', '/api/org/units')).statusCode).toBe(200);
    const again = await signIn();
    expect((await send(again.who, 'POST', '/api/session/mfa', { code })).statusCode).toBe(400); // replayed
  });

  it('locks the privileged ID after 3 wrong codes, whatever the password was (第7 2(1)ウ(エ))', async () => {
    db().clock.advance(16 * 60_000 + STEP); // the earlier failures are not consecutive with these
    const { who } = await signIn();
    await send(who, 'POST', '/api/session/mfa', { code: totpCodeAt(secret, db().clock.now()) });
    const before = await auditSize(db().handle);
    for (let i = 0; i < 3; i++) {
      const { who: w } = await signIn();
      await send(w, 'POST', '/api/session/mfa', { code: '000000' });
    }
    const kinds = (await auditEntries(db().handle, before)).map((e) => e.kind);
    expect(kinds).toContain('identity.accountLocked');
    const locked = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { loginId: 'admin', password: passphrase },
    });
    expect(locked.statusCode).toBe(401);
    db().clock.advance(61 * 60_000);
  });

  it('signs in with a recovery code once, and never with the same one again (第7 2(1)ウ(エ))', async () => {
    const used = recovery[0] ?? '';
    const { who } = await signIn();
    const before = await auditSize(db().handle);
    expect((await send(who, 'POST', '/api/session/mfa', { code: used.toLowerCase() })).statusCode).toBe(204);
    expect((await auditEntries(db().handle, before))[0]).toMatchObject({
      kind: 'identity.signedIn',
      payload: { methods: 'password+recovery' },
    });
    const again = await signIn();
    expect((await send(again.who, 'POST', '/api/session/mfa', { code: used })).statusCode).toBe(400);
    const left = await send(who, 'GET', '/api/account/mfa');
    expect(left.json<{ recoveryCodesLeft: number }>().recoveryCodesLeft).toBe(9);
  });

  it('registers a security key (WebAuthn) and signs in with it; a replayed assertion is refused (第7 2(1)ウ(エ))', async () => {
    db().clock.advance(STEP);
    const { who } = await signIn();
    await send(who, 'POST', '/api/session/mfa', { code: totpCodeAt(secret, db().clock.now()) });
    key = softKey();
    const options = (await send(who, 'POST', '/api/account/mfa/webauthn/options')).json<{
      challenge: string;
      rp: { id: string };
    }>();
    expect(options.rp.id).toBe('localhost');
    const wrongOrigin = await send(who, 'POST', '/api/account/mfa/webauthn', {
      label: 'USBキー',
      response: key.attest(options, 'http://evil.example', 'localhost'),
    });
    expect(wrongOrigin.statusCode).toBe(400);
    const fresh = (await send(who, 'POST', '/api/account/mfa/webauthn/options')).json<{
      challenge: string;
    }>();
    const registered = await send(who, 'POST', '/api/account/mfa/webauthn', {
      label: 'USBキー',
      response: key.attest(fresh, origin, 'localhost'),
    });
    expect(registered.statusCode).toBe(200);
    expect(registered.json<{ recoveryCodes: unknown }>().recoveryCodes).toBeNull();

    const next = await signIn();
    expect(next.stage).toBe('mfa');
    const challenge = (await send(next.who, 'POST', '/api/session/mfa/webauthn/options')).json<{
      challenge: string;
    }>();
    const assertion = key.assert(challenge, origin, 'localhost');
    const before = await auditSize(db().handle);
    expect((await send(next.who, 'POST', '/api/session/mfa', { webauthn: assertion })).statusCode).toBe(204);
    expect((await auditEntries(db().handle, before))[0]).toMatchObject({
      payload: { methods: 'password+webauthn' },
    });
    const replay = await signIn();
    await send(replay.who, 'POST', '/api/session/mfa/webauthn/options');
    expect((await send(replay.who, 'POST', '/api/session/mfa', { webauthn: assertion })).statusCode).toBe(
      400,
    );
  });

  it('elevates only with the password and a second factor (第7 2(4))', async () => {
    db().clock.advance(STEP);
    const { who } = await signIn();
    await send(who, 'POST', '/api/session/mfa', { code: totpCodeAt(secret, db().clock.now()) });
    expect((await send(who, 'GET', '/api/identity/settings')).statusCode).toBe(403); // not elevated
    expect((await send(who, 'POST', '/api/session/elevate', { password: passphrase })).statusCode).toBe(400);
    db().clock.advance(STEP);
    const elevated = await send(who, 'POST', '/api/session/elevate', {
      password: passphrase,
      code: totpCodeAt(secret, db().clock.now()),
    });
    expect(elevated.statusCode).toBe(200);
    const view = (await send(who, 'GET', '/api/session')).json<{ elevatedUntil: string | null }>();
    expect(view.elevatedUntil).toBe(new Date(db().clock.now().getTime() + 15 * 60_000).toISOString());
    expect((await send(who, 'GET', '/api/identity/settings')).statusCode).toBe(200);
  });

  it('keeps the last factor of an ID that requires MFA, and never writes a secret to the ledger', async () => {
    db().clock.advance(STEP);
    const { who } = await signIn();
    await send(who, 'POST', '/api/session/mfa', { code: totpCodeAt(secret, db().clock.now()) });
    const factors = (await send(who, 'GET', '/api/account/mfa')).json<{
      factors: { id: string; kind: string }[];
    }>();
    expect(factors.factors.map((f) => f.kind).sort()).toEqual(['totp', 'webauthn']);
    const totp = factors.factors.find((f) => f.kind === 'totp');
    const web = factors.factors.find((f) => f.kind === 'webauthn');
    expect((await send(who, 'POST', `/api/account/mfa/${totp?.id ?? ''}/remove`)).statusCode).toBe(204);
    const last = await send(who, 'POST', `/api/account/mfa/${web?.id ?? ''}/remove`);
    expect(last.statusCode).toBe(400);
    expect(last.json<ErrorBody>().error.issues[0]?.field).toBe('factorId');
    const everything = JSON.stringify(await auditEntries(db().handle, 0));
    expect(everything).not.toContain(secret);
    for (const code of recovery) expect(everything).not.toContain(code);
    expect(everything).not.toContain(passphrase);
    await server.app.close();
  });
});
