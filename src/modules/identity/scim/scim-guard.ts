import { requirePermission, type Db, type UseCaseContext } from '../../../kernel/index.js';
import { scimError } from './scim-errors.js';
import { findScimUser, type ScimUserRow } from './scim-users.repository.js';

/** SCIM acts as the personnel office: the import's permission (an HR system's token holds that role). */
export const authorizeScim = (ctx: UseCaseContext): void =>
  requirePermission(ctx.actor, 'identity.importPersonnel');

export const scimUserOrNotFound = async (tx: Db, id: string): Promise<ScimUserRow> => {
  const user = await findScimUser(tx, id);
  if (user === undefined)
    throw scimError('notFound', { ja: 'ユーザーが見つかりません。', en: 'No such User.' }, 'noTarget', 'id');
  return user;
};
