/** Display names for identity codes the server sends (presets, guides). */
import type { TFunction } from 'i18next';

export const presetIds = [
  'kawaguchiStandard',
  'kawaguchiPrivileged',
  'mhlwLong',
  'mhlwPeriodic',
  'mhlwTwoFactor',
  'nist80063b4',
] as const;
export type PresetId = (typeof presetIds)[number];

const isPreset = (v: string): v is PresetId => (presetIds as readonly string[]).includes(v);

export const presetLabel = (t: TFunction, preset: string): string =>
  isPreset(preset) ? t(`identity.preset.${preset}`) : preset;

export const guideLabel = (t: TFunction, guide: 'nist' | 'mhlw' | 'standard'): string =>
  t(`identity.settings.guide_${guide}`);
