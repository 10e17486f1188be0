import { AppError, defineUseCase, newId, requirePermission } from '../../kernel/index.js';
import { findStaffByNumber } from '../org/index.js';
import { accountRow } from './account-row.js';
import { findAccountByLoginId, findAccountByStaffId, insertAccount } from './accounts.repository.js';
import { createAccountInput } from './identity.schema.js';
import { generateTemporaryPassword, hashPassword } from './password.js';

/** An account for a staff member, with a temporary password shown once and changed at first sign-in (7-2(3)イ). */
export const createAccount = defineUseCase({
  name: 'identity.createAccount',
  input: createAccountInput,
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageAccounts'),
  execute: async (ctx, input, tx) => {
    const staff = await findStaffByNumber(tx, input.employeeNumber);
    if (!staff) {
      const message = {
        ja: `職員番号 ${input.employeeNumber} の職員が見つかりません。`,
        en: `No staff member has employee number ${input.employeeNumber}.`,
      };
      throw new AppError('validation', message, { issues: [{ field: 'employeeNumber', message }] });
    }
    if (await findAccountByLoginId(tx, input.loginId)) {
      const message = {
        ja: `ログインID ${input.loginId} は使用されています。`,
        en: `The login ID ${input.loginId} is taken.`,
      };
      throw new AppError('validation', message, { issues: [{ field: 'loginId', message }] });
    }
    if (await findAccountByStaffId(tx, staff.id)) {
      // IDs are personal (6-4(1)): one account per person.
      const message = {
        ja: 'この職員には既にアカウントがあります。',
        en: 'This staff member already has an account.',
      };
      throw new AppError('validation', message, { issues: [{ field: 'employeeNumber', message }] });
    }
    const now = ctx.clock.now().toISOString();
    const temporaryPassword = generateTemporaryPassword();
    const id = newId();
    await insertAccount(
      tx,
      accountRow({
        id,
        login_id: input.loginId,
        staff_id: staff.id,
        scoped_unit_id: staff.unit_id,
        password_hash: await hashPassword(temporaryPassword),
        created_at: now,
      }),
    );
    return {
      result: { id, loginId: input.loginId, temporaryPassword },
      ledger: [
        {
          kind: 'identity.accountCreated',
          subject: `account:${id}`,
          payload: { loginId: input.loginId, staff: `staff:${staff.id}`, temporaryPassword: true },
        },
      ],
    };
  },
});
