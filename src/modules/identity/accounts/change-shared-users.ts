import { AppError, defineUseCase, newId, validationError } from '../../../kernel/index.js';
import { findStaffByNumber } from '../../org/index.js';
import { accountOrNotFound, authorizeChangeOf } from '../lifecycle/account-guard.js';
import { currentStaff, todayOf } from './account-inputs.js';
import { changeSharedUsersInput } from './accounts.schema.js';

/** Adds and removes the named users of a shared ID (6-4(1)); at least one stays. */
export const changeSharedUsers = defineUseCase({
  name: 'identity.changeSharedUsers',
  input: changeSharedUsersInput,
  authorize: (ctx, input, tx) => authorizeChangeOf(ctx, tx, input.accountId),
  execute: async (ctx, input, tx) => {
    const account = await accountOrNotFound(tx, input.accountId);
    if (account.kind !== 'shared')
      throw new AppError(
        'validation',
        { ja: '共用IDではありません。', en: 'Not a shared ID.' },
        {
          issues: [{ field: 'accountId', message: { ja: '共用IDではありません。', en: 'Not a shared ID.' } }],
        },
      );
    const now = ctx.clock.now().toISOString();
    const current = await tx
      .selectFrom('shared_account_users')
      .selectAll()
      .where('account_id', '=', account.id)
      .where('removed_at', 'is', null)
      .execute();
    const adding = await currentStaff(tx, input.add, (i) => `add.${String(i)}`, todayOf(ctx));
    const removing: { placeId: string; staffId: string }[] = [];
    for (const [i, n] of input.remove.entries()) {
      const staff = await findStaffByNumber(tx, n);
      const place = staff === undefined ? undefined : current.find((u) => u.staff_id === staff.id);
      if (place === undefined)
        throw validationError([
          {
            field: `remove.${String(i)}`,
            message: {
              ja: `${n} はこの共用IDの利用者ではありません。`,
              en: `${n} is not a user of this shared ID.`,
            },
          },
        ]);
      removing.push({ placeId: place.id, staffId: place.staff_id });
    }
    const added = adding.filter((s) => !current.some((u) => u.staff_id === s.id));
    const remaining = current.length - removing.length + added.length;
    if (remaining < 1)
      throw validationError([
        {
          field: 'remove',
          message: {
            ja: '共用IDには少なくとも1人の利用者が必要です（第6 4(1)）。不要なら無効にしてください。',
            en: 'A shared ID needs at least one named user (第6 4(1)); disable it if it is no longer needed.',
          },
        },
      ]);
    for (const { placeId } of removing)
      await tx
        .updateTable('shared_account_users')
        .set({ removed_at: now })
        .where('id', '=', placeId)
        .execute();
    if (added.length > 0)
      await tx
        .insertInto('shared_account_users')
        .values(
          added.map((s) => ({
            id: newId(),
            account_id: account.id,
            staff_id: s.id,
            added_at: now,
            removed_at: null,
          })),
        )
        .execute();
    return {
      result: { users: remaining },
      ledger: [
        {
          kind: 'identity.sharedUsersChanged',
          subject: `account:${account.id}`,
          payload: {
            loginId: account.login_id,
            added: added.map((s) => `staff:${s.id}`),
            removed: removing.map((r) => `staff:${r.staffId}`),
            reason: input.reason,
            users: remaining,
          },
        },
      ],
    };
  },
});
