import { actorRef, defineUseCase } from '../../../kernel/index.js';
import { accountOrNotFound, authorizeAccountChange, recordingDenials } from '../lifecycle/account-guard.js';
import { setAccountPrivilegeInput } from './accounts.schema.js';
import { changePrivilege } from './privilege-change.js';

/**
 * Makes an ID privileged (特権ID) for a system, or no longer: the person allowing it is recorded (第7 2(1)ウ(イ)),
 * and a contractor can never do it (第7 2(1)ウ(ウ)). The account's sessions end, so the next sign-in runs under
 * the profile of its new class (MFA for privileged IDs, 7-2(1)ウ(エ)).
 */
export const setAccountPrivilege = recordingDenials(
  defineUseCase({
    name: 'identity.setAccountPrivilege',
    input: setAccountPrivilegeInput,
    // Either way it is a change of a privileged ID.
    authorize: async (ctx, input, tx) => {
      authorizeAccountChange(ctx, { privileged: 1, system_role: null });
      await accountOrNotFound(tx, input.accountId);
    },
    execute: async (ctx, input, tx) => {
      const account = await accountOrNotFound(tx, input.accountId);
      const ledger = await changePrivilege(
        tx,
        account,
        {
          privileged: input.privileged,
          systemName: input.systemName ?? null,
          reason: input.reason,
          grantedBy: actorRef(ctx.actor),
        },
        ctx.clock.now().toISOString(),
      );
      const [first, ...rest] = ledger;
      if (first === undefined) throw new Error('changePrivilege returned no ledger entry');
      return { result: { id: account.id, privileged: input.privileged }, ledger: [first, ...rest] };
    },
  }),
);
