import { contextOf, type MamoriApp } from '../../kernel/index.js';
import { getIdentitySettings, previewIdentitySettings } from './get-identity-settings.js';
import { identitySettingsSchema } from './password-profiles.js';
import { updateIdentitySettings } from './update-identity-settings.js';

/** Administration of identity: the password profiles and limits. */
export const registerIdentityAdminRoutes = (app: MamoriApp): void => {
  app.get(
    '/api/identity/settings',
    {
      config: { action: 'identity.manageSettings' },
      schema: { tags: ['identity'], summary: 'Password profiles, limits, and departures from NIST and MHLW' },
    },
    (request) => getIdentitySettings(contextOf(request), {}),
  );

  app.put(
    '/api/identity/settings',
    {
      config: { action: 'identity.manageSettings' },
      schema: { tags: ['identity'], summary: 'Change the identity settings', body: identitySettingsSchema },
    },
    async (request) => {
      await updateIdentitySettings(contextOf(request), request.body);
      return getIdentitySettings(contextOf(request), {});
    },
  );

  app.post(
    '/api/identity/settings/preview',
    {
      config: { action: 'identity.manageSettings' },
      schema: {
        tags: ['identity'],
        summary: 'Departures and refusals of settings not yet saved (changes nothing)',
        body: identitySettingsSchema,
      },
    },
    (request) => previewIdentitySettings(contextOf(request), request.body),
  );
};
