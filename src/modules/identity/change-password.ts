import { z } from 'zod';
import { AppError, defineUseCase, newId, type FieldIssue, type UseCaseContext } from '../../kernel/index.js';
import { ownerOf, profileOf } from './account-row.js';
import { findAccountById, revokeOtherSessions, updateAccountRow } from './accounts.repository.js';
import { changePasswordInput } from './identity.schema.js';
import { insertPasswordHistory, recentPasswordHashes } from './password-history.repository.js';
import { passwordIssues } from './password-rules.js';
import { hashPassword, verifyPassword } from './password.js';
import { recordFailedCheck } from './lockout.js';
import { loadIdentitySettings } from './settings.repository.js';

const issue = (field: string, ja: string, en: string): FieldIssue => ({ field, message: { ja, en } });

/** True when the password matches any of the hashes (every hash is checked: the time does not tell which). */
const matchesAny = async (hashes: readonly string[], password: string): Promise<boolean> => {
  const results = await Promise.all(hashes.map((h) => verifyPassword(h, password)));
  return results.some(Boolean);
};

const changeInput = changePasswordInput.extend({
  sessionId: z.string().length(64),
  /** The address the request came from, for the per-address limit (null outside HTTP). */
  ip: z.string().max(64).nullable().default(null),
});

type ChangeResult = { readonly ok: true } | { readonly ok: false };

/**
 * Changes one's own password under the profile of one's account class: long enough, not on the blocklist, without
 * the login ID or name (6-4(2)(ウ)), not one of the last N (6-4(2)(オ)). The way out of a temporary or expired
 * password (6-4(2)(キ), 7-2(3)イ). Other sessions of the account end. A wrong current password is a failed
 * attempt like a wrong password at sign-in: recorded, counted toward the lockout (7-2(1)ウ(エ)) and on the
 * ledger, so a session left open cannot be used to guess the password.
 */
const applyPasswordChange = defineUseCase({
  name: 'identity.changePassword',
  input: changeInput,
  authorize: (ctx) => {
    if (ctx.actor.accountId === null)
      throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  },
  execute: async (ctx, input, tx) => {
    const account = await findAccountById(tx, ctx.actor.accountId ?? '');
    if (!account)
      throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
    if (account.source !== 'local') {
      const problem = issue(
        'newPassword',
        'このアカウントのパスワードはディレクトリ（LDAP/AD）または外部の認証で管理されています。',
        "This account's password is managed by the directory (LDAP/AD) or the external sign-in.",
      );
      throw new AppError('validation', problem.message, { issues: [problem] });
    }
    const profile = await profileOf(tx, account);
    if (!(await verifyPassword(account.password_hash, input.currentPassword))) {
      const now = ctx.clock.now().toISOString();
      const more = await recordFailedCheck(tx, {
        account,
        profile,
        address: (await loadIdentitySettings(tx)).address,
        ip: input.ip,
        userAgent: null,
        outcome: 'badPassword',
        method: 'passwordChange',
        now,
      });
      return {
        result: { ok: false } as ChangeResult,
        ledger: [
          {
            kind: 'identity.passwordChangeFailed',
            subject: `account:${account.id}`,
            payload: { reason: 'currentPassword', ip: input.ip },
          },
          ...more,
        ],
      };
    }
    const problems = passwordIssues(profile, input.newPassword, await ownerOf(tx, account));
    if (input.newPassword.normalize('NFKC') === input.currentPassword.normalize('NFKC')) {
      problems.push(
        issue(
          'newPassword',
          '現在と異なるパスワードにしてください。',
          'Choose a password different from the current one.',
        ),
      );
    } else if (
      profile.historyCount > 0 &&
      (await matchesAny(await recentPasswordHashes(tx, account.id, profile.historyCount), input.newPassword))
    ) {
      problems.push(
        issue(
          'newPassword',
          `過去${String(profile.historyCount)}回以内に使ったパスワードは使えません（第6 4(2)(オ)）。`,
          `You used this password within your last ${String(profile.historyCount)} (第6 4(2)(オ)).`,
        ),
      );
    }
    const [first] = problems;
    if (first) throw new AppError('validation', first.message, { issues: problems });
    const now = ctx.clock.now().toISOString();
    await insertPasswordHistory(tx, {
      id: newId(),
      account_id: account.id,
      password_hash: account.password_hash,
      created_at: now,
    });
    await updateAccountRow(tx, account.id, {
      password_hash: await hashPassword(input.newPassword),
      must_change_password: 0,
      password_reason: null,
      password_changed_at: now,
      sign_ins_since_change: 0,
      updated_at: now,
    });
    await revokeOtherSessions(tx, account.id, input.sessionId, now);
    return {
      result: { ok: true } as ChangeResult,
      ledger: [
        {
          kind: 'identity.passwordChanged',
          subject: `account:${account.id}`,
          payload: {
            wasTemporary: account.must_change_password === 1 && account.password_reason !== 'expired',
            reason: account.password_reason,
            profile: profile.preset,
          },
        },
      ],
    };
  },
});

/** Changes one's own password (see applyPasswordChange); a wrong current password is refused after it is recorded. */
export const changePassword = async (
  ctx: UseCaseContext,
  input: z.input<typeof changeInput>,
): Promise<void> => {
  const result = await applyPasswordChange(ctx, input);
  if (!result.ok) {
    const problem = issue(
      'currentPassword',
      '現在のパスワードが正しくありません。',
      'The current password is incorrect.',
    );
    throw new AppError('validation', problem.message, { issues: [problem] });
  }
};
