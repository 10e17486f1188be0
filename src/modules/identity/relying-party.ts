import type { FastifyRequest } from 'fastify';
import type { RelyingParty } from './second-factor.js';

/**
 * The WebAuthn relying party: the configured public URL when there is one (behind a proxy), else the address the
 * browser used. The browser signs the origin it really is at, so a forged Host header gains nothing: a key
 * registered for the hospital's host never answers a challenge for another.
 */
export const relyingParty = (request: FastifyRequest, publicUrl: string | undefined): RelyingParty => {
  const origin = publicUrl ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`;
  const url = new URL(origin);
  return { rpId: url.hostname, origin: url.origin, name: 'Mamori' };
};
