import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-rules.js';

const base = {
  loginId: 'demo-staff',
  currentPassword: 'Temporary-0001',
  newPassword: '',
  confirmPassword: '',
};

describe('password rules', () => {
  it('accepts a long password that differs from the current one and omits the login ID', () => {
    const p = 'Sakura-Kawaguchi-2026';
    expect(passwordProblems({ ...base, newPassword: p, confirmPassword: p })).toEqual([]);
  });

  it('counts characters, not UTF-16 units, for the minimum length', () => {
    const p = 'さくらさくら弥生の空は見渡す'; // 14 characters
    expect(passwordProblems({ ...base, newPassword: p, confirmPassword: p })).toEqual([]);
    expect(passwordProblems({ ...base, newPassword: '短い', confirmPassword: '短い' })).toEqual(['tooShort']);
  });

  it('rejects the login ID in any case, the current password, and a mismatched confirmation', () => {
    const withId = 'xxDEMO-STAFFxx-2026';
    expect(passwordProblems({ ...base, newPassword: withId, confirmPassword: withId })).toEqual([
      'containsLoginId',
    ]);
    const same = {
      currentPassword: 'Same-Password-123',
      newPassword: 'Same-Password-123',
      confirmPassword: 'Same-Password-123',
    };
    expect(passwordProblems({ ...base, ...same })).toEqual(['sameAsCurrent']);
    expect(
      passwordProblems({
        ...base,
        newPassword: 'Sakura-Kawaguchi-2026',
        confirmPassword: 'Sakura-Kawaguchi-2027',
      }),
    ).toEqual(['mismatch']);
  });
});
