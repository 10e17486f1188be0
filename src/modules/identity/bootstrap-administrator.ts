import { z } from 'zod';
import { AppError, defineUseCase, newId } from '../../kernel/index.js';
import { accountRow } from './account-row.js';
import { findAccountByLoginId, insertAccount } from './accounts.repository.js';
import { generateTemporaryPassword, hashPassword } from './password.js';

export const ADMIN_LOGIN_ID = 'admin';

/**
 * First start: one administrator with a temporary password, printed once and changed at first sign-in
 * (7-2(3)イ). Does nothing when an administrator exists.
 */
export const bootstrapAdministrator = defineUseCase({
  name: 'identity.bootstrapAdministrator',
  input: z.object({}).strict(),
  authorize: (ctx) => {
    if (ctx.actor.kind !== 'system')
      throw new AppError('forbidden', {
        ja: 'システムのみが実行できます。',
        en: 'Only the system may do this.',
      });
  },
  execute: async (ctx, _input, tx) => {
    const existing = await tx
      .selectFrom('accounts')
      .select('id')
      .where('system_role', '=', 'administrator')
      .executeTakeFirst();
    if (existing || (await findAccountByLoginId(tx, ADMIN_LOGIN_ID))) {
      return {
        result: null,
        ledger: [
          { kind: 'identity.bootstrapChecked', subject: 'system:bootstrap', payload: { created: false } },
        ],
        commit: false,
      };
    }
    const now = ctx.clock.now().toISOString();
    const temporaryPassword = generateTemporaryPassword();
    const id = newId();
    // A local account kept for break-glass use, under the privileged profile (7-2(1)ウ).
    await insertAccount(
      tx,
      accountRow({
        id,
        login_id: ADMIN_LOGIN_ID,
        system_role: 'administrator',
        privileged: 1,
        display_name: 'システム管理者',
        password_hash: await hashPassword(temporaryPassword),
        created_at: now,
      }),
    );
    return {
      result: { loginId: ADMIN_LOGIN_ID, temporaryPassword },
      ledger: [
        {
          kind: 'identity.administratorCreated',
          subject: `account:${id}`,
          payload: { loginId: ADMIN_LOGIN_ID, temporaryPassword: true, privileged: true },
        },
      ],
    };
  },
});
