import type { PasswordRulesView } from '../../shared/api-types.js';

/**
 * The rules of the person's password profile (sent by the server with the session), checked in the browser first
 * so the person sees them before sending. The server remains the authority: the blocklist, the name and the
 * history are checked there only, and its issues (field newPassword) are shown as well.
 */
export type PasswordProblem =
  'tooShort' | 'tooLong' | 'notMixed' | 'containsLoginId' | 'sameAsCurrent' | 'mismatch';

const length = (s: string): number => Array.from(s.normalize('NFKC')).length;

export const isMixed = (s: string): boolean => {
  const n = s.normalize('NFKC');
  return /\p{L}/u.test(n) && /\d/.test(n) && /[^\p{L}\d]/u.test(n);
};

export const passwordProblems = (
  rules: Pick<PasswordRulesView, 'minLength' | 'maxLength' | 'requireMixed' | 'rejectPersonalInfo'>,
  input: { loginId: string; currentPassword: string; newPassword: string; confirmPassword: string },
): PasswordProblem[] => {
  const problems: PasswordProblem[] = [];
  const next = input.newPassword;
  if (length(next) < rules.minLength) problems.push('tooShort');
  if (length(next) > rules.maxLength) problems.push('tooLong');
  if (rules.requireMixed && !isMixed(next)) problems.push('notMixed');
  const id = input.loginId.trim().toLowerCase();
  if (rules.rejectPersonalInfo && id.length >= 3 && next.normalize('NFKC').toLowerCase().includes(id))
    problems.push('containsLoginId');
  if (next !== '' && next.normalize('NFKC') === input.currentPassword.normalize('NFKC'))
    problems.push('sameAsCurrent');
  if (input.confirmPassword !== next) problems.push('mismatch');
  return problems;
};
