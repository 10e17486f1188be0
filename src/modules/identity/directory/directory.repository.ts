import {
  AppError,
  type Db,
  type DirectoryGroupTable,
  type DirectorySyncRunTable,
} from '../../../kernel/index.js';
import {
  defaultDirectorySettings,
  directorySettingsSchema,
  type DirectorySettings,
} from './directory.schema.js';
import { readSetting, saveSetting } from '../settings.repository.js';

const DIRECTORY_KEY = 'directory';
export const LDAP_SOURCE = 'ldap';

export const loadDirectorySettings = async (
  db: Db,
): Promise<{ settings: DirectorySettings; saved: boolean }> => {
  const raw = await readSetting(db, DIRECTORY_KEY);
  if (raw === undefined) return { settings: defaultDirectorySettings, saved: false };
  const parsed = directorySettingsSchema.safeParse(JSON.parse(raw));
  if (!parsed.success)
    throw new AppError(
      'configuration',
      {
        ja: '保存されているディレクトリ連携の設定が読み取れません。設定画面から保存し直してください。',
        en: 'The stored directory settings cannot be read. Save them again from the settings screen.',
      },
      { internal: parsed.error.message },
    );
  return { settings: parsed.data, saved: true };
};

export const saveDirectorySettings = (db: Db, settings: DirectorySettings, now: string): Promise<void> =>
  saveSetting(db, DIRECTORY_KEY, JSON.stringify(settings), now);

/** What the plan needs of every account (a hospital has a few thousand). */
export interface AccountForSync {
  readonly id: string;
  readonly login_id: string;
  readonly staff_id: string | null;
  readonly source: string;
  readonly external_id: string | null;
  readonly display_name: string | null;
  readonly disabled_at: string | null;
  readonly disabled_reason: string | null;
  readonly privileged: number;
  readonly kind: string;
}

export const accountsForSync = (db: Db): Promise<AccountForSync[]> =>
  db
    .selectFrom('accounts')
    .select([
      'id',
      'login_id',
      'staff_id',
      'source',
      'external_id',
      'display_name',
      'disabled_at',
      'disabled_reason',
      'privileged',
      'kind',
    ])
    .execute();

export interface StaffForSync {
  readonly id: string;
  readonly employee_number: string;
  readonly unit_id: string;
  readonly name_kanji: string;
  readonly start_date: string;
  readonly end_date: string | null;
}

export const staffForSync = (db: Db): Promise<StaffForSync[]> =>
  db
    .selectFrom('staff')
    .select(['id', 'employee_number', 'unit_id', 'name_kanji', 'start_date', 'end_date'])
    .execute();

export const directoryGroups = (db: Db, source: string): Promise<DirectoryGroupTable[]> =>
  db.selectFrom('directory_groups').selectAll().where('source', '=', source).orderBy('name').execute();

export const insertDirectoryGroup = async (db: Db, row: DirectoryGroupTable): Promise<void> => {
  await db.insertInto('directory_groups').values(row).execute();
};

export const updateDirectoryGroup = async (
  db: Db,
  id: string,
  changes: Partial<Omit<DirectoryGroupTable, 'id' | 'source' | 'external_id'>>,
): Promise<void> => {
  await db.updateTable('directory_groups').set(changes).where('id', '=', id).execute();
};

export const insertSyncRun = async (db: Db, row: DirectorySyncRunTable): Promise<void> => {
  await db.insertInto('directory_sync_runs').values(row).execute();
};

export const listSyncRuns = (db: Db, source: string, limit: number): Promise<DirectorySyncRunTable[]> =>
  db
    .selectFrom('directory_sync_runs')
    .selectAll()
    .where('source', '=', source)
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();

export const findSyncRun = (db: Db, id: string): Promise<DirectorySyncRunTable | undefined> =>
  db.selectFrom('directory_sync_runs').selectAll().where('id', '=', id).executeTakeFirst();

/** The latest run that read the directory (ok or refused), for the schedule. */
export const lastSyncStart = async (db: Db, source: string): Promise<string | null> => {
  const row = await db
    .selectFrom('directory_sync_runs')
    .select('started_at')
    .where('source', '=', source)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.started_at ?? null;
};
