import { z } from 'zod';
import { defineUseCase, newId, type LedgerDraft } from '../../../kernel/index.js';
import { findStaffByNumber } from '../../org/index.js';
import { accountRow } from '../account-row.js';
import { findAccountByLoginId, insertAccount } from '../accounts.repository.js';
import { accountsOfStaff } from '../lifecycle/lifecycle.repository.js';
import { applyScimChanges, recordScimEvents, resolveDepartment } from './scim-apply.js';
import { scimError } from './scim-errors.js';
import { authorizeScim, scimUserOrNotFound } from './scim-guard.js';
import { employeeNumberOf, hireRowOf, refusePassword } from './scim-user-input.js';
import { SCIM_ENTERPRISE, scimUserSchema } from './scim.schema.js';

/**
 * POST /Users (RFC 7644 §3.3) from an HR system: a new person is a hire effective on the extension's start date
 * (today by default), with the staff record and a pending account (no password: the security office issues a
 * temporary one, 第7 2(3)イ); a person already on the staff register gets an account linked to their record.
 */
export const createScimUser = defineUseCase({
  name: 'identity.scimCreateUser',
  input: z.object({ user: scimUserSchema }).strict(),
  authorize: (ctx) => authorizeScim(ctx),
  execute: async (ctx, { user }, tx) => {
    refusePassword(user);
    const loginId = user.userName.toLowerCase();
    if (await findAccountByLoginId(tx, loginId))
      throw scimError(
        'conflict',
        { ja: `userName ${loginId} は使用されています。`, en: `userName ${loginId} is taken.` },
        'uniqueness',
        'userName',
      );
    const employeeNumber = employeeNumberOf(user);
    const department = user[SCIM_ENTERPRISE]?.department;
    const unit = department === undefined ? null : await resolveDepartment(tx, department);
    const staff = await findStaffByNumber(tx, employeeNumber);
    const ledger: LedgerDraft[] = [];
    let accountId: string;
    if (staff === undefined) {
      ledger.push(...(await recordScimEvents(ctx, tx, [hireRowOf(ctx, user, unit?.code ?? null)])));
      const created = await findAccountByLoginId(tx, loginId);
      accountId = created?.id ?? '';
    } else {
      if ((await accountsOfStaff(tx, staff.id)).length > 0)
        throw scimError(
          'conflict',
          {
            ja: `職員番号 ${employeeNumber} の職員には既にIDがあります（IDは1人1つ、第6 4(1)）。`,
            en: `${employeeNumber} already has an ID (one per person, 第6 4(1)).`,
          },
          'uniqueness',
          `${SCIM_ENTERPRISE}:employeeNumber`,
        );
      accountId = newId();
      await insertAccount(
        tx,
        accountRow({
          id: accountId,
          login_id: loginId,
          staff_id: staff.id,
          scoped_unit_id: staff.unit_id,
          password_hash: '!',
          created_at: ctx.clock.now().toISOString(),
        }),
      );
      ledger.push({
        kind: 'identity.accountCreated',
        subject: `account:${accountId}`,
        payload: { loginId, staff: `staff:${staff.id}`, temporaryPassword: false, source: 'scim' },
      });
    }
    const created = await scimUserOrNotFound(tx, accountId);
    ledger.push(
      ...(await applyScimChanges(ctx, tx, created, {
        externalId: user.externalId ?? undefined,
        active: user.active === false ? false : undefined,
        department: staff !== undefined ? department : undefined,
      })),
    );
    return {
      result: { id: accountId },
      ledger: [
        {
          kind: 'identity.scimUserCreated',
          subject: `account:${accountId}`,
          payload: { userName: loginId, employeeNumber, hired: staff === undefined },
        },
        ...ledger,
      ],
    };
  },
});
