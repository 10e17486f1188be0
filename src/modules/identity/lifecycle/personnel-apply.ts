import {
  newId,
  type Db,
  type JsonValue,
  type LedgerDraft,
  type PersonnelEventTable,
} from '../../../kernel/index.js';
import {
  createStaffRecord,
  dayBefore,
  endStaffRecord,
  findStaffById,
  moveStaffRecord,
} from '../../org/index.js';
import { accountRow } from '../account-row.js';
import { insertAccount } from '../accounts.repository.js';
import { generateTemporaryPassword, hashPassword } from '../password.js';
import { disableAccount, enableAccount, removeFromSharedIds, rescopeAccount } from './account-changes.js';
import type { PersonnelEventKind } from './lifecycle.schema.js';
import { accountsOfStaff, insertPersonnelEvent, updatePersonnelEvent } from './lifecycle.repository.js';
import type { PlannedEvent } from './personnel-plan.js';

/** Where the lifecycle runs: inside a use case's transaction, at one moment, on one calendar day. */
export interface LifecycleRun {
  readonly tx: Db;
  readonly now: string;
  readonly today: string;
  /** `actorRef` of whoever records the events. */
  readonly by: string;
  /** A dry run hashes no password (nothing will be kept) and returns none. */
  readonly dryRun: boolean;
  /**
   * Accounts of hires get no temporary password (an HR system pushed them over SCIM and nobody is there to hand
   * one over): they stay pending until an administrator issues one (7-2(3)イ).
   */
  readonly withoutPasswords?: boolean;
}

/** An account made for a hire, with its temporary password (shown once) and its first day. */
export interface HiredAccount {
  readonly accountId: string;
  readonly loginId: string;
  readonly employeeNumber: string;
  readonly name: string;
  readonly temporaryPassword: string | null;
  readonly usableFrom: string;
}

export interface RecordedEvent {
  readonly id: string | null;
  readonly row: number;
  readonly kind: PersonnelEventKind;
  readonly employeeNumber: string;
  readonly effectiveDate: string;
  readonly status: 'applied' | 'scheduled' | 'unchanged';
}

/**
 * Applies one event whose day has come (7-2(1)イ(ア)): a hire's account opens; a transfer moves the staff record,
 * ends the roles of the old unit and re-scopes the account; a leave or retirement disables the account on the
 * day (a retirement also ends the record on the day before and every role); a return re-enables an account the
 * leave disabled. The event row says what was done.
 */
export const applyPersonnelEvent = async (
  run: LifecycleRun,
  event: PersonnelEventTable,
): Promise<LedgerDraft[]> => {
  const { tx, now } = run;
  const staff = event.staff_id === null ? undefined : await findStaffById(tx, event.staff_id);
  const ledger: LedgerDraft[] = [];
  const outcome: Record<string, JsonValue> = {};
  const accounts = staff === undefined ? [] : await accountsOfStaff(tx, staff.id);
  const detail = { event: `personnelEvent:${event.id}` };
  if (staff !== undefined) {
    const kind = event.kind as PersonnelEventKind;
    switch (kind) {
      case 'hire':
        for (const a of accounts)
          if (a.disabled_reason === 'notStarted') ledger.push(...(await enableAccount(tx, a, now, detail)));
        break;
      case 'transfer': {
        const to = event.unit_id ?? staff.unit_id;
        const org = await moveStaffRecord(
          tx,
          now,
          staff,
          { unitId: to, ...(event.position_id === null ? {} : { positionId: event.position_id }) },
          event.effective_date,
        );
        ledger.push(...org);
        outcome['rolesEnded'] = org.filter((e) => e.kind.endsWith('.ended')).length;
        for (const a of accounts) ledger.push(...(await rescopeAccount(tx, a, to, now, detail)));
        ledger.push(...(await removeFromSharedIds(tx, staff.id, now, 'transfer', staff.unit_id)));
        break;
      }
      case 'leave':
        for (const a of accounts) ledger.push(...(await disableAccount(tx, a, 'leave', now, detail)));
        break;
      case 'return':
        for (const a of accounts)
          if (a.disabled_reason === 'leave') ledger.push(...(await enableAccount(tx, a, now, detail)));
          else if (a.disabled_at !== null) outcome['staysDisabled'] = a.disabled_reason;
        break;
      case 'retirement':
        ledger.push(...(await endStaffRecord(tx, now, staff, dayBefore(event.effective_date))));
        for (const a of accounts) ledger.push(...(await disableAccount(tx, a, 'retired', now, detail)));
        ledger.push(...(await removeFromSharedIds(tx, staff.id, now, 'retirement')));
        break;
    }
  }
  outcome['accounts'] = accounts.map((a) => `account:${a.id}`);
  await updatePersonnelEvent(tx, event.id, {
    status: 'applied',
    applied_at: now,
    outcome: JSON.stringify(outcome),
  });
  return [
    {
      kind: 'identity.personnelEventApplied',
      subject: `personnelEvent:${event.id}`,
      payload: {
        kind: event.kind,
        employeeNumber: event.employee_number,
        effectiveDate: event.effective_date,
        staff: event.staff_id === null ? null : `staff:${event.staff_id}`,
        ...outcome,
      },
    },
    ...ledger,
  ];
};

