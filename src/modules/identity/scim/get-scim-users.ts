import { z } from 'zod';
import { defineQuery } from '../../../kernel/index.js';
import { scimError } from './scim-errors.js';
import { authorizeScim, scimUserOrNotFound } from './scim-guard.js';
import { scimUserView } from './scim-user-view.js';
import { findScimUsers, type ScimFilter } from './scim-users.repository.js';
import { SCIM_ENTERPRISE, SCIM_LIST, scimListQuery } from './scim.schema.js';

export const getScimUser = defineQuery({
  name: 'identity.scimGetUser',
  input: z.object({ id: z.string().min(1).max(64), baseUrl: z.string().max(300) }).strict(),
  authorize: (ctx) => authorizeScim(ctx),
  execute: async (ctx, input) =>
    scimUserView(await scimUserOrNotFound(ctx.database.db, input.id), input.baseUrl),
});

const filterPattern = /^\s*([A-Za-z0-9:._-]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i;

/** `userName eq "…"`, `externalId eq "…"` or `…:employeeNumber eq "…"`; anything else is refused (§3.4.2.2). */
export const parseScimFilter = (filter: string | undefined): ScimFilter => {
  if (filter === undefined || filter.trim() === '') return null;
  const m = filterPattern.exec(filter);
  const attribute = (m?.[1] ?? '').toLowerCase();
  const value = (m?.[2] ?? '').replace(/\\(.)/g, '$1');
  if (attribute === 'username') return { attribute: 'userName', value };
  if (attribute === 'externalid') return { attribute: 'externalId', value };
  if (attribute === 'employeenumber' || attribute === `${SCIM_ENTERPRISE}:employeeNumber`.toLowerCase())
    return { attribute: 'employeeNumber', value };
  throw scimError(
    'validation',
    {
      ja: 'filter は userName・externalId・employeeNumber の eq のみ使えます（例: userName eq "taro"）。',
      en: 'filter supports eq on userName, externalId or employeeNumber only (e.g. userName eq "taro").',
    },
    'invalidFilter',
    'filter',
  );
};

/** GET /Users (RFC 7644 §3.4.2): a ListResponse, 1-based startIndex, at most 200 a page. */
export const listScimUsers = defineQuery({
  name: 'identity.scimListUsers',
  input: scimListQuery.extend({ baseUrl: z.string().max(300) }).strict(),
  authorize: (ctx) => authorizeScim(ctx),
  execute: async (ctx, input) => {
    const { rows, total } = await findScimUsers(ctx.database.db, parseScimFilter(input.filter), {
      offset: input.startIndex - 1,
      limit: input.count,
    });
    return {
      schemas: [SCIM_LIST],
      totalResults: total,
      itemsPerPage: rows.length,
      startIndex: input.startIndex,
      Resources: rows.map((r) => scimUserView(r, input.baseUrl)),
    };
  },
});
