import type { AccountTable, Bilingual } from '../../kernel/index.js';
import type { PasswordProfile } from './password-profiles.js';

/** Why a password must be changed before anything else. */
export type PasswordReason = 'temporary' | 'expired' | 'signInCount' | 'reset' | 'compromised';

const DAY_MS = 86_400_000;

/**
 * Whether this sign-in (the `signIns`-th since the last change) makes the password due: by age or by number of
 * sign-ins (第6 4(2)(オ) 定期的に、又はアクセス回数に基づいて変更).
 */
export const dueReason = (
  profile: PasswordProfile,
  account: Pick<AccountTable, 'password_changed_at'>,
  signIns: number,
  now: Date,
): PasswordReason | null => {
  if (
    profile.maxAgeDays !== null &&
    now.getTime() - new Date(account.password_changed_at).getTime() >= profile.maxAgeDays * DAY_MS
  )
    return 'expired';
  if (profile.maxSignIns !== null && signIns > profile.maxSignIns) return 'signInCount';
  return null;
};

/** When the password falls due by age, for the notice after sign-in; null when it never does. */
export const passwordDueAt = (
  profile: PasswordProfile,
  account: Pick<AccountTable, 'password_changed_at'>,
): string | null =>
  profile.maxAgeDays === null
    ? null
    : new Date(new Date(account.password_changed_at).getTime() + profile.maxAgeDays * DAY_MS).toISOString();

/** The message that stops every other request until the password is changed. */
export const passwordChangeMessage = (reason: PasswordReason | null): Bilingual => {
  switch (reason) {
    case 'expired':
      return {
        ja: 'パスワードの有効期限が過ぎました。続けるにはパスワードを変更してください（第6 4(2)(オ)）。',
        en: 'Your password has expired. Change it to continue (第6 4(2)(オ)).',
      };
    case 'signInCount':
      return {
        ja: 'サインイン回数が上限に達しました。続けるにはパスワードを変更してください（第6 4(2)(オ)）。',
        en: 'You have reached the number of sign-ins allowed for one password. Change it to continue (第6 4(2)(オ)).',
      };
    case 'compromised':
      return {
        ja: '心当たりのないサインインが報告されました。続けるにはパスワードを変更してください（第6 4(2)(エ)）。',
        en: 'A sign-in you did not recognise was reported. Change your password to continue (第6 4(2)(エ)).',
      };
    case 'reset':
    case 'temporary':
    case null:
      return {
        ja: '仮のパスワードです。続けるにはパスワードを変更してください（第7 2(3)イ）。',
        en: 'This is a temporary password. Change it to continue (7-2(3)b).',
      };
  }
};