/**
 * Records planned events in order and applies those whose day has come. A hire creates the staff record (its
 * first day the effective date) and the account at once, with a temporary password to hand over (7-2(3)イ); an
 * account whose holder starts later stays pending (`notStarted`) until the scheduler opens it on the day.
 */
export const recordPersonnelEvents = async (
  run: LifecycleRun,
  planned: readonly PlannedEvent[],
  source: { readonly source: 'import' | 'scim' | 'api'; readonly batchId: string },
): Promise<{ ledger: LedgerDraft[]; events: RecordedEvent[]; accounts: HiredAccount[] }> => {
  const ledger: LedgerDraft[] = [];
  const events: RecordedEvent[] = [];
  const accounts: HiredAccount[] = [];
  const staffIds = new Map<string, string>();
  for (const p of planned) {
    const d = p.data;
    const base = {
      row: p.row,
      kind: d.kind,
      employeeNumber: d.employeeNumber,
      effectiveDate: d.effectiveDate,
    };
    if (p.unchanged) {
      events.push({ id: null, ...base, status: 'unchanged' });
      continue;
    }
    let staffId = p.staff?.id ?? staffIds.get(d.employeeNumber) ?? null;
    if (d.kind === 'hire') {
      const created = await createStaffRecord(run.tx, run.now, {
        employeeNumber: d.employeeNumber,
        nameKanji: d.nameKanji ?? '',
        nameKana: d.nameKana ?? '',
        employment: d.employment ?? 'regular',
        category: d.category,
        organization: d.organization,
        unitCode: d.unitCode ?? '',
        positionCode: d.positionCode,
        email: d.email,
        phone: d.phone,
        startDate: d.effectiveDate,
        endDate: null,
      });
      ledger.push(...created.ledger);
      staffId = created.staff.id;
      staffIds.set(d.employeeNumber, staffId);
      const temporaryPassword = generateTemporaryPassword();
      const issue = !run.dryRun && run.withoutPasswords !== true;
      const accountId = newId();
      const pending = d.effectiveDate > run.today;
      await insertAccount(
        run.tx,
        accountRow({
          id: accountId,
          login_id: p.loginId ?? d.employeeNumber.toLowerCase(),
          staff_id: staffId,
          scoped_unit_id: created.staff.unit_id,
          password_hash: issue ? await hashPassword(temporaryPassword) : '!',
          created_at: run.now,
          ...(pending ? { disabled_at: run.now, disabled_reason: 'notStarted' } : {}),
        }),
      );
      ledger.push({
        kind: 'identity.accountCreated',
        subject: `account:${accountId}`,
        payload: {
          loginId: p.loginId,
          staff: `staff:${staffId}`,
          temporaryPassword: run.withoutPasswords !== true,
          source: source.source,
          usableFrom: d.effectiveDate,
        },
      });
      accounts.push({
        accountId,
        loginId: p.loginId ?? '',
        employeeNumber: d.employeeNumber,
        name: d.nameKanji ?? '',
        temporaryPassword: issue ? temporaryPassword : null,
        usableFrom: d.effectiveDate,
      });
    }
    const ids = [newId(), ...(d.kind === 'leave' && d.returnDate !== null ? [newId()] : [])];
    const rows: PersonnelEventTable[] = ids.map((id, i) => ({
      id,
      kind: i === 0 ? d.kind : 'return',
      employee_number: d.employeeNumber,
      staff_id: staffId,
      effective_date: i === 0 ? d.effectiveDate : (d.returnDate ?? d.effectiveDate),
      unit_id: i === 0 ? (p.unit?.id ?? null) : null,
      position_id: i === 0 ? (p.position?.id ?? null) : null,
      note: d.note,
      source: source.source,
      batch_id: source.batchId,
      row: p.row,
      status: 'scheduled',
      recorded_at: run.now,
      recorded_by: run.by,
      applied_at: null,
      outcome: null,
    }));
    for (const row of rows) {
      await insertPersonnelEvent(run.tx, row);
      ledger.push({
        kind: 'identity.personnelEventRecorded',
        subject: `personnelEvent:${row.id}`,
        payload: {
          kind: row.kind,
          employeeNumber: row.employee_number,
          effectiveDate: row.effective_date,
          unit: row.unit_id === null ? null : `unit:${row.unit_id}`,
          source: source.source,
          batch: source.batchId,
          row: p.row,
        },
      });
      const due = row.effective_date <= run.today;
      if (due) ledger.push(...(await applyPersonnelEvent(run, row)));
      events.push({
        id: row.id,
        ...base,
        kind: row.kind as PersonnelEventKind,
        effectiveDate: row.effective_date,
        status: due ? 'applied' : 'scheduled',
      });
    }
  }
  return { ledger, events, accounts };
};
