import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import {
  activate,
  hospitalWithAccounts,
  rejection,
  type SignedIn,
} from '../../../test/factories/identity.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { call, signInAs, startTestServer } from '../../../test/server-harness.js';
import { systemActor } from '../../kernel/index.js';
import {
  authenticateSession,
  bootstrapAdministrator,
  changePassword,
  completeSecondFactor,
  confirmTotp,
  createAccount,
  elevateSession,
  endMySessions,
  enrolTotp,
  getSessionView,
  listMySessions,
  listSignInReports,
  reportSignIn,
  signIn,
  totpCodeAt,
} from './index.js';

const MINUTE = 60_000;
const rp = { rpId: 'localhost', origin: 'http://localhost', name: 'Mamori' };

describeEachDialect('sessions and the notice after sign-in (第7 2(2), 第7 2(4))', (db) => {
  const good = new Map<string, string>();
  const open = async (
    loginId: string,
    ip: string,
    userAgent = 'Chromium on the ward PC',
  ): Promise<SignedIn> => {
    const result = await signIn(db().ctx(), { loginId, password: good.get(loginId) ?? '', ip, userAgent });
    if (!result.ok) throw new Error(`${loginId} refused`);
    const session = await authenticateSession(db().ctx(), result.token, 30);
    if (!session) throw new Error('no session');
    return { ...session, token: result.token };
  };

  /** The administrator's sign-in: the password, then the authenticator app (a new 30-second step each time). */
  const openAdmin = async (ip: string): Promise<SignedIn> => {
    db().clock.advance(31_000);
    const first = await open('admin', ip);
    const done = await completeSecondFactor(db().ctx(first.actor), {
      sessionId: first.sessionId,
      ip,
      rp,
      code: totpCodeAt(good.get('adminSecret') ?? '', db().clock.now()),
      webauthn: null,
    });
    if (!done.ok) throw new Error('second factor refused');
    const session = await authenticateSession(db().ctx(), done.token, 30);
    if (!session) throw new Error('no session');
    return { ...session, token: done.token };
  };

  it('prepares staff, their Security Manager, another Manager and the administrator', async () => {
    const passwords = await hospitalWithAccounts(db(), {
      staff7: 'S007',
      manager6: 'S006',
      manager4: 'S004',
    });
    for (const id of ['staff7', 'manager6', 'manager4'])
      good.set(id, (await activate(db(), id, passwords.get(id) ?? '')).password);
    const admin = await bootstrapAdministrator(db().ctx(systemActor('startup')), {});
    good.set('admin', admin?.temporaryPassword ?? '');
    const first = await open('admin', '192.0.2.1');
    await changePassword(db().ctx(first.actor), {
      currentPassword: admin?.temporaryPassword ?? '',
      newPassword: 'Break-glass passphrase of the operator 2026',
      sessionId: first.sessionId,
    });
    good.set('admin', 'Break-glass passphrase of the operator 2026');
    const enrolling = await open('admin', '192.0.2.1');
    expect(enrolling.stage).toBe('enrol');
    const started = await enrolTotp(db().ctx(enrolling.actor), {
      sessionId: enrolling.sessionId,
      label: 'phone',
    });
    await confirmTotp(db().ctx(enrolling.actor), {
      sessionId: enrolling.sessionId,
      factorId: started.factorId,
      code: totpCodeAt(started.secret, db().clock.now()),
      ip: null,
    });
    good.set('adminSecret', started.secret);
  });

  it('shows the previous sign-in (time, address, client) and the failed attempts since (第7 2(2))', async () => {
    db().clock.advance(MINUTE);
    const earlier = await open('staff7', '192.0.2.21', 'Edge on the nurses station PC');
    db().clock.advance(MINUTE);
    for (const ip of ['203.0.113.5', '203.0.113.6'])
      await signIn(db().ctx(), { loginId: 'staff7', password: 'a guess 12345', ip, userAgent: 'curl/8' });
    db().clock.advance(MINUTE);
    const now = await open('staff7', '192.0.2.22');
    const view = await getSessionView(db().ctx(now.actor), now);
    expect(view.previousSignIn).toMatchObject({
      at: new Date(db().clock.now().getTime() - 2 * MINUTE).toISOString(),
      ip: '192.0.2.21',
      userAgent: 'Edge on the nurses station PC',
    });
    expect(view.failedSincePrevious.map((f) => [f.ip, f.userAgent, f.outcome])).toEqual([
      ['203.0.113.6', 'curl/8', 'badPassword'],
      ['203.0.113.5', 'curl/8', 'badPassword'],
    ]);
    good.set('earlierToken', earlier.token);
    good.set('suspicious', view.failedSincePrevious[0]?.attemptId ?? '');
  });

  it('"this was not me" records a report for the Manager, ends other sessions and asks for a new password (第6 4(2)(エ))', async () => {
    const current = await open('staff7', '192.0.2.22');
    const suspicious = { attemptId: good.get('suspicious') ?? '' };
    const before = await auditSize(db().handle);
    const foreign = await open('manager4', '192.0.2.40');
    const refused = await rejection(
      reportSignIn(db().ctx(foreign.actor), {
        attemptId: suspicious.attemptId,
        note: null,
        currentSessionId: foreign.sessionId,
      }),
      'validation',
    );
    expect(refused.issues[0]?.field).toBe('attemptId');
    expect(await auditSize(db().handle)).toBe(before + 1); // only manager4's sign-in
    const result = await reportSignIn(db().ctx(current.actor), {
      attemptId: suspicious.attemptId,
      note: '夜勤明けで自宅にいました',
      currentSessionId: current.sessionId,
    });
    expect(result.endedSessions).toBeGreaterThan(0);
    const [entry] = (await auditEntries(db().handle, before)).filter(
      (e) => e.kind === 'identity.signInReported',
    );
    expect(entry).toMatchObject({
      subject: `signInReport:${result.reportId}`,
      payload: { ip: '203.0.113.6', outcome: 'badPassword', note: '夜勤明けで自宅にいました' },
    });
    expect(await authenticateSession(db().ctx(), good.get('earlierToken') ?? '', 30)).toBeNull();
    const after = await authenticateSession(db().ctx(), current.token, 30);
    expect(after).toMatchObject({ mustChangePassword: true, passwordReason: 'compromised' });
    const manager = await open('manager6', '192.0.2.60');
    expect((await listSignInReports(db().ctx(manager.actor), {})).map((r) => r.loginId)).toEqual(['staff7']);
    expect(await listSignInReports(db().ctx(foreign.actor), {})).toEqual([]);
    const next = 'Hoshizora-no-shita-de-2026';
    await changePassword(db().ctx(current.actor), {
      currentPassword: good.get('staff7') ?? '',
      newPassword: next,
      sessionId: current.sessionId,
    });
    good.set('staff7', next);
  });

  it('lists my sessions and ends one, which then opens nothing (revocable; 第7 2(2))', async () => {
    const a = await open('staff7', '192.0.2.71', 'Firefox');
    const b = await open('staff7', '192.0.2.72', 'Chromium');
    const mine = await listMySessions(db().ctx(b.actor), { currentSessionId: b.sessionId });
    const other = mine.find((s) => s.ip === '192.0.2.71');
    expect(mine.find((s) => s.current)?.ip).toBe('192.0.2.72');
    expect(other?.ref).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(mine)).not.toContain(a.sessionId);
    const before = await auditSize(db().handle);
    await endMySessions(db().ctx(b.actor), { currentSessionId: b.sessionId, ref: other?.ref ?? null });
    expect(await authenticateSession(db().ctx(), a.token, 30)).toBeNull();
    const [entry] = await auditEntries(db().handle, before);
    expect(entry).toMatchObject({
      kind: 'identity.sessionsEnded',
      payload: { sessions: [other?.ref], others: false },
    });
    const unknown = await rejection(
      endMySessions(db().ctx(b.actor), { currentSessionId: b.sessionId, ref: '0'.repeat(32) }),
      'validation',
    );
    expect(unknown.issues[0]?.field).toBe('ref');
  });

  it('ends a staff session after 30 idle minutes, and a privileged one at 60 minutes whatever the activity (第7 2(4))', async () => {
    const staff = await open('staff7', '192.0.2.81');
    db().clock.advance(29 * MINUTE);
    expect(await authenticateSession(db().ctx(), staff.token, 30)).not.toBeNull();
    db().clock.advance(31 * MINUTE);
    expect(await authenticateSession(db().ctx(), staff.token, 30)).toBeNull();
    const admin = await openAdmin('192.0.2.82');
    for (let i = 0; i < 5; i++) {
      db().clock.advance(10 * MINUTE);
      expect(
        await authenticateSession(db().ctx(), admin.token, 30),
        `after ${String((i + 1) * 10)} min`,
      ).not.toBeNull();
    }
    db().clock.advance(11 * MINUTE);
    expect(await authenticateSession(db().ctx(), admin.token, 30)).toBeNull();
  });

  it('gives a privileged ID its administrator role only while elevated, for 15 minutes, on a new token (第7 2(4))', async () => {
    const admin = await openAdmin('192.0.2.91');
    expect(admin.actor.systemRole).toBeNull();
    await rejection(
      createAccount(db().ctx(admin.actor), { loginId: 'newcomer', employeeNumber: 'S001' }),
      'forbidden',
    );
    const before = await auditSize(db().handle);
    const wrong = await elevateSession(db().ctx(admin.actor), {
      password: 'not it',
      code: null,
      rp,
      sessionId: admin.sessionId,
      ip: '192.0.2.91',
    });
    expect(wrong).toEqual({ ok: false });
    expect((await auditEntries(db().handle, before)).map((e) => e.kind)).toEqual([
      'identity.elevationFailed',
    ]);
    const passwordOnly = await elevateSession(db().ctx(admin.actor), {
      password: good.get('admin') ?? '',
      code: null,
      rp,
      sessionId: admin.sessionId,
      ip: '192.0.2.91',
    });
    expect(passwordOnly).toEqual({ ok: false });
    db().clock.advance(31_000);
    const elevated = await elevateSession(db().ctx(admin.actor), {
      password: good.get('admin') ?? '',
      code: totpCodeAt(good.get('adminSecret') ?? '', db().clock.now()),
      rp,
      sessionId: admin.sessionId,
      ip: '192.0.2.91',
    });
    if (!elevated.ok) throw new Error('elevation refused');
    expect(elevated.until).toBe(new Date(db().clock.now().getTime() + 15 * MINUTE).toISOString());
    expect(await authenticateSession(db().ctx(), admin.token, 30)).toBeNull(); // the old token is dead
    const session = await authenticateSession(db().ctx(), elevated.token, 30);
    expect(session?.actor.systemRole).toBe('administrator');
    const created = await createAccount(db().ctx(session?.actor), {
      loginId: 'newcomer',
      employeeNumber: 'S001',
    });
    expect(created.loginId).toBe('newcomer');
    db().clock.advance(10 * MINUTE);
    expect((await authenticateSession(db().ctx(), elevated.token, 30))?.actor.systemRole).toBe(
      'administrator',
    );
    db().clock.advance(6 * MINUTE);
    const later = await authenticateSession(db().ctx(), elevated.token, 30);
    expect(later?.actor.loginId).toBe('admin');
    expect(later?.actor.systemRole).toBeNull();
    const staff = await open('staff7', '192.0.2.92');
    await rejection(
      elevateSession(db().ctx(staff.actor), {
        password: good.get('staff7') ?? '',
        code: null,
        rp,
        sessionId: staff.sessionId,
        ip: null,
      }),
      'forbidden',
    );
  });

  it('never adopts a session token brought by the browser (session fixation)', async () => {
    const server = await startTestServer(db());
    const planted = 'attacker-chosen-token-value-000000000000000';
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { cookie: `mamori_session=${planted}` },
      payload: { loginId: 'staff7', password: good.get('staff7') ?? '' },
    });
    expect(res.statusCode).toBe(200);
    const issued = res.cookies.find((c) => c.name === 'mamori_session')?.value;
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    const withPlanted = await call(
      server.app,
      { cookie: `mamori_session=${planted}`, csrf: null },
      'GET',
      '/api/session',
    );
    expect(withPlanted.statusCode).toBe(401);
    const { session } = await signInAs(server.app, 'staff7', good.get('staff7') ?? '');
    expect((await call(server.app, session, 'GET', '/api/account/sessions')).statusCode).toBe(200);
    await server.app.close();
  });
});
