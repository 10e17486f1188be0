import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import {
  activate,
  goodPassword,
  hospitalWithAccounts,
  rejection,
  signInSession,
} from '../../../test/factories/identity.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { systemActor } from '../../kernel/index.js';
import {
  changePassword,
  defaultIdentitySettings,
  getIdentitySettings,
  getSessionView,
  presets,
  updateIdentitySettings,
} from './index.js';

const DAY = 86_400_000;

describeEachDialect('password policy profiles (第6 4(2), 第7 2(1)ウ(エ))', (db) => {
  let passwords: Map<string, string>;

  it('makes the temporary password be changed at the first sign-in (第6 4(2)(キ), 第7 2(3)イ)', async () => {
    passwords = await hospitalWithAccounts(db(), {
      staff7: 'S007',
      nurse5: 'S005',
      manager3: 'S003',
      contractor1: 'C001',
    });
    const first = await signInSession(db(), 'staff7', passwords.get('staff7') ?? '');
    expect(first.mustChangePassword).toBe(true);
    expect(first.passwordReason).toBe('temporary');
    const view = await getSessionView(db().ctx(first.actor), first);
    expect(view.passwordReason).toBe('temporary');
    expect(view.passwordRules).toMatchObject({
      preset: 'kawaguchiStandard',
      minLength: 13,
      historyCount: 10,
    });
  });

  it('refuses a short, blocklisted or personal password, naming the field in both languages, changing nothing (第6 4(2)(ウ))', async () => {
    const temporary = passwords.get('staff7') ?? '';
    const session = await signInSession(db(), 'staff7', temporary);
    const before = await auditSize(db().handle);
    const attempt = (newPassword: string) =>
      changePassword(db().ctx(session.actor), {
        currentPassword: temporary,
        newPassword,
        sessionId: session.sessionId,
      });
    const short = await rejection(attempt('short-1'), 'validation');
    expect(short.issues[0]).toMatchObject({
      field: 'newPassword',
      message: { ja: '13文字以上で入力してください。', en: 'Must be at least 13 characters.' },
    });
    const common = await rejection(attempt('password1234!'), 'validation');
    expect(common.issues.map((i) => i.message.ja)).toEqual([
      'よく使われる、または漏えいしたことのあるパスワード・推測されやすい並びです（第6 4(2)(ウ)）。',
    ]);
    const japanese = await rejection(attempt('さくら123456789012!'), 'validation');
    expect(japanese.issues[0]?.message.en).toContain('common or breached');
    const name = await rejection(attempt('Nanami-by-the-sea-2026'), 'validation');
    expect(name.issues[0]?.message.en).toContain('must not contain your name');
    const id = await rejection(attempt('xx-staff7-long-passphrase'), 'validation');
    expect(id.issues[0]?.message.ja).toBe('パスワードにログインIDを含めないでください。');
    expect(await auditSize(db().handle)).toBe(before);
    expect((await signInSession(db(), 'staff7', temporary)).mustChangePassword).toBe(true);
  });

  it('refuses a password used within the last five, and records each change (第6 4(2)(オ))', async () => {
    const { session, password: first } = await activate(db(), 'nurse5', passwords.get('nurse5') ?? '');
    let current = first;
    const before = await auditSize(db().handle);
    for (let i = 0; i < 2; i++) {
      db().clock.advance(60_000);
      const next = goodPassword();
      await changePassword(db().ctx(session.actor), {
        currentPassword: current,
        newPassword: next,
        sessionId: session.sessionId,
      });
      current = next;
    }
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual(['identity.passwordChanged', 'identity.passwordChanged']);
    expect(entries[0]?.payload).toEqual({ wasTemporary: false, reason: null, profile: 'kawaguchiStandard' });
    expect(entries[0]?.subject).toBe(`account:${session.actor.accountId ?? ''}`);
    const reuse = await rejection(
      changePassword(db().ctx(session.actor), {
        currentPassword: current,
        newPassword: first,
        sessionId: session.sessionId,
      }),
      'validation',
    );
    expect(reuse.issues[0]).toMatchObject({
      field: 'newPassword',
      message: { ja: '過去10回以内に使ったパスワードは使えません（第6 4(2)(オ)）。' },
    });
    passwords.set('nurse5', current);
  });

  it('requires a change once the password is older than the profile allows (第6 4(2)(オ) 定期的に)', async () => {
    const start = db().clock.now().toISOString();
    db().clock.advance(181 * DAY);
    const before = await auditSize(db().handle);
    const session = await signInSession(db(), 'nurse5', passwords.get('nurse5') ?? '');
    expect(session.mustChangePassword).toBe(true);
    expect(session.passwordReason).toBe('expired');
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual(['identity.signedIn', 'identity.passwordDue']);
    expect(entries[1]?.payload).toMatchObject({ reason: 'expired', maxAgeDays: 180 });
    const next = goodPassword();
    await changePassword(db().ctx(session.actor), {
      currentPassword: passwords.get('nurse5') ?? '',
      newPassword: next,
      sessionId: session.sessionId,
    });
    passwords.set('nurse5', next);
    expect((await signInSession(db(), 'nurse5', next)).mustChangePassword).toBe(false);
    db().clock.set(start);
  });

  it('requires a change after the set number of sign-ins (第6 4(2)(オ) アクセス回数に基づいて)', async () => {
    await updateIdentitySettings(db().ctx(systemActor('test')), {
      ...defaultIdentitySettings,
      profiles: {
        ...defaultIdentitySettings.profiles,
        standard: { ...presets.kawaguchiStandard, maxSignIns: 2 },
      },
    });
    const { password } = await activate(db(), 'manager3', passwords.get('manager3') ?? '');
    // activate signed in twice: once with the temporary password, once with the new one (count 1 since change)
    expect((await signInSession(db(), 'manager3', password)).mustChangePassword).toBe(false);
    const third = await signInSession(db(), 'manager3', password);
    expect(third.mustChangePassword).toBe(true);
    expect(third.passwordReason).toBe('signInCount');
    await updateIdentitySettings(db().ctx(systemActor('test')), defaultIdentitySettings);
  });

  it('refuses privileged settings no stricter than staff settings, naming each field (第7 2(1)ウ(エ), 第7 2(4))', async () => {
    const before = await auditSize(db().handle);
    const weak = { ...presets.kawaguchiStandard, preset: 'nist80063b4' as const };
    const error = await rejection(
      updateIdentitySettings(db().ctx(systemActor('test')), {
        ...defaultIdentitySettings,
        profiles: { standard: presets.kawaguchiStandard, privileged: { ...weak, idleMinutes: 60 } },
      }),
      'validation',
    );
    expect(error.issues.map((i) => i.field)).toEqual([
      'profiles.privileged.maxAgeDays',
      'profiles.privileged.lockoutThreshold',
      'profiles.privileged.mfaRequired',
      'profiles.privileged.idleMinutes',
    ]);
    expect(error.issues[1]?.message.ja).toContain('第7 2(1)ウ(エ)');
    expect(await auditSize(db().handle)).toBe(before);
  });

  it('records a change of the settings with what changed, and shows departures from NIST and MHLW', async () => {
    const before = await auditSize(db().handle);
    await updateIdentitySettings(db().ctx(systemActor('test')), {
      ...defaultIdentitySettings,
      profiles: {
        standard: presets.mhlwPeriodic,
        // Staff change every 60 days, so privileged IDs need a shorter period than the pack's Kawaguchi 90 days.
        privileged: { ...presets.kawaguchiPrivileged, preset: 'mhlwTwoFactor', maxAgeDays: 30 },
      },
    });
    const [entry] = await auditEntries(db().handle, before);
    expect(entry?.kind).toBe('identity.settingsChanged');
    expect(entry?.payload).toMatchObject({
      changes: { 'standard.minLength': { from: 13, to: 8 }, 'standard.maxAgeDays': { from: 180, to: 60 } },
    });
    // A Kawaguchi profile's numbers are the pack's parameters in force: changed through the committee (第9 3).
    const packs = await rejection(
      updateIdentitySettings(db().ctx(systemActor('test')), {
        ...defaultIdentitySettings,
        profiles: {
          ...defaultIdentitySettings.profiles,
          privileged: { ...presets.kawaguchiPrivileged, maxAgeDays: 30 },
        },
      }),
      'validation',
    );
    expect(packs.issues[0]).toMatchObject({ field: 'profiles.privileged.maxAgeDays' });
    expect(packs.issues[0]?.message.en).toContain('identity.privilegedPasswordMaxAge (now 90)');
    const view = await getIdentitySettings(db().ctx(systemActor('test')), {});
    expect(view.settings.profiles.standard.preset).toBe('mhlwPeriodic');
    expect(view.departures.standard.map((d) => `${d.guide}:${d.field}`)).toEqual([
      'nist:minLength',
      'nist:requireMixed',
      'nist:maxAgeDays',
    ]);
    expect(view.blocklistSize).toBeGreaterThan(50_000);
    await updateIdentitySettings(db().ctx(systemActor('test')), defaultIdentitySettings);
  });

  it('never lets a contractor change the rules for privileged IDs (第7 2(1)ウ(ウ))', async () => {
    const { session } = await activate(db(), 'contractor1', passwords.get('contractor1') ?? '');
    const admin = { ...session.actor, systemRole: 'administrator' as const };
    const before = await auditSize(db().handle);
    const error = await rejection(
      updateIdentitySettings(db().ctx(admin), defaultIdentitySettings),
      'forbidden',
    );
    expect(error.userMessage.ja).toContain('第7 2(1)ウ(ウ)');
    expect(await auditSize(db().handle)).toBe(before);
  });
});
