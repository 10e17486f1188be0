import { defineUseCase, validationError } from '../../../kernel/index.js';
import { findStaffById } from '../../org/index.js';
import { enableAccount } from '../lifecycle/account-changes.js';
import { accountOrNotFound, authorizeChangeOf, recordingDenials } from '../lifecycle/account-guard.js';
import { todayOf } from './account-inputs.js';
import { accountReasonInput } from './accounts.schema.js';

const refused = (ja: string, en: string) => validationError([{ field: 'accountId', message: { ja, en } }]);

/**
 * An administrator enables a disabled account again, with the reason. Not for someone who has left (the staff
 * record decides) nor a development ID past its end (7-3(2)イ(ア)), nor before a hire's first day.
 */
export const reactivateAccount = recordingDenials(
  defineUseCase({
    name: 'identity.reactivateAccount',
    input: accountReasonInput,
    authorize: (ctx, input, tx) => authorizeChangeOf(ctx, tx, input.accountId),
    execute: async (ctx, input, tx) => {
      const account = await accountOrNotFound(tx, input.accountId);
      const today = todayOf(ctx);
      if (account.disabled_at === null)
        throw refused('このアカウントは有効です。', 'The account is enabled.');
      if (account.disabled_reason === 'notStarted')
        throw refused('採用日の前は有効にできません。', 'It opens on its holder\u2019s first day.');
      if (account.end_date !== null && account.end_date < today)
        throw refused('利用期限を過ぎたIDは有効にできません。', 'The ID is past its end date.');
      const staff = account.staff_id === null ? undefined : await findStaffById(tx, account.staff_id);
      if (staff?.end_date !== undefined && staff.end_date !== null && staff.end_date < today)
        throw refused('退職した職員のIDは有効にできません。', 'The holder has left.');
      const [first, ...rest] = await enableAccount(tx, account, ctx.clock.now().toISOString(), {
        note: input.reason,
      });
      if (first === undefined) throw refused('このアカウントは有効です。', 'The account is enabled.');
      return { result: { id: account.id }, ledger: [first, ...rest] };
    },
  }),
);
