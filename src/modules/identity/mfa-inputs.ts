import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import type { RelyingParty, SecondFactorProof } from './second-factor.js';

export const rpSchema = z.object({
  rpId: z.string().min(1).max(253),
  origin: z.string().min(1).max(300),
  name: z.string(),
});

/** A WebAuthn response as the browser sends it (its inner structure is checked by @simplewebauthn/server). */
export const credentialJsonSchema = z
  .object({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal('public-key'),
    response: z.record(z.string(), z.unknown()),
    clientExtensionResults: z.record(z.string(), z.unknown()).optional(),
    authenticatorAttachment: z.string().max(40).nullable().optional(),
  })
  .strict();

const credentialMessage = {
  ja: 'セキュリティキーの応答の形式が正しくありません。',
  en: 'The security key’s answer is malformed.',
};

export const assertionSchema = z.custom<AuthenticationResponseJSON>(
  (v) => credentialJsonSchema.safeParse(v).success,
  { params: credentialMessage },
);
export const attestationSchema = z.custom<RegistrationResponseJSON>(
  (v) => credentialJsonSchema.safeParse(v).success,
  { params: credentialMessage },
);

/** The proof of a second factor given to a use case: a code, or a WebAuthn assertion. */
export const proofFields = {
  code: z.string().max(64).nullable().default(null),
  webauthn: assertionSchema.nullable().default(null),
};

/** The same in a request body (documented in OpenAPI). */
export const proofBody = z
  .object({
    code: z.string().max(64).nullable().optional(),
    webauthn: credentialJsonSchema.nullable().optional(),
  })
  .strict();

/** A request body's proof, for the use case (which checks the WebAuthn part again). */
export const proofFromBody = (
  body: z.output<typeof proofBody>,
): { code: string | null; webauthn: AuthenticationResponseJSON | null } => ({
  code: body.code ?? null,
  webauthn: (body.webauthn ?? null) as unknown as AuthenticationResponseJSON | null,
});

export const proofOf = (input: {
  code: string | null;
  webauthn: AuthenticationResponseJSON | null;
}): SecondFactorProof | null =>
  input.webauthn !== null
    ? { kind: 'webauthn', response: input.webauthn }
    : input.code !== null && input.code.trim() !== ''
      ? { kind: 'code', code: input.code }
      : null;

export type { RelyingParty };
