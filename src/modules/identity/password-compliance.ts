import { bi, type Bilingual } from '../../kernel/index.js';
import { evidence, type ClauseEvaluator, type ClauseFinding, type EvidenceItem } from '../policy/index.js';
import type { PasswordProfile } from './password-profiles.js';
import { loadIdentitySettings } from './settings.repository.js';

/**
 * 第6 4(2)(ウ)(オ), 第7 2(1)ウ(エ), 第7 2(3)ア and 第7 2(4) judged from what Mamori enforces: the password profile of each
 * account class in the identity settings, against the pack's parameters in force (the hospital's values, changed
 * only through the committee, 第9 3). A profile at least as strict as every parameter meets the clause; each value
 * that falls short is a finding naming both numbers. One read of the settings.
 */

interface Check {
  readonly key: string;
  readonly label: Bilingual;
  /** What the profile enforces, as shown. */
  readonly enforced: string;
  /** What the parameter in force asks, as shown. */
  readonly required: string;
  readonly ok: boolean;
}

type Param = (key: string) => unknown;

const num = (param: Param, key: string): number | null => {
  const v = param(key);
  return typeof v === 'number' ? v : null;
};

/** A check of one parameter, or none when the pack does not set it. */
const atLeast = (
  param: Param,
  key: string,
  label: Bilingual,
  enforced: number | null,
  higherIsStricter: boolean,
): Check[] => {
  const required = num(param, key);
  if (required === null) return [];
  const ok = enforced !== null && (higherIsStricter ? enforced >= required : enforced <= required);
  return [
    {
      key,
      label,
      enforced: enforced === null ? '—' : String(enforced),
      required: String(required),
      ok,
    },
  ];
};

const flag = (param: Param, key: string, label: Bilingual, enforced: boolean): Check[] => {
  const required = param(key);
  if (typeof required !== 'boolean') return [];
  return [{ key, label, enforced: String(enforced), required: String(required), ok: enforced || !required }];
};

/** 英字・数字・記号の混在 = three character classes; without it, one. */
const classesOf = (p: PasswordProfile): number => (p.requireMixed ? 3 : 1);

const staffLength = (s: PasswordProfile, param: Param): Check[] => [
  ...atLeast(param, 'identity.passwordMinLength', bi('最小文字数', 'minimum length'), s.minLength, true),
  ...atLeast(
    param,
    'identity.passwordMinCharacterClasses',
    bi('文字種の数', 'character classes'),
    classesOf(s),
    true,
  ),
  ...flag(
    param,
    'identity.passwordRejectCommon',
    bi('推測されやすいパスワードの拒否', 'common passwords refused'),
    s.blocklist,
  ),
];

const staffChange = (s: PasswordProfile, param: Param): Check[] => [
  // 定期的に、又はアクセス回数に基づいて: a change by number of sign-ins meets the clause as well as one by age.
  ...(s.maxSignIns !== null && s.maxAgeDays === null
    ? []
    : atLeast(
        param,
        'identity.passwordMaxAge',
        bi('有効期間（日）', 'maximum age (days)'),
        s.maxAgeDays,
        false,
      )),
  ...atLeast(
    param,
    'identity.passwordHistory',
    bi('再利用禁止の世代数', 'passwords remembered'),
    s.historyCount,
    true,
  ),
];

const privilegedRules = (p: PasswordProfile, param: Param): Check[] => [
  ...atLeast(
    param,
    'identity.privilegedPasswordMinLength',
    bi('特権IDの最小文字数', 'privileged minimum length'),
    p.minLength,
    true,
  ),
  ...atLeast(
    param,
    'identity.privilegedPasswordMaxAge',
    bi('特権IDの有効期間（日）', 'privileged maximum age (days)'),
    p.maxAgeDays,
    false,
  ),
  ...atLeast(
    param,
    'identity.privilegedLockoutAttempts',
    bi('特権IDの入力回数制限', 'privileged attempts before lockout'),
    p.lockoutThreshold,
    false,
  ),
  ...flag(
    param,
    'identity.privilegedMfaRequired',
    bi('特権IDの二要素認証', 'privileged second factor'),
    p.mfaRequired,
  ),
];

const lockout = (s: PasswordProfile, param: Param): Check[] => [
  ...atLeast(
    param,
    'identity.lockoutAttempts',
    bi('入力回数制限', 'attempts before lockout'),
    s.lockoutThreshold,
    false,
  ),
  ...atLeast(
    param,
    'identity.lockoutDuration',
    bi('ロック時間（分）', 'lockout (minutes)'),
    s.lockoutMinutes,
    true,
  ),
];

const privilegedSession = (p: PasswordProfile, param: Param): Check[] =>
  atLeast(
    param,
    'identity.privilegedSessionMax',
    bi('特権IDの接続時間（分）', 'privileged session (minutes)'),
    p.absoluteMinutes,
    false,
  );

const finding = (clauseId: string, profile: Bilingual, checks: readonly Check[]): ClauseFinding => {
  const items: EvidenceItem[] = checks.map((c) =>
    evidence({
      kind: 'check',
      type: 'PasswordPolicy',
      ref: `parameter:${c.key}`,
      label: bi(
        `${c.label.ja}: 設定 ${c.enforced}／基準 ${c.required}`,
        `${c.label.en}: enforced ${c.enforced}, in force ${c.required}`,
      ),
      ok: c.ok,
    }),
  );
  const short = checks.filter((c) => !c.ok);
  if (checks.length === 0)
    return {
      clauseId,
      status: 'notYetEvaluable',
      reason: bi('この条項のパラメータがパックにありません。', 'The pack sets no parameter for this clause.'),
      evidence: [],
    };
  return {
    clauseId,
    status: short.length === 0 ? 'met' : short.length === checks.length ? 'notMet' : 'partlyMet',
    reason:
      short.length === 0
        ? bi(
            `${profile.ja}のプロファイルは基準の値（${String(checks.length)}項目）をすべて満たしています。`,
            `The ${profile.en} profile meets every value in force (${String(checks.length)}).`,
          )
        : bi(
            `${profile.ja}のプロファイルが基準に届いていません: ${short.map((c) => `${c.label.ja}（設定 ${c.enforced}／基準 ${c.required}）`).join('、')}。`,
            `The ${profile.en} profile falls short of the values in force: ${short.map((c) => `${c.label.en} (enforced ${c.enforced}, in force ${c.required})`).join('; ')}.`,
          ),
    evidence: items,
  };
};

export const passwordPolicyEvaluator: ClauseEvaluator = {
  id: 'identity.passwordPolicy',
  module: 'identity',
  clauseIds: ['6.4.2.c', '6.4.2.e', '7.2.1.c.d', '7.2.3.a', '7.2.4'],
  evaluate: async (ctx) => {
    const { profiles } = await loadIdentitySettings(ctx.db);
    const param: Param = (key) => ctx.parameter(key);
    const staff = bi('職員', 'staff');
    const privileged = bi('特権ID', 'privileged');
    return [
      finding('6.4.2.c', staff, staffLength(profiles.standard, param)),
      finding('6.4.2.e', staff, staffChange(profiles.standard, param)),
      finding('7.2.1.c.d', privileged, privilegedRules(profiles.privileged, param)),
      finding('7.2.3.a', staff, lockout(profiles.standard, param)),
      finding('7.2.4', privileged, privilegedSession(profiles.privileged, param)),
    ];
  },
};
