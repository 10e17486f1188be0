import { z } from 'zod';
import {
  defineQuery,
  effectiveParameters,
  requirePermission,
  shippedPolicyPack,
  type EffectiveParameter,
} from '../../kernel/index.js';
import type { IdentitySettingsView, PackSetFieldView } from '../../shared/api-types.js';
import { packSetFields, presetsInForce } from './kawaguchi-profiles.js';
import { blocklistSize } from './password-blocklist.js';
import { identitySettingsSchema, type AccountClass } from './password-profiles.js';
import { departuresOf } from './profile-departures.js';
import { loadIdentitySettings } from './settings.repository.js';
import { privilegedProblems } from './update-identity-settings.js';

/** A class's fields set by the pack, each with its parameter as the parameters screen names it (第9 3). */
const packSetOf = (
  klass: AccountClass,
  inForce: ReadonlyMap<string, EffectiveParameter>,
): IdentitySettingsView['packSet'][AccountClass] => {
  const pack = shippedPolicyPack();
  const { preset, fields } = packSetFields(klass, (key) => inForce.get(key)?.value);
  return {
    preset,
    fields: fields.flatMap(([field, key]): PackSetFieldView[] => {
      const entry = inForce.get(key);
      if (entry === undefined || field === 'preset') return [];
      return [
        {
          field,
          parameterKey: key,
          clause: pack.byId.get(entry.clauseId)?.displayId ?? entry.clauseId,
          labelJa: entry.parameter.labelJa,
          labelEn: entry.parameter.labelEn,
        },
      ];
    }),
  };
};

/**
 * The settings in force, the presets to choose from, where each class's profile departs from NIST or MHLW, and
 * which fields of the Kawaguchi profiles the pack's parameters set (the screen shows those read-only).
 */
export const getIdentitySettings = defineQuery({
  name: 'identity.getSettings',
  input: z.object({}).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageSettings'),
  execute: async (ctx): Promise<IdentitySettingsView> => {
    const inForce = await effectiveParameters(ctx.database.db);
    const settings = await loadIdentitySettings(ctx.database.db, inForce);
    return {
      settings,
      presets: presetsInForce((key) => inForce.get(key)?.value),
      departures: {
        standard: departuresOf(settings.profiles.standard),
        privileged: departuresOf(settings.profiles.privileged),
      },
      blocklistSize: blocklistSize(),
      packSet: { standard: packSetOf('standard', inForce), privileged: packSetOf('privileged', inForce) },
    };
  },
});

/** Departures and refusals of settings not yet saved, so the screen can show them while they are edited. */
export const previewIdentitySettings = defineQuery({
  name: 'identity.previewSettings',
  input: identitySettingsSchema,
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageSettings'),
  execute: (_ctx, input) =>
    Promise.resolve({
      departures: {
        standard: departuresOf(input.profiles.standard),
        privileged: departuresOf(input.profiles.privileged),
      },
      problems: privilegedProblems(input).map((p) => ({ field: p.field, message: p.message })),
    }),
});
