import { defineUseCase, newId, validationError } from '../../../kernel/index.js';
import { updateAccountRow } from '../accounts.repository.js';
import { accountOrNotFound, authorizeChangeOf, recordingDenials } from '../lifecycle/account-guard.js';
import { endAllSessions } from '../lifecycle/lifecycle.repository.js';
import { generateTemporaryPassword, hashPassword } from '../password.js';
import { accountReasonInput } from './accounts.schema.js';

/**
 * A new temporary password (第7 2(3)イ): shown once to the administrator, changed at the next sign-in, and every
 * session of the account ends. For accounts whose password Mamori keeps (not a directory's or an SSO's).
 */
export const issueTemporaryPassword = recordingDenials(
  defineUseCase({
    name: 'identity.issueTemporaryPassword',
    input: accountReasonInput,
    authorize: (ctx, input, tx) => authorizeChangeOf(ctx, tx, input.accountId),
    execute: async (ctx, input, tx) => {
      const account = await accountOrNotFound(tx, input.accountId);
      if (account.source !== 'local')
        throw validationError([
          {
            field: 'accountId',
            message: {
              ja: 'このIDのパスワードは外部のディレクトリ・認証基盤が管理しています。',
              en: "This ID's password is kept by an outside directory or sign-on service.",
            },
          },
        ]);
      const now = ctx.clock.now().toISOString();
      const temporaryPassword = generateTemporaryPassword();
      // The password being replaced joins the history, as at a change (第6 4(2)(オ)).
      if (account.password_hash.startsWith('$argon2'))
        await tx
          .insertInto('password_history')
          .values({
            id: newId(),
            account_id: account.id,
            password_hash: account.password_hash,
            created_at: now,
          })
          .execute();
      await updateAccountRow(tx, account.id, {
        password_hash: await hashPassword(temporaryPassword),
        must_change_password: 1,
        password_reason: 'temporary',
        password_changed_at: now,
        sign_ins_since_change: 0,
        updated_at: now,
      });
      const ended = await endAllSessions(tx, account.id, now, 'temporaryPassword');
      return {
        result: { id: account.id, loginId: account.login_id, temporaryPassword },
        ledger: [
          {
            kind: 'identity.temporaryPasswordIssued',
            subject: `account:${account.id}`,
            payload: { loginId: account.login_id, reason: input.reason, endedSessions: ended },
          },
        ],
      };
    },
  }),
);
