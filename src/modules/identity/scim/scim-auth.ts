import { z } from 'zod';
import {
  AppError,
  anonymousActor,
  defineUseCase,
  type Actor,
  type AppContext,
} from '../../../kernel/index.js';
import { looksLikeScimToken, scimTokenHash } from './scim-token.js';
import { findScimTokenByHash, touchScimToken } from './scim-tokens.repository.js';

const refused = (): AppError =>
  new AppError('unauthenticated', {
    ja: 'SCIMのベアラートークンが正しくないか、失効しています。',
    en: 'The SCIM bearer token is missing, wrong or revoked.',
  });

const refusalReasons = ['missing', 'malformed', 'unknown', 'revoked'] as const;

/**
 * A refused bearer token is a rejected attempt, on the ledger like a failed sign-in (issue 4): the address, why,
 * and the token's id when it names a revoked one (never the token). The route's rate limit bounds how many.
 */
const recordScimRefusal = defineUseCase({
  name: 'identity.scimRefused',
  input: z
    .object({
      reason: z.enum(refusalReasons),
      ip: z.string().max(64).nullable(),
      tokenId: z.string().nullable(),
    })
    .strict(),
  authorize: () => undefined, // anyone may be refused
  execute: (_ctx, input) =>
    Promise.resolve({
      result: undefined,
      ledger: [
        {
          kind: 'identity.scimRefused',
          subject: input.tokenId === null ? `address:${input.ip ?? ''}` : `scimToken:${input.tokenId}`,
          payload: { reason: input.reason, ip: input.ip },
        },
      ],
    }),
});

/**
 * The HR system behind a bearer token: acts as the personnel office (人事管理部門) for the whole hospital, and
 * is named in the ledger as `system:scim:<token id>`. Unknown, malformed and revoked tokens get one answer.
 */
export const scimActorOf = async (
  app: AppContext,
  authorization: string | undefined,
  ip: string | null = null,
): Promise<Actor> => {
  const refuse = async (
    reason: (typeof refusalReasons)[number],
    tokenId: string | null = null,
  ): Promise<never> => {
    await recordScimRefusal({ ...app, actor: anonymousActor }, { reason, ip, tokenId });
    throw refused();
  };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const token = match?.[1];
  if (token === undefined) return refuse('missing');
  if (!looksLikeScimToken(token)) return refuse('malformed');
  const row = await findScimTokenByHash(app.database.db, scimTokenHash(token));
  if (row === undefined) return refuse('unknown');
  if (row.revoked_at !== null) return refuse('revoked', row.id);
  await touchScimToken(app.database.db, row.id, app.clock.now().toISOString());
  return {
    kind: 'system',
    accountId: null,
    staffId: null,
    unitId: null,
    loginId: `system:scim:${row.id}`,
    systemRole: null,
    category: null,
    grants: [{ role: 'personnelOffice', unitId: null, via: 'assignment', sourceId: `scimToken:${row.id}` }],
  };
};
