import { defineUseCase, newId, validationError } from '../../../kernel/index.js';
import { accountRow } from '../account-row.js';
import { insertAccount } from '../accounts.repository.js';
import { authorizeAccountChange } from '../lifecycle/account-guard.js';
import { generateTemporaryPassword, hashPassword } from '../password.js';
import { currentStaff, requireFreeLoginId, todayOf } from './account-inputs.js';
import { createDevelopmentAccountInput } from './accounts.schema.js';

/**
 * A development ID (第7 3(2)イ(ア)): for a named developer, a system and a purpose, with a mandatory end date
 * (the end of development). It cannot sign in after that date, and the scheduler disables it the next day. A
 * privileged development ID needs the privileged-ID permission, which no contractor has (7-2(1)ウ(ウ)).
 */
export const createDevelopmentAccount = defineUseCase({
  name: 'identity.createDevelopmentAccount',
  input: createDevelopmentAccountInput,
  authorize: (ctx, input) =>
    authorizeAccountChange(ctx, { privileged: input.privileged ? 1 : 0, system_role: null }),
  execute: async (ctx, input, tx) => {
    const today = todayOf(ctx);
    if (input.endDate < today)
      throw validationError([
        {
          field: 'endDate',
          message: {
            ja: '開発の終了日は今日以降にしてください。',
            en: 'The end of development must be today or later.',
          },
        },
      ]);
    await requireFreeLoginId(tx, input.loginId);
    const [owner] = await currentStaff(tx, [input.ownerEmployeeNumber], () => 'ownerEmployeeNumber', today);
    const now = ctx.clock.now().toISOString();
    const id = newId();
    const temporaryPassword = generateTemporaryPassword();
    await insertAccount(
      tx,
      accountRow({
        id,
        login_id: input.loginId,
        kind: 'development',
        owner_staff_id: owner?.id ?? null,
        scoped_unit_id: owner?.unit_id ?? null,
        display_name: owner?.name_kanji ?? null,
        purpose: input.purpose,
        system_name: input.systemName,
        end_date: input.endDate,
        privileged: input.privileged ? 1 : 0,
        ...(input.privileged
          ? { privileged_granted_by: `account:${ctx.actor.accountId ?? ''}`, privileged_granted_at: now }
          : {}),
        password_hash: await hashPassword(temporaryPassword),
        created_at: now,
      }),
    );
    return {
      result: { id, loginId: input.loginId, temporaryPassword, endDate: input.endDate },
      ledger: [
        {
          kind: 'identity.developmentAccountCreated',
          subject: `account:${id}`,
          payload: {
            loginId: input.loginId,
            owner: `staff:${owner?.id ?? ''}`,
            systemName: input.systemName,
            purpose: input.purpose,
            endDate: input.endDate,
            privileged: input.privileged,
            temporaryPassword: true,
          },
        },
      ],
    };
  },
});
