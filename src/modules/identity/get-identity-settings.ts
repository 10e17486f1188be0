import { z } from 'zod';
import { defineQuery, requirePermission } from '../../kernel/index.js';
import type { IdentitySettingsView } from '../../shared/api-types.js';
import { blocklistSize } from './password-blocklist.js';
import { identitySettingsSchema, presets } from './password-profiles.js';
import { departuresOf } from './profile-departures.js';
import { loadIdentitySettings } from './settings.repository.js';
import { privilegedProblems } from './update-identity-settings.js';

/** The settings in force, the presets to choose from, and where each class's profile departs from NIST or MHLW. */
export const getIdentitySettings = defineQuery({
  name: 'identity.getSettings',
  input: z.object({}).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageSettings'),
  execute: async (ctx): Promise<IdentitySettingsView> => {
    const settings = await loadIdentitySettings(ctx.database.db);
    return {
      settings,
      presets: { ...presets },
      departures: {
        standard: departuresOf(settings.profiles.standard),
        privileged: departuresOf(settings.profiles.privileged),
      },
      blocklistSize: blocklistSize(),
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
