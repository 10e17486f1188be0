import { AppError, type Actor, type AppContext } from '../../../kernel/index.js';
import { looksLikeScimToken, scimTokenHash } from './scim-token.js';
import { findScimTokenByHash, touchScimToken } from './scim-tokens.repository.js';

const refused = (): AppError =>
  new AppError('unauthenticated', {
    ja: 'SCIMのベアラートークンが正しくないか、失効しています。',
    en: 'The SCIM bearer token is missing, wrong or revoked.',
  });

/**
 * The HR system behind a bearer token: acts as the personnel office (人事管理部門) for the whole hospital, and
 * is named in the ledger as `system:scim:<token id>`. Unknown, malformed and revoked tokens get one answer.
 */
export const scimActorOf = async (app: AppContext, authorization: string | undefined): Promise<Actor> => {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const token = match?.[1];
  if (token === undefined || !looksLikeScimToken(token)) throw refused();
  const row = await findScimTokenByHash(app.database.db, scimTokenHash(token));
  if (row === undefined || row.revoked_at !== null) throw refused();
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
