import { z } from 'zod';
import { defineUseCase } from '../../../kernel/index.js';
import { applyScimChanges } from './scim-apply.js';
import { scimError } from './scim-errors.js';
import { authorizeScim, scimUserOrNotFound } from './scim-guard.js';
import { detailsOf, refusePassword } from './scim-user-input.js';
import { SCIM_ENTERPRISE, scimUserSchema } from './scim.schema.js';

/**
 * PUT /Users/{id} (RFC 7644 §3.5.1): the HR system's whole view of the person. The employee number cannot
 * change; a new department is a transfer today; the person's details go to the staff record; `active`.
 */
export const replaceScimUser = defineUseCase({
  name: 'identity.scimReplaceUser',
  input: z.object({ id: z.string().min(1).max(64), user: scimUserSchema }).strict(),
  authorize: (ctx) => authorizeScim(ctx),
  execute: async (ctx, { id, user }, tx) => {
    refusePassword(user);
    const current = await scimUserOrNotFound(tx, id);
    const employeeNumber = user[SCIM_ENTERPRISE]?.employeeNumber;
    if (employeeNumber !== undefined && employeeNumber !== current.employee_number)
      throw scimError(
        'validation',
        { ja: '職員番号は変更できません。', en: 'employeeNumber cannot change.' },
        'mutability',
        `${SCIM_ENTERPRISE}:employeeNumber`,
      );
    const ledger = await applyScimChanges(ctx, tx, current, {
      userName: user.userName,
      externalId: user.externalId ?? null,
      department: user[SCIM_ENTERPRISE]?.department,
      details: detailsOf(user),
      active: user.active,
    });
    return {
      result: { id },
      ledger: [
        { kind: 'identity.scimUserReplaced', subject: `account:${id}`, payload: { changes: ledger.length } },
        ...ledger,
      ],
    };
  },
});
