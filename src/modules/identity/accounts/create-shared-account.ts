import {
  AppError,
  defineUseCase,
  newId,
  requirePermission,
  type SharedAccountUserTable,
} from '../../../kernel/index.js';
import { findUnitByCode } from '../../org/index.js';
import { accountRow } from '../account-row.js';
import { insertAccount } from '../accounts.repository.js';
import { generateTemporaryPassword, hashPassword } from '../password.js';
import { currentStaff, requireFreeLoginId, todayOf } from './account-inputs.js';
import { createSharedAccountInput } from './accounts.schema.js';

/**
 * IDs are personal (第6 4(1)); a shared ID exists only as this explicit kind, for a unit and a purpose, with the
 * staff members allowed to use it named (共用IDの利用者以外に利用させてはならない). Its temporary password is
 * shown once and changed at first sign-in (7-2(3)イ).
 */
export const createSharedAccount = defineUseCase({
  name: 'identity.createSharedAccount',
  input: createSharedAccountInput,
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageAccounts'),
  execute: async (ctx, input, tx) => {
    await requireFreeLoginId(tx, input.loginId);
    const unit = await findUnitByCode(tx, input.unitCode);
    if (unit === undefined) {
      const message = {
        ja: `部署 ${input.unitCode} が見つかりません。`,
        en: `Unit ${input.unitCode} does not exist.`,
      };
      throw new AppError('validation', message, { issues: [{ field: 'unitCode', message }] });
    }
    const users = await currentStaff(
      tx,
      [...new Set(input.users)],
      (i) => `users.${String(i)}`,
      todayOf(ctx),
    );
    const now = ctx.clock.now().toISOString();
    const id = newId();
    const temporaryPassword = generateTemporaryPassword();
    await insertAccount(
      tx,
      accountRow({
        id,
        login_id: input.loginId,
        kind: 'shared',
        display_name: input.displayName,
        purpose: input.purpose,
        scoped_unit_id: unit.id,
        system_name: input.systemName,
        password_hash: await hashPassword(temporaryPassword),
        created_at: now,
      }),
    );
    const rows: SharedAccountUserTable[] = users.map((s) => ({
      id: newId(),
      account_id: id,
      staff_id: s.id,
      added_at: now,
      removed_at: null,
    }));
    await tx.insertInto('shared_account_users').values(rows).execute();
    return {
      result: { id, loginId: input.loginId, temporaryPassword },
      ledger: [
        {
          kind: 'identity.sharedAccountCreated',
          subject: `account:${id}`,
          payload: {
            loginId: input.loginId,
            displayName: input.displayName,
            purpose: input.purpose,
            unit: `unit:${unit.id}`,
            users: users.map((s) => `staff:${s.id}`),
            temporaryPassword: true,
          },
        },
      ],
    };
  },
});
