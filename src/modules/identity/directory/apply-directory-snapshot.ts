import { z } from 'zod';
import {
  calendarDate,
  defineUseCase,
  newId,
  requirePermission,
  type LedgerDraft,
  type Tx,
} from '../../../kernel/index.js';
import type { DirectoryChangeView, DirectoryRunView } from '../../../shared/directory-api-types.js';
import { accountRow } from '../account-row.js';
import { insertAccount, updateAccountRow } from '../accounts.repository.js';
import { planDirectorySync, planSummary, type DirectoryPlan } from './directory-plan.js';
import {
  accountsForSync,
  directoryGroups,
  insertDirectoryGroup,
  insertSyncRun,
  LDAP_SOURCE,
  loadDirectorySettings,
  staffForSync,
  updateDirectoryGroup,
} from './directory.repository.js';
import { directorySnapshotSchema, syncTriggers } from './directory.schema.js';
import { NO_LOCAL_PASSWORD } from '../sso-account.js';

/** Changes kept with a run (the ledger has every one of them in any case). */
const STORED_CHANGES = 5_000;

export const applyDirectorySnapshotInput = z
  .object({
    snapshot: directorySnapshotSchema,
    dryRun: z.boolean(),
    trigger: z.enum(syncTriggers),
    startedAt: z.iso.datetime(),
  })
  .strict();

const changesOf = (plan: DirectoryPlan, created: ReadonlyMap<string, string>): DirectoryChangeView[] => {
  const names = (ids: readonly string[]): string[] => ids.map((id) => plan.loginIds.get(id) ?? id);
  return [
    ...plan.creates.map((c): DirectoryChangeView => ({
      kind: 'accountCreated',
      entryId: c.person.id,
      loginId: c.loginId,
      employeeNumber: c.staff.employee_number,
      accountId: created.get(c.person.id) ?? '',
    })),
    ...plan.links.map((l): DirectoryChangeView => ({
      kind: 'accountLinked',
      entryId: l.person.id,
      loginId: l.account.login_id,
      accountId: l.account.id,
    })),
    ...plan.updates.map((u): DirectoryChangeView => ({
      kind: 'accountUpdated',
      accountId: u.account.id,
      loginId: u.loginId ?? u.account.login_id,
      changes: {
        ...(u.loginId === null ? {} : { loginId: { from: u.account.login_id, to: u.loginId } }),
        ...(u.displayName === null ? {} : { displayName: u.displayName }),
      },
    })),
    ...plan.disables.map((d): DirectoryChangeView => ({
      kind: 'accountDisabled',
      accountId: d.account.id,
      loginId: d.account.login_id,
      reason: d.reason,
    })),
    ...plan.enables.map((a): DirectoryChangeView => ({
      kind: 'accountEnabled',
      accountId: a.id,
      loginId: a.login_id,
    })),
    ...plan.groupAdds.map((g): DirectoryChangeView => ({
      kind: 'groupAdded',
      entryId: g.entry.id,
      name: g.entry.name,
      members: names(g.members),
    })),
    ...plan.groupChanges.map((g): DirectoryChangeView => ({
      kind: 'groupChanged',
      groupId: g.existing?.id ?? '',
      name: g.entry.name,
      from: g.existing !== null && g.existing.name !== g.entry.name ? g.existing.name : null,
      added: names(g.added),
      removed: names(g.removed),
    })),
    ...plan.groupRemovals.map((g): DirectoryChangeView => ({
      kind: 'groupRemoved',
      groupId: g.id,
      name: g.name,
    })),
    ...plan.findings,
  ];
};

