import { AppError, type Db, type OidcLoginTable } from '../../../kernel/index.js';
import { readSetting, saveSetting } from '../settings.repository.js';
import { defaultOidcSettings, oidcSettingsSchema, type OidcSettings } from './oidc.schema.js';

const OIDC_KEY = 'oidc';

export const loadOidcSettings = async (db: Db): Promise<{ settings: OidcSettings; saved: boolean }> => {
  const raw = await readSetting(db, OIDC_KEY);
  if (raw === undefined) return { settings: defaultOidcSettings, saved: false };
  const parsed = oidcSettingsSchema.safeParse(JSON.parse(raw));
  if (!parsed.success)
    throw new AppError(
      'configuration',
      {
        ja: '保存されているシングルサインオンの設定が読み取れません。設定画面から保存し直してください。',
        en: 'The stored single sign-on settings cannot be read. Save them again from the settings screen.',
      },
      { internal: parsed.error.message },
    );
  return { settings: parsed.data, saved: true };
};

export const saveOidcSettings = (db: Db, settings: OidcSettings, now: string): Promise<void> =>
  saveSetting(db, OIDC_KEY, JSON.stringify(settings), now);

export const insertOidcLogin = async (db: Db, row: OidcLoginTable): Promise<void> => {
  await db.insertInto('oidc_logins').values(row).execute();
};

export const findOidcLogin = (db: Db, id: string): Promise<OidcLoginTable | undefined> =>
  db.selectFrom('oidc_logins').selectAll().where('id', '=', id).executeTakeFirst();

/** Marks a sign-in in progress used; false when it was used already (a replayed callback). */
export const claimOidcLogin = async (db: Db, id: string, at: string): Promise<boolean> => {
  const r = await db
    .updateTable('oidc_logins')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};
