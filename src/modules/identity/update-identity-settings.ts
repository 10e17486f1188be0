import {
  AppError,
  defineUseCase,
  effectiveParameters,
  requirePermission,
  type FieldIssue,
  type JsonValue,
} from '../../kernel/index.js';
import { fieldsSetByPack } from './kawaguchi-profiles.js';
import { identitySettingsSchema, type IdentitySettings } from './password-profiles.js';
import { refuseContractor } from './privileged-guard.js';
import { loadIdentitySettings, saveIdentitySettings } from './settings.repository.js';

const problem = (field: string, ja: string, en: string): FieldIssue => ({ field, message: { ja, en } });

/**
 * Privileged IDs must be held to more than staff IDs (第7 2(1)ウ(エ)): a shorter change period, fewer attempts,
 * MFA, a connection time no longer than staff's (7-2(4)), and passwords no shorter.
 */
export const privilegedProblems = (settings: IdentitySettings): FieldIssue[] => {
  const { standard: s, privileged: p } = settings.profiles;
  const out: FieldIssue[] = [];
  const at = (field: string) => `profiles.privileged.${field}`;
  if (p.maxAgeDays === null || (s.maxAgeDays !== null && p.maxAgeDays >= s.maxAgeDays))
    out.push(
      problem(
        at('maxAgeDays'),
        `特権IDの変更周期は職員のID（${s.maxAgeDays === null ? 'なし' : `${String(s.maxAgeDays)}日`}）より短くしてください（第7 2(1)ウ(エ)）。`,
        `Privileged IDs need a shorter change period than staff IDs (${s.maxAgeDays === null ? 'none' : `${String(s.maxAgeDays)} days`}) (第7 2(1)ウ(エ)).`,
      ),
    );
  if (p.lockoutThreshold >= s.lockoutThreshold)
    out.push(
      problem(
        at('lockoutThreshold'),
        `特権IDの入力回数制限は職員のID（${String(s.lockoutThreshold)}回）より少なくしてください（第7 2(1)ウ(エ)）。`,
        `Privileged IDs need fewer allowed attempts than staff IDs (${String(s.lockoutThreshold)}) (第7 2(1)ウ(エ)).`,
      ),
    );
  if (!p.mfaRequired)
    out.push(
      problem(
        at('mfaRequired'),
        '特権IDには多要素認証が必要です（第7 2(1)ウ(エ)）。',
        'Privileged IDs require multi-factor authentication (第7 2(1)ウ(エ)).',
      ),
    );
  if (p.minLength < s.minLength)
    out.push(
      problem(
        at('minLength'),
        `特権IDのパスワードは職員のID（${String(s.minLength)}文字）以上の長さにしてください。`,
        `Privileged passwords may not be shorter than staff passwords (${String(s.minLength)}).`,
      ),
    );
  if (p.absoluteMinutes > s.absoluteMinutes || p.idleMinutes > s.idleMinutes)
    out.push(
      problem(
        at(p.absoluteMinutes > s.absoluteMinutes ? 'absoluteMinutes' : 'idleMinutes'),
        '特権による接続時間は職員のID以下に制限してください（第7 2(4)）。',
        'Privileged connection time may not exceed staff sessions (第7 2(4)).',
      ),
    );
  return out;
};

const changedFields = (before: IdentitySettings, after: IdentitySettings): Record<string, JsonValue> => {
  const out: Record<string, JsonValue> = {};
  const flat = (v: IdentitySettings): Record<string, unknown> => ({
    ...Object.fromEntries(Object.entries(v.profiles.standard).map(([k, x]) => [`standard.${k}`, x])),
    ...Object.fromEntries(Object.entries(v.profiles.privileged).map(([k, x]) => [`privileged.${k}`, x])),
    ...Object.fromEntries(Object.entries(v.address).map(([k, x]) => [`address.${k}`, x])),
    unusedDays: v.unusedDays,
  });
  const a = flat(before);
  const b = flat(after);
  for (const key of Object.keys(b))
    if (a[key] !== b[key]) out[key] = { from: a[key] as JsonValue, to: b[key] as JsonValue };
  return out;
};

/** Changes the password profiles, address limits and the unused-ID period; the change is on the ledger. */
export const updateIdentitySettings = defineUseCase({
  name: 'identity.updateSettings',
  input: identitySettingsSchema,
  authorize: (ctx) => {
    refuseContractor(ctx.actor);
    requirePermission(ctx.actor, 'identity.manageSettings');
  },
  execute: async (ctx, input, tx) => {
    const parameters = await effectiveParameters(tx);
    const issues = [
      ...fieldsSetByPack(input, (key) => parameters.get(key)?.value).map(([klass, field, key, value]) =>
        problem(
          `profiles.${klass}.${field}`,
          `この値は対策基準のパラメータ ${key}（現在 ${String(value)}）に従います。変更は情報化推進会議への申請（第9 3）で行ってください。`,
          `This value follows the policy parameter ${key} (now ${String(value)}); change it through a request to the committee (第9 3).`,
        ),
      ),
      ...privilegedProblems(input),
    ];
    const [first] = issues;
    if (first) throw new AppError('validation', first.message, { issues });
    const before = await loadIdentitySettings(tx);
    await saveIdentitySettings(tx, input, ctx.clock.now().toISOString());
    return {
      result: input,
      ledger: [
        {
          kind: 'identity.settingsChanged',
          subject: 'identity:settings',
          payload: { changes: changedFields(before, input) },
        },
      ],
    };
  },
});
