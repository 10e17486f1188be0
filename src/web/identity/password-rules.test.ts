import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-rules.js';

const rules = { minLength: 12, maxLength: 256, requireMixed: false, rejectPersonalInfo: true };
const base = {
  loginId: 'demo-staff',
  currentPassword: 'Temporary-0001',
  newPassword: '',
  confirmPassword: '',
};

describe('password rules in the browser (the profile sent with the session)', () => {
  it('accepts a long password that differs from the current one and omits the login ID', () => {
    const p = 'Sakura-Kawaguchi-2026';
    expect(passwordProblems(rules, { ...base, newPassword: p, confirmPassword: p })).toEqual([]);
  });

  it('counts characters, not UTF-16 units, for the minimum length', () => {
    const p = 'さくらさくら弥生の空は見渡す'; // 14 characters
    expect(passwordProblems(rules, { ...base, newPassword: p, confirmPassword: p })).toEqual([]);
    expect(passwordProblems(rules, { ...base, newPassword: '短い', confirmPassword: '短い' })).toEqual([
      'tooShort',
    ]);
  });

  it('follows the profile: a longer minimum, and mixed characters under the MHLW profiles', () => {
    const p = 'correct horse battery';
    const mhlw = { ...rules, minLength: 13, requireMixed: true };
    expect(passwordProblems(mhlw, { ...base, newPassword: p, confirmPassword: p })).toEqual(['notMixed']);
    const privileged = { ...rules, minLength: 16 };
    expect(
      passwordProblems(privileged, { ...base, newPassword: 'Sakura-2026!', confirmPassword: 'Sakura-2026!' }),
    ).toEqual(['tooShort']);
  });

  it('rejects the login ID in any case, the current password, and a mismatched confirmation', () => {
    const withId = 'xxDEMO-STAFFxx-2026';
    expect(passwordProblems(rules, { ...base, newPassword: withId, confirmPassword: withId })).toEqual([
      'containsLoginId',
    ]);
    const same = {
      currentPassword: 'Same-Password-123',
      newPassword: 'Same-Password-123',
      confirmPassword: 'Same-Password-123',
    };
    expect(passwordProblems(rules, { ...base, ...same })).toEqual(['sameAsCurrent']);
    expect(
      passwordProblems(rules, {
        ...base,
        newPassword: 'Sakura-Kawaguchi-2026',
        confirmPassword: 'Sakura-Kawaguchi-2027',
      }),
    ).toEqual(['mismatch']);
  });
});