/** Applies the plan; returns the ledger entries (one per change) and the ids of the accounts it made. */
const apply = async (
  tx: Tx,
  plan: DirectoryPlan,
  now: string,
): Promise<{ ledger: LedgerDraft[]; created: Map<string, string> }> => {
  const ledger: LedgerDraft[] = [];
  const created = new Map<string, string>();
  for (const c of plan.creates) {
    const id = newId();
    created.set(c.person.id, id);
    await insertAccount(
      tx,
      accountRow({
        id,
        login_id: c.loginId,
        password_hash: NO_LOCAL_PASSWORD,
        created_at: now,
        staff_id: c.staff.id,
        scoped_unit_id: c.staff.unit_id,
        source: LDAP_SOURCE,
        external_id: c.person.id,
        display_name: c.person.displayName?.trim() || null,
        must_change_password: 0,
        password_reason: null,
      }),
    );
    ledger.push({
      kind: 'identity.directoryAccountCreated',
      subject: `account:${id}`,
      payload: { loginId: c.loginId, staff: `staff:${c.staff.id}`, entry: c.person.id, dn: c.person.dn },
    });
  }
  for (const l of plan.links) {
    await updateAccountRow(tx, l.account.id, { external_id: l.person.id, updated_at: now });
    ledger.push({
      kind: 'identity.directoryAccountLinked',
      subject: `account:${l.account.id}`,
      payload: { entry: l.person.id, dn: l.person.dn, previous: l.account.external_id },
    });
  }
  for (const u of plan.updates) {
    await updateAccountRow(tx, u.account.id, {
      ...(u.loginId === null ? {} : { login_id: u.loginId }),
      ...(u.displayName === null ? {} : { display_name: u.displayName.to }),
      updated_at: now,
    });
    ledger.push({
      kind: 'identity.directoryAccountUpdated',
      subject: `account:${u.account.id}`,
      payload: {
        ...(u.loginId === null ? {} : { loginId: { from: u.account.login_id, to: u.loginId } }),
        ...(u.displayName === null ? {} : { displayName: u.displayName }),
      },
    });
  }
  for (const d of plan.disables) {
    await updateAccountRow(tx, d.account.id, {
      disabled_at: now,
      disabled_reason: d.reason,
      updated_at: now,
    });
    ledger.push({
      kind: 'identity.directoryAccountDisabled',
      subject: `account:${d.account.id}`,
      payload: { loginId: d.account.login_id, reason: d.reason },
    });
  }
  for (const a of plan.enables) {
    await updateAccountRow(tx, a.id, { disabled_at: null, disabled_reason: null, updated_at: now });
    ledger.push({
      kind: 'identity.directoryAccountEnabled',
      subject: `account:${a.id}`,
      payload: { loginId: a.login_id, was: a.disabled_reason },
    });
  }
  for (const g of plan.groupAdds) {
    const id = newId();
    await insertDirectoryGroup(tx, {
      id,
      source: LDAP_SOURCE,
      external_id: g.entry.id,
      name: g.entry.name,
      members: JSON.stringify(g.members),
      synced_at: now,
      removed_at: null,
    });
    ledger.push({
      kind: 'identity.directoryGroupAdded',
      subject: `directoryGroup:${id}`,
      payload: { name: g.entry.name, dn: g.entry.dn, members: g.members.length },
    });
  }
  for (const g of plan.groupChanges) {
    const id = g.existing?.id ?? '';
    await updateDirectoryGroup(tx, id, {
      name: g.entry.name,
      members: JSON.stringify(g.members),
      synced_at: now,
      removed_at: null,
    });
    ledger.push({
      kind: 'identity.directoryGroupChanged',
      subject: `directoryGroup:${id}`,
      payload: {
        name: g.entry.name,
        ...(g.existing !== null && g.existing.name !== g.entry.name ? { from: g.existing.name } : {}),
        added: g.added.map((m) => plan.loginIds.get(m) ?? m),
        removed: g.removed.map((m) => plan.loginIds.get(m) ?? m),
      },
    });
  }
  for (const g of plan.groupRemovals) {
    await updateDirectoryGroup(tx, g.id, { removed_at: now });
    ledger.push({
      kind: 'identity.directoryGroupRemoved',
      subject: `directoryGroup:${g.id}`,
      payload: { name: g.name },
    });
  }
  return { ledger, created };
};

/**
 * One synchronisation from a snapshot of the directory (read beforehand, outside the transaction): plans the
 * changes, refuses a run that would disable more accounts than the settings allow, applies the rest, and records
 * the run with an entry per change. A dry run does all of it and rolls back, so it shows exactly what a run would do.
 */
export const applyDirectorySnapshot = defineUseCase({
  name: 'identity.applyDirectorySnapshot',
  input: applyDirectorySnapshotInput,
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageAccounts'),
  execute: async (ctx, input, tx) => {
    const nowDate = ctx.clock.now();
    const now = nowDate.toISOString();
    const { settings } = await loadDirectorySettings(tx);
    const plan = planDirectorySync({
      snapshot: input.snapshot,
      groupsRead: settings.groupBaseDn !== null,
      staff: await staffForSync(tx),
      accounts: await accountsForSync(tx),
      groups: await directoryGroups(tx, LDAP_SOURCE),
      today: calendarDate(nowDate, ctx.timeZone),
      createAccounts: settings.createAccounts,
    });
    const summary = planSummary(plan, input.snapshot);
    const refused = plan.disables.length > settings.maxDisablePerRun;
    const applied =
      refused || input.dryRun
        ? { ledger: [], created: new Map<string, string>() }
        : await apply(tx, plan, now);
    const changes = changesOf(plan, applied.created);
    const id = input.dryRun ? null : newId();
    const actor = ctx.actor.loginId;
    const error = refused
      ? {
          ja: `無効化するアカウントが ${String(plan.disables.length)} 件あり、1回の上限（${String(settings.maxDisablePerRun)} 件）を超えるため、何も変更していません。ベースDNとフィルタを確認し、正しければ上限を上げてください。`,
          en: `${String(plan.disables.length)} accounts would be disabled, more than the limit of ${String(settings.maxDisablePerRun)} a run; nothing was changed. Check the base DN and filter, and raise the limit if they are right.`,
        }
      : null;
    const run: DirectoryRunView = {
      id,
      dryRun: input.dryRun,
      trigger: input.trigger,
      actor,
      startedAt: input.startedAt,
      finishedAt: now,
      outcome: refused ? 'refused' : 'ok',
      error,
      summary,
      changes,
      truncated: false,
    };
    if (id !== null)
      await insertSyncRun(tx, {
        id,
        source: LDAP_SOURCE,
        trigger: input.trigger,
        actor,
        started_at: input.startedAt,
        finished_at: now,
        outcome: run.outcome,
        error: error === null ? null : JSON.stringify(error),
        summary: JSON.stringify(summary),
        changes: JSON.stringify(changes.slice(0, STORED_CHANGES)),
        truncated: changes.length > STORED_CHANGES ? 1 : 0,
      });
    return {
      result: run,
      commit: !input.dryRun,
      // The run's entry first, then one per change it made.
      ledger: [
        {
          kind: refused ? 'identity.directorySyncRefused' : 'identity.directorySynced',
          subject: `directory:${LDAP_SOURCE}`,
          payload: { run: id, trigger: input.trigger, dryRun: input.dryRun, summary },
        },
        ...applied.ledger,
      ],
    };
  },
});
