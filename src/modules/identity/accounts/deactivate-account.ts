import { defineUseCase } from '../../../kernel/index.js';
import { disableAccount } from '../lifecycle/account-changes.js';
import { accountOrNotFound, authorizeChangeOf, recordingDenials } from '../lifecycle/account-guard.js';
import { accountReasonInput } from './accounts.schema.js';

/** An administrator disables an account, with the reason on the ledger; its sessions end. */
export const deactivateAccount = recordingDenials(
  defineUseCase({
    name: 'identity.deactivateAccount',
    input: accountReasonInput,
    authorize: (ctx, input, tx) => authorizeChangeOf(ctx, tx, input.accountId),
    execute: async (ctx, input, tx) => {
      const account = await accountOrNotFound(tx, input.accountId);
      const ledger = await disableAccount(tx, account, 'manual', ctx.clock.now().toISOString(), {
        note: input.reason,
      });
      const [first, ...rest] = ledger;
      if (first === undefined)
        return {
          result: { id: account.id, changed: false },
          ledger: [
            {
              kind: 'identity.accountDisableRepeated',
              subject: `account:${account.id}`,
              payload: { note: input.reason, disabledReason: account.disabled_reason },
            },
          ],
          commit: false,
        };
      return { result: { id: account.id, changed: true }, ledger: [first, ...rest] };
    },
  }),
);
