import { z } from 'zod';
import { secretInput, storedSecretSchema } from '../secret-input.js';

/**
 * Single sign-on with the hospital's OpenID Connect provider (inside the hospital network). Stored as JSON in
 * identity_settings. Local accounts stay for break-glass use under the privileged profile (第7 2(1)ウ).
 */
const bilingual = (ja: string, en: string) => ({ params: { ja, en } });

export const oidcMatchBy = ['loginId', 'employeeNumber', 'directoryId'] as const;
export type OidcMatchBy = (typeof oidcMatchBy)[number];
export const passwordSignInModes = ['everyone', 'privilegedOnly'] as const;

const loopback = (host: string): boolean =>
  host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);

/** https, or http only to this machine (a provider on the same host, or a test). */
const issuerUrl = z
  .string()
  .trim()
  .max(300)
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (
          (u.protocol === 'https:' || (u.protocol === 'http:' && loopback(u.hostname))) &&
          u.search === '' &&
          u.hash === '' &&
          u.username === ''
        );
      } catch {
        return false;
      }
    },
    bilingual(
      '発行者（issuer）は https:// のURLで指定してください（例: https://sso.hospital.local/realms/staff）。',
      'The issuer must be an https:// URL (e.g. https://sso.hospital.local/realms/staff).',
    ),
  );

const common = {
  enabled: z.boolean(),
  /** The name on the sign-in button, e.g. 院内統合認証. */
  nameJa: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(60),
  issuer: issuerUrl,
  clientId: z.string().trim().min(1).max(200),
  /** openid is always asked for; these come in addition (space-separated). */
  scopes: z
    .string()
    .trim()
    .max(300)
    .refine(
      (v) => v === '' || /^[\w:./-]+( [\w:./-]+)*$/.test(v),
      bilingual('スコープは空白区切りで入力してください。', 'Scopes are separated by spaces.'),
    ),
  /** The ID token claim that names the person. */
  claim: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine(
      (v) => /^[\w:.-]+$/.test(v),
      bilingual('クレーム名は英数字と _ : . - です。', 'A claim name uses letters, digits and _ : . -'),
    ),
  matchBy: z.enum(oidcMatchBy),
  passwordSignIn: z.enum(passwordSignInModes),
};

export const oidcSettingsSchema = z.object({ ...common, clientSecret: storedSecretSchema }).strict();
export type OidcSettings = z.output<typeof oidcSettingsSchema>;

export const oidcSettingsInput = z.object({ ...common, clientSecret: secretInput }).strict();
export type OidcSettingsInput = z.output<typeof oidcSettingsInput>;

export const defaultOidcSettings: OidcSettings = {
  enabled: false,
  nameJa: '院内統合認証',
  nameEn: 'hospital single sign-on',
  issuer: 'https://sso.hospital.local/realms/staff',
  clientId: 'mamori',
  clientSecret: { kind: 'none' },
  scopes: 'profile',
  claim: 'preferred_username',
  matchBy: 'loginId',
  passwordSignIn: 'everyone',
};
