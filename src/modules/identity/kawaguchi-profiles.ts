import {
  presets,
  type AccountClass,
  type IdentitySettings,
  type PasswordProfile,
  type PresetId,
} from './password-profiles.js';

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

const kawaguchiPreset: Readonly<Record<AccountClass, PresetId>> = {
  standard: 'kawaguchiStandard',
  privileged: 'kawaguchiPrivileged',
};

/** The parameter a Kawaguchi profile's field follows, if any (the settings screen shows these as set by the pack). */
export const parameterOfField = (klass: AccountClass, field: keyof PasswordProfile): string | undefined =>
  fromParameters[klass][field];

/** The value a profile's field takes from a parameter's value, or undefined when the value cannot set it. */
const fieldValue = (field: string, value: unknown): number | boolean | undefined => {
  // 英字・数字・記号の混在: two or more character classes required means mixed.
  if (field === 'requireMixed') return typeof value === 'number' ? value >= 2 : undefined;
  return typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
};

/** A profile with the values of the parameters in force, when it is the class's Kawaguchi profile. */
const overlay = (
  klass: AccountClass,
  profile: PasswordProfile,
  valueOf: (key: string) => unknown,
): PasswordProfile => {
  if (profile.preset !== kawaguchiPreset[klass]) return profile;
  const next: Record<string, unknown> = { ...profile };
  for (const [field, key] of Object.entries(fromParameters[klass])) {
    const value = fieldValue(field, valueOf(key));
    if (value !== undefined) next[field] = value;
  }
  return next as PasswordProfile;
};

/**
 * What the settings screen shows read-only for a class (第9 3: changed by a request to the committee): its
 * Kawaguchi preset and each field the parameters in force set in it, with the parameter's key.
 */
export const packSetFields = (
  klass: AccountClass,
  valueOf: (key: string) => unknown,
): { preset: PresetId; fields: [keyof PasswordProfile, string][] } => ({
  preset: kawaguchiPreset[klass],
  fields: Object.entries(fromParameters[klass])
    .filter(([field, key]) => fieldValue(field, valueOf(key)) !== undefined)
    .map(([field, key]) => [field as keyof PasswordProfile, key]),
});

/** The presets offered, the Kawaguchi ones with the values in force, so choosing one again saves as it is. */
export const presetsInForce = (valueOf: (key: string) => unknown): Record<PresetId, PasswordProfile> => ({
  ...presets,
  kawaguchiStandard: overlay('standard', presets.kawaguchiStandard, valueOf),
  kawaguchiPrivileged: overlay('privileged', presets.kawaguchiPrivileged, valueOf),
});

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
