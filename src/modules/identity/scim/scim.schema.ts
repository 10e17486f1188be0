import { z } from 'zod';

/** SCIM 2.0 (RFC 7643 schemas, RFC 7644 protocol) identifiers. */
export const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const SCIM_ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
/** Mamori's extension: what a hospital's staff record needs and SCIM's core lacks (the name in kana). */
export const SCIM_MAMORI = 'urn:mamori:params:scim:schemas:extension:hospital:2.0:User';
export const SCIM_LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const SCIM_PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

const str = (max: number) => z.string().trim().max(max);
const multiValued = z
  .array(z.looseObject({ value: str(200), primary: z.boolean().optional(), type: z.string().optional() }))
  .max(20);

/**
 * A User as an HR system sends it (create and replace). Unknown and read-only attributes (id, meta, groups…) are
 * ignored as RFC 7644 §3.3 allows; what Mamori keeps is checked again as a personnel row.
 */
export const scimUserSchema = z.looseObject({
  schemas: z.array(z.string()).optional(),
  userName: str(64).min(1),
  externalId: str(200).nullish(),
  name: z
    .looseObject({
      formatted: str(100).optional(),
      familyName: str(60).optional(),
      givenName: str(60).optional(),
    })
    .optional(),
  displayName: str(100).optional(),
  active: z.boolean().optional(),
  emails: multiValued.optional(),
  phoneNumbers: multiValued.optional(),
  password: z.unknown().optional(),
  [SCIM_ENTERPRISE]: z
    .looseObject({ employeeNumber: str(20).optional(), department: str(100).optional() })
    .optional(),
  [SCIM_MAMORI]: z
    .looseObject({
      nameKana: str(100).optional(),
      employment: z.string().optional(),
      category: z.string().optional(),
      organization: str(200).optional(),
      positionCode: str(40).optional(),
      startDate: z.string().optional(),
    })
    .optional(),
});
export type ScimUserInput = z.output<typeof scimUserSchema>;

export const scimPatchSchema = z.looseObject({
  schemas: z.array(z.string()).optional(),
  Operations: z
    .array(
      z.looseObject({
        op: z.string().min(1).max(20),
        path: z.string().max(200).optional(),
        value: z.unknown(),
      }),
    )
    .min(1)
    .max(50),
});
export type ScimPatch = z.output<typeof scimPatchSchema>;

export const scimListQuery = z.object({
  filter: z.string().max(500).optional(),
  startIndex: z.coerce.number().int().min(1).max(1_000_000).default(1),
  count: z.coerce.number().int().min(0).max(200).default(100),
});
