import { z } from 'zod';
import { AppError, defineQuery, requirePermission } from '../../../kernel/index.js';
import type {
  DirectoryGroupView,
  DirectoryRunSummaryView,
  DirectoryRunView,
} from '../../../shared/directory-api-types.js';
import { directoryGroups, findSyncRun, LDAP_SOURCE, listSyncRuns } from './directory.repository.js';
import { runSummaryOf, runViewOf } from './directory-run-view.js';

/** The latest synchronisations, newest first. */
export const listDirectoryRuns = defineQuery({
  name: 'identity.listDirectoryRuns',
  input: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageAccounts'),
  execute: async (ctx, input): Promise<DirectoryRunSummaryView[]> =>
    (await listSyncRuns(ctx.database.db, LDAP_SOURCE, input.limit)).map(runSummaryOf),
});

/** One synchronisation with what it changed and found. */
export const getDirectoryRun = defineQuery({
  name: 'identity.getDirectoryRun',
  input: z.object({ id: z.string().min(1).max(64) }).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageAccounts'),
  execute: async (ctx, input): Promise<DirectoryRunView> => {
    const row = await findSyncRun(ctx.database.db, input.id);
    if (!row)
      throw new AppError('notFound', {
        ja: 'その同期の記録はありません。',
        en: 'No such synchronisation run.',
      });
    return runViewOf(row);
  },
});

/** The directory's groups as last synchronised, members named by their accounts where they have one. */
export const listDirectoryGroups = defineQuery({
  name: 'identity.listDirectoryGroups',
  input: z.object({}).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageAccounts'),
  execute: async (ctx): Promise<DirectoryGroupView[]> => {
    const db = ctx.database.db;
    const groups = await directoryGroups(db, LDAP_SOURCE);
    const accounts = await db
      .selectFrom('accounts')
      .leftJoin('staff', 'staff.id', 'accounts.staff_id')
      .select(['accounts.id', 'accounts.login_id', 'accounts.external_id', 'staff.name_kanji'])
      .where('accounts.external_id', 'is not', null)
      .where('accounts.source', 'in', ['ldap', 'local'])
      .execute();
    const byEntry = new Map(accounts.map((a) => [a.external_id ?? '', a]));
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      syncedAt: g.synced_at,
      removedAt: g.removed_at,
      members: (JSON.parse(g.members) as string[]).map((entryId) => {
        const a = byEntry.get(entryId);
        return { accountId: a?.id ?? null, loginId: a?.login_id ?? entryId, name: a?.name_kanji ?? null };
      }),
    }));
  },
});
