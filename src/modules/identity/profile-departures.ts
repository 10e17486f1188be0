import type { Bilingual } from '../../kernel/index.js';
import type { PasswordProfile } from './password-profiles.js';

/** Where a profile departs from a guide, what the guide says, and why it matters or why the choice was made. */
export interface Departure {
  readonly guide: 'nist' | 'mhlw' | 'standard';
  readonly field: keyof PasswordProfile;
  readonly what: Bilingual;
  readonly why: Bilingual;
}

const d = (
  guide: Departure['guide'],
  field: keyof PasswordProfile,
  what: [string, string],
  why: [string, string],
): Departure => ({ guide, field, what: { ja: what[0], en: what[1] }, why: { ja: why[0], en: why[1] } });

const nist = (p: PasswordProfile): Departure[] => {
  const out: Departure[] = [];
  if (!p.mfaRequired && p.minLength < 15)
    out.push(
      d(
        'nist',
        'minLength',
        [
          `単一要素のパスワードは15文字以上とされています（この設定は${String(p.minLength)}文字）。`,
          `Single-factor passwords must be at least 15 characters (this profile: ${String(p.minLength)}).`,
        ],
        [
          '短いパスワードはオフラインでの総当たりに弱くなります。二要素認証を必須にすれば8文字以上で適合します。',
          'Short passwords fall to offline guessing sooner; with a second factor required, 8 is enough.',
        ],
      ),
    );
  if (p.requireMixed)
    out.push(
      d(
        'nist',
        'requireMixed',
        ['文字種の組合せを強制してはならないとされています。', 'Composition rules SHALL NOT be imposed.'],
        [
          '厚生労働省ガイドラインは英数字・記号の混在を求めるため、その選択肢に合わせています。利用者は予測しやすい置換（a→@）に頼りがちです。',
          'Chosen to meet the MHLW guideline, which asks for mixed characters; people tend to predictable substitutions (a→@).',
        ],
      ),
    );
  if (p.maxAgeDays !== null || p.maxSignIns !== null)
    out.push(
      d(
        'nist',
        p.maxAgeDays !== null ? 'maxAgeDays' : 'maxSignIns',
        [
          '定期的な変更を求めてはならず、漏えいの兆候があるときに変更させるとされています。',
          'Periodic changes SHALL NOT be required; change only on evidence of compromise.',
        ],
        [
          '第6 4(2)(オ)が定期的又はアクセス回数に基づく変更を求めるため、本基準に従っています。頻繁な変更は弱いパスワードを招きやすくなります。',
          'The standard (第6 4(2)(オ)) requires change by time or number of sign-ins, so the profile follows it; frequent changes tend to produce weaker passwords.',
        ],
      ),
    );
  if (!p.blocklist)
    out.push(
      d(
        'nist',
        'blocklist',
        [
          'よく使われる・漏えいしたパスワードの一覧と照合しなければならないとされています。',
          'Passwords SHALL be checked against a blocklist of common and compromised values.',
        ],
        [
          '一覧にあるパスワードは最初に試されます。',
          'Blocklisted passwords are the first ones attackers try.',
        ],
      ),
    );
  if (p.lockoutThreshold > 100)
    out.push(
      d(
        'nist',
        'lockoutThreshold',
        ['連続失敗は100回以下に制限するとされています。', 'Consecutive failures SHALL be limited to 100.'],
        ['オンラインでの推測を許します。', 'It allows online guessing.'],
      ),
    );
  if (p.idleMinutes > 60)
    out.push(
      d(
        'nist',
        'idleMinutes',
        [
          'AAL2では無操作60分で再認証とされています。',
          'At AAL2, reauthenticate after 60 minutes of inactivity.',
        ],
        [
          '共用端末で離席した画面が使われるおそれがあります。',
          'A session left open on a shared terminal may be used by someone else.',
        ],
      ),
    );
  return out;
};

/** The MHLW guideline's three options: 13+ mixed; 8+ mixed changed within 2 months; 8+ mixed with two factors. */
const mhlw = (p: PasswordProfile): Departure[] => {
  const long = p.requireMixed && p.minLength >= 13;
  const periodic = p.requireMixed && p.minLength >= 8 && p.maxAgeDays !== null && p.maxAgeDays <= 60;
  const twoFactor = p.requireMixed && p.minLength >= 8 && p.mfaRequired;
  if (long || periodic || twoFactor) return [];
  const field: keyof PasswordProfile = p.requireMixed ? 'minLength' : 'requireMixed';
  return [
    d(
      'mhlw',
      field,
      [
        `次のいずれも満たしていません: 英数字・記号混在の13文字以上／8文字以上で2か月以内の定期変更／8文字以上と二要素認証（この設定: ${String(p.minLength)}文字、混在${p.requireMixed ? 'あり' : 'なし'}、変更${p.maxAgeDays === null ? 'なし' : `${String(p.maxAgeDays)}日`}、二要素${p.mfaRequired ? 'あり' : 'なし'}）。`,
        `Meets none of: 13+ mixed characters; 8+ mixed changed within 2 months; 8+ mixed with two factors (this profile: ${String(p.minLength)} characters, mixed ${p.requireMixed ? 'yes' : 'no'}, change ${p.maxAgeDays === null ? 'none' : `${String(p.maxAgeDays)} days`}, two factors ${p.mfaRequired ? 'yes' : 'no'}).`,
      ],
      [
        '医療情報システムの安全管理に関するガイドラインの確認事項として監査・立入検査で指摘されます。長さと一覧照合で補っている場合は、その理由を記録してください。',
        'Inspections against the MHLW guideline will note it; if length and the blocklist compensate, record the reasoning.',
      ],
    ),
  ];
};

/** What the standard itself asks (第6 4(2)(オ)); the privileged rules of 7-2(1)ウ(エ) are refused outright. */
const standard = (p: PasswordProfile): Departure[] => {
  const out: Departure[] = [];
  if (p.maxAgeDays === null && p.maxSignIns === null)
    out.push(
      d(
        'standard',
        'maxAgeDays',
        [
          '第6 4(2)(オ)は、パスワードを定期的に又はアクセス回数に基づいて変更することを求めています。',
          '第6 4(2)(オ) requires change periodically or by number of sign-ins.',
        ],
        [
          'この設定にするには第8 5の例外措置として承認を得てください。',
          'Choosing this needs an approved exception under 第8 5.',
        ],
      ),
    );
  return out;
};

export const departuresOf = (profile: PasswordProfile): Departure[] => [
  ...standard(profile),
  ...nist(profile),
  ...mhlw(profile),
];
