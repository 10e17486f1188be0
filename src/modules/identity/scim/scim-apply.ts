import {
  actorRef,
  calendarDate,
  newId,
  validationError,
  type Db,
  type LedgerDraft,
  type UnitTable,
  type UseCaseContext,
} from '../../../kernel/index.js';
import { findStaffById, listAllUnits, updateStaffDetails } from '../../org/index.js';
import { findAccountById, findAccountByLoginId, updateAccountRow } from '../accounts.repository.js';
import { loginIdSchema } from '../identity.schema.js';
import { disableAccount, enableAccount } from '../lifecycle/account-changes.js';
import type { PersonnelRow } from '../lifecycle/lifecycle.schema.js';
import { recordPersonnelEvents, type LifecycleRun } from '../lifecycle/personnel-apply.js';
import { planPersonnelEvents } from '../lifecycle/personnel-plan.js';
import { asScimError, scimError } from './scim-errors.js';
import type { ScimUserRow } from './scim-users.repository.js';

export const lifecycleRunOf = (ctx: UseCaseContext, tx: Db): LifecycleRun => {
  const now = ctx.clock.now();
  return {
    tx,
    now: now.toISOString(),
    today: calendarDate(now, ctx.timeZone),
    by: actorRef(ctx.actor),
    dryRun: false,
    withoutPasswords: true,
  };
};

/** A department as HR systems send it: the unit code, or the unit's name in Japanese or English. */
export const resolveDepartment = async (tx: Db, department: string): Promise<UnitTable> => {
  const units = await listAllUnits(tx);
  const unit =
    units.find((u) => u.code === department) ??
    units.find((u) => u.name_ja === department || u.name_en === department);
  if (unit === undefined)
    throw scimError(
      'validation',
      { ja: `部署「${department}」が見つかりません。`, en: `No unit "${department}".` },
      'invalidValue',
      'department',
    );
  return unit;
};

/** Personnel events an HR system's request makes, through the same checks and steps as the import. */
export const recordScimEvents = async (
  ctx: UseCaseContext,
  tx: Db,
  rows: readonly PersonnelRow[],
): Promise<LedgerDraft[]> => {
  const plan = await planPersonnelEvents(
    tx,
    rows.map((data, i) => ({ row: i + 1, data })),
    { withRows: false },
  );
  if (plan.issues.length > 0) throw asScimError(validationError(plan.issues));
  return (
    await recordPersonnelEvents(lifecycleRunOf(ctx, tx), plan.events, { source: 'scim', batchId: newId() })
  ).ledger;
};

export interface ScimChanges {
  readonly userName?: string | undefined;
  readonly externalId?: string | null | undefined;
  readonly active?: boolean | undefined;
  readonly department?: string | undefined;
  readonly details?: Parameters<typeof updateStaffDetails>[3] | undefined;
}

/**
 * Applies what an HR system changed on a User: the login ID and external ID; a new department is a transfer
 * effective today (the old unit's roles end, 7-2(1)イ(ア)); the person's details go to the staff record;
 * `active: false` disables the account and `true` enables it again when HR had disabled it (or for leave).
 */
export const applyScimChanges = async (
  ctx: UseCaseContext,
  tx: Db,
  user: ScimUserRow,
  changes: ScimChanges,
): Promise<LedgerDraft[]> => {
  const now = ctx.clock.now().toISOString();
  const ledger: LedgerDraft[] = [];
  if (changes.userName !== undefined && changes.userName.toLowerCase() !== user.login_id) {
    const loginId = changes.userName.toLowerCase();
    if (!loginIdSchema.safeParse(loginId).success)
      throw scimError(
        'validation',
        {
          ja: 'userName は英小文字・数字と . _ - で3文字以上にしてください。',
          en: 'userName takes 3 or more lower-case letters, digits, . _ -.',
        },
        'invalidValue',
        'userName',
      );
    if (await findAccountByLoginId(tx, loginId))
      throw scimError(
        'conflict',
        { ja: `userName ${loginId} は使用されています。`, en: `userName ${loginId} is taken.` },
        'uniqueness',
        'userName',
      );
    await updateAccountRow(tx, user.id, { login_id: loginId, updated_at: now });
    ledger.push({
      kind: 'identity.loginIdChanged',
      subject: `account:${user.id}`,
      payload: { from: user.login_id, to: loginId, source: 'scim' },
    });
  }
  if (changes.externalId !== undefined && changes.externalId !== user.external_id) {
    await updateAccountRow(tx, user.id, { external_id: changes.externalId, updated_at: now });
    ledger.push({
      kind: 'identity.externalIdChanged',
      subject: `account:${user.id}`,
      payload: { from: user.external_id, to: changes.externalId, source: 'scim' },
    });
  }
  const staff = user.staff_id === null ? undefined : await findStaffById(tx, user.staff_id);
  if (changes.department !== undefined && staff !== undefined) {
    const unit = await resolveDepartment(tx, changes.department);
    if (unit.id !== staff.unit_id)
      ledger.push(
        ...(await recordScimEvents(ctx, tx, [
          transferRow(staff.employee_number, unit.code, calendarDate(ctx.clock.now(), ctx.timeZone)),
        ])),
      );
  }
  if (changes.details !== undefined && staff !== undefined)
    ledger.push(...(await updateStaffDetails(tx, now, staff, changes.details)));
  if (changes.active !== undefined) {
    const account = await findAccountById(tx, user.id);
    if (account !== undefined && !changes.active)
      ledger.push(...(await disableAccount(tx, account, 'hrSystem', now, { source: 'scim' })));
    if (account !== undefined && changes.active && account.disabled_at !== null) {
      // HR may switch off and on what it switched off, and bring someone back from leave; other reasons
      // (retired, the sweep, an administrator) are reviewed in Mamori.
      if (account.disabled_reason === 'hrSystem' || account.disabled_reason === 'leave')
        ledger.push(...(await enableAccount(tx, account, now, { source: 'scim' })));
      else if (account.disabled_reason !== 'notStarted')
        throw scimError(
          'validation',
          {
            ja: `このIDは「${account.disabled_reason ?? ''}」の理由で無効です。Mamoriで確認のうえ有効にしてください。`,
            en: `The ID is disabled (${account.disabled_reason ?? ''}); it is enabled again in Mamori after review.`,
          },
          'mutability',
          'active',
        );
    }
  }
  return ledger;
};

const transferRow = (employeeNumber: string, unitCode: string, effectiveDate: string): PersonnelRow => ({
  kind: 'transfer',
  employeeNumber,
  effectiveDate,
  nameKanji: null,
  nameKana: null,
  employment: null,
  category: 'employee',
  organization: null,
  unitCode,
  positionCode: null,
  email: null,
  phone: null,
  loginId: null,
  returnDate: null,
  note: 'SCIM',
});
