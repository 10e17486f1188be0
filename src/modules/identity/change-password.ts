import { z } from 'zod';
import { AppError, defineUseCase, type FieldIssue } from '../../kernel/index.js';
import { findAccountById, revokeOtherSessions, updateAccountRow } from './accounts.repository.js';
import { changePasswordInput } from './identity.schema.js';
import { hashPassword, verifyPassword } from './password.js';

const issue = (field: string, ja: string, en: string): FieldIssue => ({ field, message: { ja, en } });

/**
 * Changes one's own password; the way out of a temporary password (7-2(3)イ). Other sessions of the account end.
 */
export const changePassword = defineUseCase({
  name: 'identity.changePassword',
  input: changePasswordInput.extend({ sessionId: z.string().length(64) }),
  authorize: (ctx) => {
    if (ctx.actor.accountId === null)
      throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  },
  execute: async (ctx, input, tx) => {
    const account = await findAccountById(tx, ctx.actor.accountId ?? '');
    if (!account)
      throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
    if (!(await verifyPassword(account.password_hash, input.currentPassword))) {
      const problem = issue(
        'currentPassword',
        '現在のパスワードが正しくありません。',
        'The current password is incorrect.',
      );
      throw new AppError('validation', problem.message, { issues: [problem] });
    }
    const problems: FieldIssue[] = [];
    if (input.newPassword === input.currentPassword) {
      problems.push(
        issue(
          'newPassword',
          '現在と異なるパスワードにしてください。',
          'Choose a password different from the current one.',
        ),
      );
    }
    if (input.newPassword.toLowerCase().includes(account.login_id.toLowerCase())) {
      problems.push(
        issue(
          'newPassword',
          'パスワードにログインIDを含めないでください。',
          'The password must not contain the login ID.',
        ),
      );
    }
    const [first] = problems;
    if (first) throw new AppError('validation', first.message, { issues: problems });
    const now = ctx.clock.now().toISOString();
    await updateAccountRow(tx, account.id, {
      password_hash: await hashPassword(input.newPassword),
      must_change_password: 0,
      password_changed_at: now,
      updated_at: now,
    });
    await revokeOtherSessions(tx, account.id, input.sessionId, now);
    return {
      result: undefined,
      ledger: [
        {
          kind: 'identity.passwordChanged',
          subject: `account:${account.id}`,
          payload: { wasTemporary: account.must_change_password === 1 },
        },
      ],
    };
  },
});
