import { z } from 'zod';
import { defineUseCase } from '../../../kernel/index.js';
import { applyScimChanges, type ScimChanges } from './scim-apply.js';
import { scimError } from './scim-errors.js';
import { authorizeScim, scimUserOrNotFound } from './scim-guard.js';
import { SCIM_ENTERPRISE, scimPatchSchema } from './scim.schema.js';

type Mutable = { -readonly [K in keyof ScimChanges]: ScimChanges[K] };

const badPath = (path: string) =>
  scimError(
    'validation',
    {
      ja: `変更できない属性です: ${path}（active・department・externalId・userName のみ）。`,
      en: `Not a path Mamori changes: ${path} (active, department, externalId, userName only).`,
    },
    'invalidPath',
    'Operations',
  );

const badValue = (path: string) =>
  scimError(
    'validation',
    { ja: `${path} の値が正しくありません。`, en: `Invalid value for ${path}.` },
    'invalidValue',
    path,
  );

/** Azure AD and others send "True"/"False" as text for booleans; accept both. */
const booleanOf = (path: string, v: unknown): boolean => {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  throw badValue(path);
};

const stringOf = (path: string, v: unknown): string => {
  if (typeof v === 'string' && v.trim() !== '' && v.length <= 200) return v.trim();
  throw badValue(path);
};

/** One attribute of a patch, by path (attribute names are case-insensitive, RFC 7643 §2.1). */
const setPath = (changes: Mutable, op: string, rawPath: string, value: unknown): void => {
  const path = rawPath.toLowerCase();
  if (op === 'remove') {
    if (path === 'externalid') changes.externalId = null;
    else throw badPath(rawPath);
    return;
  }
  if (path === 'active') changes.active = booleanOf('active', value);
  else if (path === 'department' || path === `${SCIM_ENTERPRISE}:department`.toLowerCase())
    changes.department = stringOf('department', value);
  else if (path === 'externalid') changes.externalId = stringOf('externalId', value);
  else if (path === 'username') changes.userName = stringOf('userName', value);
  else throw badPath(rawPath);
};

/**
 * PATCH /Users/{id} (RFC 7644 §3.5.2): `add` and `replace` of active, department (plain or with the enterprise
 * schema's URN), externalId and userName, with a path or as a value object; `remove` of externalId.
 */
export const patchScimUser = defineUseCase({
  name: 'identity.scimPatchUser',
  input: z.object({ id: z.string().min(1).max(64), patch: scimPatchSchema }).strict(),
  authorize: (ctx) => authorizeScim(ctx),
  execute: async (ctx, { id, patch }, tx) => {
    const current = await scimUserOrNotFound(tx, id);
    const changes: Mutable = {};
    for (const operation of patch.Operations) {
      const op = operation.op.toLowerCase();
      if (op !== 'add' && op !== 'replace' && op !== 'remove')
        throw scimError(
          'validation',
          { ja: `不明な操作です: ${operation.op}`, en: `Unknown op: ${operation.op}` },
          'invalidSyntax',
          'Operations',
        );
      if (operation.path !== undefined) {
        setPath(changes, op, operation.path, operation.value);
        continue;
      }
      const value = operation.value;
      if (op === 'remove' || typeof value !== 'object' || value === null || Array.isArray(value))
        throw badPath('(none)');
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        if (key === SCIM_ENTERPRISE && typeof v === 'object' && v !== null) {
          for (const [inner, x] of Object.entries(v as Record<string, unknown>))
            setPath(changes, op, `${SCIM_ENTERPRISE}:${inner}`, x);
        } else setPath(changes, op, key, v);
      }
    }
    const ledger = await applyScimChanges(ctx, tx, current, changes);
    return {
      result: { id },
      ledger: [
        {
          kind: 'identity.scimUserPatched',
          subject: `account:${id}`,
          payload: { operations: patch.Operations.length, paths: Object.keys(changes) },
        },
        ...ledger,
      ],
    };
  },
});
