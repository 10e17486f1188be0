import { actorRef, defineUseCase } from '../../../kernel/index.js';
import { updateAccountRow } from '../accounts.repository.js';
import { accountOrNotFound, authorizeAccountChange, recordingDenials } from '../lifecycle/account-guard.js';
import { endAllSessions } from '../lifecycle/lifecycle.repository.js';
import { setAccountPrivilegeInput } from './accounts.schema.js';

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
      const now = ctx.clock.now().toISOString();
      await updateAccountRow(tx, account.id, {
        privileged: input.privileged ? 1 : 0,
        system_name: input.systemName ?? account.system_name,
        privileged_granted_by: input.privileged ? actorRef(ctx.actor) : null,
        privileged_granted_at: input.privileged ? now : null,
        updated_at: now,
      });
      const ended = await endAllSessions(tx, account.id, now, 'privilegeChanged');
      return {
        result: { id: account.id, privileged: input.privileged },
        ledger: [
          {
            kind: input.privileged ? 'identity.privilegeGranted' : 'identity.privilegeRevoked',
            subject: `account:${account.id}`,
            payload: {
              loginId: account.login_id,
              systemName: input.systemName ?? account.system_name,
              reason: input.reason,
              endedSessions: ended,
            },
          },
        ],
      };
    },
  }),
);
