/**
 * The browser's side of WebAuthn without a library: the server's options (JSON, base64url) become the
 * ArrayBuffers navigator.credentials expects, and the credential comes back as JSON for the server to verify.
 */
const fromB64url = (s: string): ArrayBuffer => {
  const b64 = s
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(s.length / 4) * 4, '=');
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
};

const toB64url = (buf: ArrayBuffer): string => {
  const bytes = new Uint8Array(buf);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

interface CredentialDescriptorJSON {
  id: string;
  type?: string;
  transports?: string[];
}

export interface CreationOptionsJSON {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: { alg: number; type: string }[];
  timeout?: number;
  excludeCredentials?: CredentialDescriptorJSON[];
  authenticatorSelection?: AuthenticatorSelectionCriteria;
  attestation?: AttestationConveyancePreference;
}

export interface RequestOptionsJSON {
  challenge: string;
  rpId?: string;
  timeout?: number;
  allowCredentials?: CredentialDescriptorJSON[];
  userVerification?: UserVerificationRequirement;
}

const descriptor = (d: CredentialDescriptorJSON): PublicKeyCredentialDescriptor => ({
  id: fromB64url(d.id),
  type: 'public-key',
  ...(d.transports === undefined ? {} : { transports: d.transports as AuthenticatorTransport[] }),
});

export const webauthnSupported = (): boolean =>
  typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';

export const createCredential = async (options: CreationOptionsJSON): Promise<Record<string, unknown>> => {
  const credential = (await navigator.credentials.create({
    publicKey: {
      challenge: fromB64url(options.challenge),
      rp: options.rp,
      user: { ...options.user, id: fromB64url(options.user.id) },
      pubKeyCredParams: options.pubKeyCredParams.map((p) => ({ alg: p.alg, type: 'public-key' as const })),
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
      excludeCredentials: (options.excludeCredentials ?? []).map(descriptor),
      ...(options.authenticatorSelection === undefined
        ? {}
        : { authenticatorSelection: options.authenticatorSelection }),
      attestation: options.attestation ?? 'none',
    },
  })) as PublicKeyCredential | null;
  if (credential === null) throw new Error('no credential');
  const response = credential.response as AuthenticatorAttestationResponse;
  return {
    id: credential.id,
    rawId: toB64url(credential.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: toB64url(response.clientDataJSON),
      attestationObject: toB64url(response.attestationObject),
      transports: response.getTransports(),
    },
    clientExtensionResults: {},
  };
};

export const getAssertion = async (options: RequestOptionsJSON): Promise<Record<string, unknown>> => {
  const credential = (await navigator.credentials.get({
    publicKey: {
      challenge: fromB64url(options.challenge),
      ...(options.rpId === undefined ? {} : { rpId: options.rpId }),
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
      allowCredentials: (options.allowCredentials ?? []).map(descriptor),
      userVerification: options.userVerification ?? 'preferred',
    },
  })) as PublicKeyCredential | null;
  if (credential === null) throw new Error('no credential');
  const response = credential.response as AuthenticatorAssertionResponse;
  return {
    id: credential.id,
    rawId: toB64url(credential.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: toB64url(response.clientDataJSON),
      authenticatorData: toB64url(response.authenticatorData),
      signature: toB64url(response.signature),
      ...(response.userHandle === null ? {} : { userHandle: toB64url(response.userHandle) }),
    },
    clientExtensionResults: {},
  };
};
