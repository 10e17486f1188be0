import { z } from 'zod';
import {
  AppError,
  defineQuery,
  defineUseCase,
  requirePermission,
  type JsonValue,
} from '../../../kernel/index.js';
import type { OidcSettingsView, SsoInfoView } from '../../../shared/directory-api-types.js';
import { refuseContractor } from '../privileged-guard.js';
import { resolveSecretInput, secretView } from '../secret-input.js';
import type { SecretBox } from '../secret-box.js';
import { loadOidcSettings, saveOidcSettings } from './oidc.repository.js';
import { oidcSettingsInput, type OidcSettings } from './oidc.schema.js';
import { CLIENT_SECRET_PURPOSE } from './oidc-sign-in.js';

export const OIDC_CALLBACK_PATH = '/api/identity/oidc/callback';
export const OIDC_START_PATH = '/api/identity/oidc/start';

/** The OIDC settings (how the client secret is kept, never the secret) and the redirect URI to register. */
export const getOidcSettings = defineQuery({
  name: 'identity.getOidcSettings',
  input: z.object({ redirectUri: z.string().max(500) }).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'identity.manageSettings'),
  execute: async (ctx, input): Promise<OidcSettingsView> => {
    const { settings, saved } = await loadOidcSettings(ctx.database.db);
    return {
      settings: { ...settings, clientSecret: secretView(settings.clientSecret) },
      saved,
      redirectUri: input.redirectUri,
    };
  },
});

/** What the sign-in page needs: the provider's name when single sign-on is on. Public. */
export const getSsoInfo = defineQuery({
  name: 'identity.getSsoInfo',
  input: z.object({}).strict(),
  authorize: () => undefined,
  execute: async (ctx): Promise<SsoInfoView> => {
    const { settings, saved } = await loadOidcSettings(ctx.database.db);
    const on = saved && settings.enabled;
    return {
      oidc: on ? { name: { ja: settings.nameJa, en: settings.nameEn }, startUrl: OIDC_START_PATH } : null,
      passwordSignIn: on ? settings.passwordSignIn : 'everyone',
    };
  },
});

const changes = (before: OidcSettings, after: OidcSettings): Record<string, JsonValue> => {
  const flat = (s: OidcSettings): Record<string, JsonValue> => {
    const { clientSecret, ...rest } = s;
    return {
      ...rest,
      clientSecret: clientSecret.kind === 'file' ? `file:${clientSecret.path}` : clientSecret.kind,
    };
  };
  const a = flat(before);
  const b = flat(after);
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(b))
    if (a[key] !== b[key]) out[key] = { from: a[key] ?? null, to: b[key] ?? null };
  if (
    before.clientSecret.kind === 'sealed' &&
    after.clientSecret.kind === 'sealed' &&
    before.clientSecret.sealed !== after.clientSecret.sealed
  )
    out['clientSecret'] = 'replaced';
  return out;
};

/**
 * Saves the OIDC settings (a typed client secret sealed first). Turning password sign-in off for staff IDs needs
 * single sign-on on: local passwords then remain for privileged IDs, the break-glass accounts (第7 2(1)ウ).
 */
export const updateOidcSettings = (deps: { readonly secrets: SecretBox }) =>
  defineUseCase({
    name: 'identity.updateOidcSettings',
    input: oidcSettingsInput,
    authorize: (ctx) => {
      refuseContractor(ctx.actor);
      requirePermission(ctx.actor, 'identity.manageSettings');
    },
    execute: async (ctx, input, tx) => {
      if (input.passwordSignIn === 'privilegedOnly' && !input.enabled) {
        const message = {
          ja: 'パスワードでのサインインを特権IDに限るには、シングルサインオンを有効にしてください。',
          en: 'Limiting password sign-in to privileged IDs needs single sign-on turned on.',
        };
        throw new AppError('validation', message, { issues: [{ field: 'passwordSignIn', message }] });
      }
      const { settings: before } = await loadOidcSettings(tx);
      const after: OidcSettings = {
        ...input,
        clientSecret: resolveSecretInput(
          deps.secrets,
          input.clientSecret,
          before.clientSecret,
          CLIENT_SECRET_PURPOSE,
        ),
      };
      await saveOidcSettings(tx, after, ctx.clock.now().toISOString());
      return {
        result: { saved: true },
        ledger: [
          {
            kind: 'identity.oidcSettingsChanged',
            subject: 'identity:oidc',
            payload: { changes: changes(before, after) },
          },
        ],
      };
    },
  });
