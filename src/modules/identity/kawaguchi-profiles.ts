import type { AccountClass, IdentitySettings, PasswordProfile } from './password-profiles.js';

/**
 * The Kawaguchi profiles take these values from the policy pack's parameters in force (第6 4(2), 第7 2(1)ウ(エ),
 * 第7 2(3)ア, 第7 2(4)): the hospital's numbers live in one place, and a change the committee approves (第9 3,
 * `policy.change`) applies to the next sign-in. The other fields, and the MHLW and NIST profiles, stay as set.
 */
const fromParameters: Readonly<Record<AccountClass, Partial<Record<keyof PasswordProfile, string>>>> = {
  standard: {
    minLength: 'identity.passwordMinLength',
    requireMixed: 'identity.passwordMinCharacterClasses',
    blocklist: 'identity.passwordRejectCommon',
    maxAgeDays: 'identity.passwordMaxAge',
    historyCount: 'identity.passwordHistory',
    lockoutThreshold: 'identity.lockoutAttempts',
    lockoutMinutes: 'identity.lockoutDuration',
  },
  privileged: {
    minLength: 'identity.privilegedPasswordMinLength',
    requireMixed: 'identity.passwordMinCharacterClasses',
    blocklist: 'identity.passwordRejectCommon',
    maxAgeDays: 'identity.privilegedPasswordMaxAge',
    historyCount: 'identity.passwordHistory',
    lockoutThreshold: 'identity.privilegedLockoutAttempts',
    mfaRequired: 'identity.privilegedMfaRequired',
    absoluteMinutes: 'identity.privilegedSessionMax',
  },
};

const kawaguchiPreset: Readonly<Record<AccountClass, PasswordProfile['preset']>> = {
  standard: 'kawaguchiStandard',
  privileged: 'kawaguchiPrivileged',
};

/** The parameter a Kawaguchi profile's field follows, if any (the settings screen shows these as set by the pack). */
export const parameterOfField = (klass: AccountClass, field: keyof PasswordProfile): string | undefined =>
  fromParameters[klass][field];

/** A profile with the values of the parameters in force, when it is the class's Kawaguchi profile. */
const overlay = (
  klass: AccountClass,
  profile: PasswordProfile,
  valueOf: (key: string) => unknown,
): PasswordProfile => {
  if (profile.preset !== kawaguchiPreset[klass]) return profile;
  const next: Record<string, unknown> = { ...profile };
  for (const [field, key] of Object.entries(fromParameters[klass])) {
    const value = valueOf(key);
    if (field === 'requireMixed') {
      // 英字・数字・記号の混在: two or more character classes required means mixed.
      if (typeof value === 'number') next[field] = value >= 2;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      next[field] = value;
    }
  }
  return next as PasswordProfile;
};

export const withParametersInForce = (
  settings: IdentitySettings,
  valueOf: (key: string) => unknown,
): IdentitySettings => ({
  ...settings,
  profiles: {
    standard: overlay('standard', settings.profiles.standard, valueOf),
    privileged: overlay('privileged', settings.profiles.privileged, valueOf),
  },
});

/**
 * The fields of a Kawaguchi profile in `wanted` that differ from the values in force: these are the pack's to set,
 * through the committee (第9 3), not the settings screen's. `[class, field, parameter key, value in force]`.
 */
export const fieldsSetByPack = (
  wanted: IdentitySettings,
  valueOf: (key: string) => unknown,
): [AccountClass, keyof PasswordProfile, string, unknown][] => {
  const inForce = withParametersInForce(wanted, valueOf);
  const out: [AccountClass, keyof PasswordProfile, string, unknown][] = [];
  for (const klass of ['standard', 'privileged'] as const) {
    for (const [field, key] of Object.entries(fromParameters[klass])) {
      const f = field as keyof PasswordProfile;
      if (wanted.profiles[klass][f] !== inForce.profiles[klass][f])
        out.push([klass, f, key, inForce.profiles[klass][f]]);
    }
  }
  return out;
};
