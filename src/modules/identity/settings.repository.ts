import { AppError, effectiveParameters, type Db, type EffectiveParameter } from '../../kernel/index.js';
import { withParametersInForce } from './kawaguchi-profiles.js';
import {
  defaultIdentitySettings,
  identitySettingsSchema,
  type IdentitySettings,
} from './password-profiles.js';

const POLICY_KEY = 'policy';

/**
 * The identity settings in force: the stored ones, or the Kawaguchi defaults before anyone changed them, with the
 * Kawaguchi profiles' numbers taken from the pack's parameters in force (read here unless the caller has them).
 */
export const loadIdentitySettings = async (
  db: Db,
  inForce?: ReadonlyMap<string, EffectiveParameter>,
): Promise<IdentitySettings> => {
  const parameters = inForce ?? (await effectiveParameters(db));
  return withParametersInForce(await loadStoredSettings(db), (key) => parameters.get(key)?.value);
};

const loadStoredSettings = async (db: Db): Promise<IdentitySettings> => {
  const row = await db
    .selectFrom('identity_settings')
    .select('value')
    .where('key', '=', POLICY_KEY)
    .executeTakeFirst();
  if (!row) return defaultIdentitySettings;
  const parsed = identitySettingsSchema.safeParse(JSON.parse(row.value));
  if (!parsed.success)
    throw new AppError(
      'configuration',
      {
        ja: '保存されている認証設定が読み取れません。設定画面から保存し直してください。',
        en: 'The stored identity settings cannot be read. Save them again from the settings screen.',
      },
      { internal: parsed.error.message },
    );
  return parsed.data;
};

export const saveIdentitySettings = async (
  db: Db,
  settings: IdentitySettings,
  now: string,
): Promise<void> => {
  await saveSetting(db, POLICY_KEY, JSON.stringify(settings), now);
};

export const readSetting = async (db: Db, key: string): Promise<string | undefined> =>
  (await db.selectFrom('identity_settings').select('value').where('key', '=', key).executeTakeFirst())?.value;

export const saveSetting = async (db: Db, key: string, value: string, now: string): Promise<void> => {
  const updated = await db
    .updateTable('identity_settings')
    .set({ value, updated_at: now })
    .where('key', '=', key)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n)
    await db.insertInto('identity_settings').values({ key, value, updated_at: now }).execute();
};
