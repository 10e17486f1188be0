import { z } from 'zod';
import { defineUseCase } from '../../../kernel/index.js';
import { updateAccountRow } from '../accounts.repository.js';
import { endAllSessions } from '../lifecycle/lifecycle.repository.js';
import { authorizeScim, scimUserOrNotFound } from './scim-guard.js';

/**
 * DELETE /Users/{id} (RFC 7644 §3.6): nothing is deleted in Mamori. The account is disabled and marked as
 * deleted by the HR system, so SCIM answers 404 for it from now on while the record and its history stay.
 */
export const deleteScimUser = defineUseCase({
  name: 'identity.scimDeleteUser',
  input: z.object({ id: z.string().min(1).max(64) }).strict(),
  authorize: (ctx) => authorizeScim(ctx),
  execute: async (ctx, { id }, tx) => {
    const user = await scimUserOrNotFound(tx, id);
    const now = ctx.clock.now().toISOString();
    await updateAccountRow(tx, id, {
      disabled_at: user.disabled_at ?? now,
      disabled_reason: 'hrDeleted',
      updated_at: now,
    });
    const ended = await endAllSessions(tx, id, now, 'disabled:hrDeleted');
    return {
      result: { id },
      ledger: [
        {
          kind: 'identity.accountDisabled',
          subject: `account:${id}`,
          payload: {
            loginId: user.login_id,
            reason: 'hrDeleted',
            was: user.disabled_reason,
            endedSessions: ended,
            source: 'scim',
          },
        },
      ],
    };
  },
});
