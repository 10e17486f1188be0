import { z } from 'zod';
import { contextOf, type MamoriApp } from '../../kernel/index.js';
import { getIdentitySettings, previewIdentitySettings } from './get-identity-settings.js';
import { listLockouts } from './list-lockouts.js';
import { listSignInReports } from './list-sign-in-reports.js';
import { identitySettingsSchema } from './password-profiles.js';
import { unlockAccount } from './unlock-account.js';
import { unlockAddress } from './unlock-address.js';
import { updateIdentitySettings } from './update-identity-settings.js';

const unlockAccountBody = z
  .object({ accountId: z.string().min(1).max(64), reason: z.string().max(500) })
  .strict();
const unlockAddressBody = z.object({ ip: z.string().min(1).max(64), reason: z.string().max(500) }).strict();

/** Administration of identity: the password profiles and limits, lockouts. */
export const registerIdentityAdminRoutes = (app: MamoriApp): void => {
  app.get(
    '/api/identity/sign-in-reports',
    {
      config: { action: 'identity.readReports' },
      schema: { tags: ['identity'], summary: '"This was not me" reports (7-2(2), 6-4(2)(エ))' },
    },
    (request) => listSignInReports(contextOf(request), {}),
  );

  app.get(
    '/api/identity/lockouts',
    {
      config: { action: 'identity.unlock' },
      schema: { tags: ['identity'], summary: 'Locked accounts and addresses (in force and of the last day)' },
    },
    (request) => listLockouts(contextOf(request), {}),
  );

  app.post(
    '/api/identity/lockouts/account',
    {
      config: { action: 'identity.unlock' },
      schema: {
        tags: ['identity'],
        summary: 'Unlock an account (recorded with the reason)',
        body: unlockAccountBody,
      },
    },
    (request) => unlockAccount(contextOf(request), request.body),
  );

  app.post(
    '/api/identity/lockouts/address',
    {
      config: { action: 'identity.unlock' },
      schema: {
        tags: ['identity'],
        summary: 'Unblock an address (recorded with the reason)',
        body: unlockAddressBody,
      },
    },
    (request) => unlockAddress(contextOf(request), request.body),
  );

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
