import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import { activate, hospitalWithAccounts, rejection } from '../../../test/factories/identity.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { startTestServer } from '../../../test/server-harness.js';
import { systemActor } from '../../kernel/index.js';
import {
  bootstrapAdministrator,
  changePassword,
  defaultIdentitySettings,
  listLockouts,
  SIGN_IN_REFUSAL_FLOOR_MS,
  signIn,
  unlockAccount,
  unlockAddress,
  updateIdentitySettings,
} from './index.js';

const MINUTE = 60_000;

describeEachDialect('lockout (第7 2(1)ウ(エ))', (db) => {
  let passwords: Map<string, string>;
  const good = new Map<string, string>();
  const attempt = (loginId: string, password: string, ip = '192.0.2.50') =>
    signIn(db().ctx(), { loginId, password, ip, userAgent: 'vitest' });

  it('prepares staff, the Director and the administrator', async () => {
    passwords = await hospitalWithAccounts(db(), { staff7: 'S007', nurse6: 'S006', director: 'S002' });
    for (const id of ['staff7', 'nurse6', 'director'])
      good.set(id, (await activate(db(), id, passwords.get(id) ?? '')).password);
    const admin = await bootstrapAdministrator(db().ctx(systemActor('startup')), {});
    const first = await attempt('admin', admin?.temporaryPassword ?? '');
    if (!first.ok) throw new Error('admin sign-in');
    good.set('admin', 'Break-glass passphrase of the operator 2026');
    const session = (await import('./authenticate-session.js')).authenticateSession;
    const s = await session(db().ctx(), first.token, 30);
    await changePassword(db().ctx(s?.actor), {
      currentPassword: admin?.temporaryPassword ?? '',
      newPassword: good.get('admin') ?? '',
      sessionId: first.sessionId,
    });
  });

  it('locks a staff ID after 5 failures and refuses even the right password, with the same answer (第7 2(1)ウ(エ))', async () => {
    const before = await auditSize(db().handle);
    for (let i = 0; i < 5; i++)
      expect(await attempt('staff7', `wrong password ${String(i)}`)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual([
      'identity.signInFailed',
      'identity.signInFailed',
      'identity.signInFailed',
      'identity.signInFailed',
      'identity.signInFailed',
      'identity.accountLocked',
    ]);
    expect(entries[5]?.payload).toMatchObject({ failures: 5, threshold: 5, profile: 'kawaguchiStandard' });
    const locked = await attempt('staff7', good.get('staff7') ?? '');
    expect(locked).toEqual({ ok: false, reason: 'invalid' });
    const [refused] = await auditEntries(db().handle, before + 6);
    expect(refused).toMatchObject({ kind: 'identity.signInFailed', payload: { reason: 'locked' } });
  });

  it('locks a privileged ID after 3 failures (第7 2(1)ウ(エ))', async () => {
    const before = await auditSize(db().handle);
    for (let i = 0; i < 3; i++) await attempt('admin', `wrong password ${String(i)}`, '192.0.2.60');
    const kinds = (await auditEntries(db().handle, before)).map((e) => e.kind);
    expect(kinds.at(-1)).toBe('identity.accountLocked');
    expect(kinds.filter((k) => k === 'identity.signInFailed')).toHaveLength(3);
    expect(await attempt('admin', good.get('admin') ?? '', '192.0.2.60')).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('answers an unknown ID exactly as a wrong password, in the same time, over HTTP', async () => {
    const server = await startTestServer(db());
    const time = async (loginId: string): Promise<{ ms: number; body: string; status: number }> => {
      const start = performance.now();
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/session',
        remoteAddress: '192.0.2.70',
        payload: { loginId, password: 'not the password at all' },
      });
      return {
        ms: performance.now() - start,
        body: res.body.replace(/"requestId":"[^"]+"/, ''),
        status: res.statusCode,
      };
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const known: number[] = [];
    const unknown: number[] = [];
    const bodies = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const k = await time('nurse6');
      const u = await time(`nobody-${String(i)}`);
      known.push(k.ms);
      unknown.push(u.ms);
      bodies.add(`${String(k.status)} ${k.body}`).add(`${String(u.status)} ${u.body}`);
    }
    expect([...bodies]).toHaveLength(1);
    const ratio = median(unknown) / median(known);
    expect(
      ratio,
      `unknown ${median(unknown).toFixed(1)} ms vs known ${median(known).toFixed(1)} ms`,
    ).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.25);
    expect(median(known)).toBeGreaterThanOrEqual(SIGN_IN_REFUSAL_FLOOR_MS);
    await server.app.close();
    // nurse6 failed 3 times: under the limit, the right password still works and resets the count.
    expect((await attempt('nurse6', good.get('nurse6') ?? '', '192.0.2.70')).ok).toBe(true);
  });

  it('lets a staff lock run out after the profile minutes (the pack: 30, 第7 2(3)ア)', async () => {
    db().clock.advance(31 * MINUTE);
    expect((await attempt('staff7', good.get('staff7') ?? '')).ok).toBe(true);
  });

  it('records an administrator unlock with the reason, and refuses one without a reason', async () => {
    const director = await signInActor('director');
    const list = await listLockouts(db().ctx(director), {});
    const adminLock = list.find((l) => l.loginId === 'admin' && l.active);
    expect(adminLock).toMatchObject({ scope: 'account', privileged: true, failures: 3 });
    const before = await auditSize(db().handle);
    const missing = await rejection(
      unlockAccount(db().ctx(director), { accountId: adminLock?.subject ?? '', reason: '' }),
      'validation',
    );
    expect(missing.issues[0]?.field).toBe('reason');
    expect(await auditSize(db().handle)).toBe(before);
    await unlockAccount(db().ctx(director), {
      accountId: adminLock?.subject ?? '',
      reason: '本人確認のうえ解除',
    });
    const [entry] = await auditEntries(db().handle, before);
    expect(entry).toMatchObject({
      kind: 'identity.accountUnlocked',
      subject: `account:${adminLock?.subject ?? ''}`,
      actor: `account:${director.accountId ?? ''}`,
      payload: { reason: '本人確認のうえ解除', released: 1, failuresBefore: 3 },
    });
    expect((await attempt('admin', good.get('admin') ?? '', '192.0.2.60')).ok).toBe(true);
    const staff = await signInActor('nurse6');
    await rejection(
      unlockAccount(db().ctx(staff), { accountId: adminLock?.subject ?? '', reason: 'x' }),
      'forbidden',
    );
    const contractorAdmin = {
      ...director,
      category: 'contractor' as const,
      systemRole: 'administrator' as const,
    };
    const refused = await rejection(
      unlockAccount(db().ctx(contractorAdmin), { accountId: adminLock?.subject ?? '', reason: 'x' }),
      'forbidden',
    );
    expect(refused.userMessage.ja).toContain('第7 2(1)ウ(ウ)');
  });

  it('blocks an address after too many failures across IDs (password spraying), then lets it be unblocked (第7 2(1)ウ(エ))', async () => {
    await updateIdentitySettings(db().ctx(systemActor('test')), {
      ...defaultIdentitySettings,
      address: { threshold: 4, windowMinutes: 15, lockMinutes: 15 },
    });
    const ip = '198.51.100.9';
    const before = await auditSize(db().handle);
    for (const id of ['alpha', 'bravo', 'charlie', 'delta']) await attempt(id, 'Spring2026!', ip);
    const kinds = (await auditEntries(db().handle, before)).map((e) => e.kind);
    expect(kinds.at(-1)).toBe('identity.addressLocked');
    expect(await attempt('nurse6', good.get('nurse6') ?? '', ip)).toMatchObject({
      ok: false,
      reason: 'addressLocked',
    });
    expect((await attempt('nurse6', good.get('nurse6') ?? '', '198.51.100.10')).ok).toBe(true);
    const director = await signInActor('director');
    await unlockAddress(db().ctx(director), { ip, reason: '病棟の共用端末: 確認済み' });
    const [entry] = (await auditEntries(db().handle, before)).filter(
      (e) => e.kind === 'identity.addressUnlocked',
    );
    expect(entry).toMatchObject({
      subject: `address:${ip}`,
      payload: { reason: '病棟の共用端末: 確認済み', released: 1 },
    });
    expect((await attempt('nurse6', good.get('nurse6') ?? '', ip)).ok).toBe(true);
    await updateIdentitySettings(db().ctx(systemActor('test')), defaultIdentitySettings);
  });

  it('counts a wrong current password at a password change as a failed attempt: on the ledger, and locking at the limit (第7 2(1)ウ(エ))', async () => {
    const first = await attempt('director', good.get('director') ?? '', '192.0.2.80');
    if (!first.ok) throw new Error('director sign-in');
    const { authenticateSession } = await import('./authenticate-session.js');
    const session = await authenticateSession(db().ctx(), first.token, 30);
    const before = await auditSize(db().handle);
    for (let i = 0; i < 5; i++) {
      const refused = await rejection(
        changePassword(db().ctx(session?.actor), {
          currentPassword: `not my password ${String(i)}`,
          newPassword: 'A brand new passphrase for 2027',
          sessionId: first.sessionId,
          ip: '192.0.2.80',
        }),
        'validation',
      );
      expect(refused.issues.map((x) => x.field)).toEqual(['currentPassword']);
      expect(refused.userMessage.ja).toBe('現在のパスワードが正しくありません。');
    }
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual([
      ...Array<string>(5).fill('identity.passwordChangeFailed'),
      'identity.accountLocked',
    ]);
    expect(entries[0]).toMatchObject({
      subject: `account:${session?.actor.accountId ?? ''}`,
      payload: { reason: 'currentPassword', ip: '192.0.2.80' },
    });
    // Locked: the right password no longer opens a session, with the same answer as a wrong one.
    expect(await attempt('director', good.get('director') ?? '', '192.0.2.81')).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  const signInActor = async (loginId: string) => {
    const result = await attempt(loginId, good.get(loginId) ?? '', '192.0.2.99');
    if (!result.ok) throw new Error(`${loginId} could not sign in`);
    const { authenticateSession } = await import('./authenticate-session.js');
    const session = await authenticateSession(db().ctx(), result.token, 30);
    if (!session) throw new Error('no session');
    return session.actor;
  };
});
