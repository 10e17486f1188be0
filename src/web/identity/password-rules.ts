/**
 * The password rules the server enforces today (第7 2(3)), checked in the browser first so the person sees them
 * before sending. The server remains the authority; its issues (field newPassword) are shown as well.
 */
export const MIN_PASSWORD_LENGTH = 12;

export type PasswordProblem = 'tooShort' | 'containsLoginId' | 'sameAsCurrent' | 'mismatch';

export const passwordProblems = (input: {
  loginId: string;
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}): PasswordProblem[] => {
  const problems: PasswordProblem[] = [];
  const next = input.newPassword;
  if (Array.from(next).length < MIN_PASSWORD_LENGTH) problems.push('tooShort');
  const id = input.loginId.trim().toLowerCase();
  if (id !== '' && next.toLowerCase().includes(id)) problems.push('containsLoginId');
  if (next !== '' && next === input.currentPassword) problems.push('sameAsCurrent');
  if (input.confirmPassword !== next) problems.push('mismatch');
  return problems;
};
