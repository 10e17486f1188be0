import type { FieldIssue } from '../../kernel/index.js';
import { romajiSpellings } from './kana-romaji.js';
import { isBlocklisted } from './password-blocklist.js';
import { MAX_PASSWORD_LENGTH, type PasswordProfile } from './password-profiles.js';

/** Who the password belongs to: none of this may appear inside it (第6 4(2)(ウ)). */
export interface PasswordOwner {
  readonly loginId: string;
  readonly nameKanji: string | null;
  readonly nameKana: string | null;
  readonly employeeNumber: string | null;
}

export type PasswordRule =
  | 'tooShort'
  | 'tooLong'
  | 'notMixed'
  | 'blocklisted'
  | 'containsLoginId'
  | 'containsName'
  | 'containsEmployeeNumber';

/** Passwords are compared after NFKC, so full-width and half-width input are the same password. */
export const normalizePassword = (password: string): string => password.normalize('NFKC');

export const passwordLength = (password: string): number => Array.from(normalizePassword(password)).length;

const message = (rule: PasswordRule, profile: PasswordProfile): { ja: string; en: string } => {
  switch (rule) {
    case 'tooShort':
      return {
        ja: `${String(profile.minLength)}文字以上で入力してください。`,
        en: `Must be at least ${String(profile.minLength)} characters.`,
      };
    case 'tooLong':
      return {
        ja: `${String(MAX_PASSWORD_LENGTH)}文字以内で入力してください。`,
        en: `Must be at most ${String(MAX_PASSWORD_LENGTH)} characters.`,
      };
    case 'notMixed':
      return {
        ja: '英字・数字・記号をそれぞれ1文字以上含めてください。',
        en: 'Use at least one letter, one digit and one symbol.',
      };
    case 'blocklisted':
      return {
        ja: 'よく使われる、または漏えいしたことのあるパスワード・推測されやすい並びです（第6 4(2)(ウ)）。',
        en: 'This is a common or breached password or an easily guessed pattern (第6 4(2)(ウ)).',
      };
    case 'containsLoginId':
      return {
        ja: 'パスワードにログインIDを含めないでください。',
        en: 'The password must not contain the login ID.',
      };
    case 'containsName':
      return {
        ja: 'パスワードに氏名（漢字・かな・ローマ字）を含めないでください（第6 4(2)(ウ)）。',
        en: 'The password must not contain your name, in kanji, kana or romaji (第6 4(2)(ウ)).',
      };
    case 'containsEmployeeNumber':
      return {
        ja: 'パスワードに職員番号を含めないでください。',
        en: 'The password must not contain your employee number.',
      };
  }
};

/** Pieces of a name worth checking: each part of the kanji and kana name, in kana and romaji. */
const nameParts = (owner: PasswordOwner): string[] => {
  const parts: string[] = [];
  for (const part of (owner.nameKanji ?? '').split(/[\s\u3000]+/)) {
    if (Array.from(part).length >= 2) parts.push(part);
  }
  for (const part of (owner.nameKana ?? '').split(/[\s\u3000]+/)) {
    if (Array.from(part).length < 2) continue;
    parts.push(part);
    // ひらがな and カタカナ both
    parts.push(part.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60)));
    parts.push(part.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)));
    for (const r of romajiSpellings(part)) if (r.length >= 3) parts.push(r);
  }
  return parts.map((p) => p.normalize('NFKC').toLowerCase());
};

/** The rules a new password breaks under a profile (history is checked separately: it needs the hashes). */
export const brokenRules = (
  profile: PasswordProfile,
  password: string,
  owner: PasswordOwner,
): PasswordRule[] => {
  const normalized = normalizePassword(password);
  const lower = normalized.toLowerCase();
  const length = Array.from(normalized).length;
  const rules: PasswordRule[] = [];
  if (length < profile.minLength) rules.push('tooShort');
  if (length > MAX_PASSWORD_LENGTH) rules.push('tooLong');
  if (
    profile.requireMixed &&
    !(/\p{L}/u.test(normalized) && /\d/.test(normalized) && /[^\p{L}\d]/u.test(normalized))
  )
    rules.push('notMixed');
  if (profile.blocklist && isBlocklisted(normalized)) rules.push('blocklisted');
  if (profile.rejectPersonalInfo) {
    const id = owner.loginId.trim().toLowerCase();
    if (id.length >= 3 && lower.includes(id)) rules.push('containsLoginId');
    if (nameParts(owner).some((p) => lower.includes(p))) rules.push('containsName');
    const number = owner.employeeNumber?.toLowerCase() ?? '';
    if (number.length >= 4 && lower.includes(number)) rules.push('containsEmployeeNumber');
  }
  return rules;
};

export const passwordIssues = (
  profile: PasswordProfile,
  password: string,
  owner: PasswordOwner,
  field = 'newPassword',
): FieldIssue[] =>
  brokenRules(profile, password, owner).map((rule) => ({ field, message: message(rule, profile) }));
