import { AppError, isAppError, type Bilingual, type ErrorCode } from '../../../kernel/index.js';

/** RFC 7644 §3.12 scimType values Mamori answers with. */
export type ScimType =
  | 'invalidFilter'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue';

const types = new WeakMap<AppError, ScimType>();

/** An AppError that also says its SCIM error type (the server turns both into the SCIM error body). */
export const scimError = (
  code: ErrorCode,
  message: Bilingual,
  scimType: ScimType,
  field: string,
): AppError => {
  const error = new AppError(code, message, { issues: [{ field, message }] });
  types.set(error, scimType);
  return error;
};

/** The SCIM type of an error: the one it was made with, or what its code means in SCIM. */
export const scimTypeOf = (error: unknown): ScimType | undefined => {
  if (!isAppError(error)) return undefined;
  const known = types.get(error);
  if (known !== undefined) return known;
  if (error.code === 'conflict') return 'uniqueness';
  if (error.code === 'validation') return 'invalidValue';
  return undefined;
};

/** Personnel row fields as SCIM names them, so an error points at the attribute the HR system sent. */
const attributeOf: Readonly<Record<string, string>> = {
  employeeNumber: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
  unitCode: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
  nameKanji: 'name.formatted',
  nameKana: 'urn:mamori:params:scim:schemas:extension:hospital:2.0:User:nameKana',
  employment: 'urn:mamori:params:scim:schemas:extension:hospital:2.0:User:employment',
  category: 'urn:mamori:params:scim:schemas:extension:hospital:2.0:User:category',
  organization: 'urn:mamori:params:scim:schemas:extension:hospital:2.0:User:organization',
  positionCode: 'urn:mamori:params:scim:schemas:extension:hospital:2.0:User:positionCode',
  effectiveDate: 'urn:mamori:params:scim:schemas:extension:hospital:2.0:User:startDate',
  loginId: 'userName',
  email: 'emails',
  phone: 'phoneNumbers',
};

/** A personnel validation error renamed into SCIM attributes (other errors pass as they are). */
export const asScimError = (error: unknown): unknown => {
  if (!isAppError(error) || error.code !== 'validation') return error;
  const issues = error.issues.map((i) => {
    const key = i.field.replace(/^personnel\./, '');
    return { field: attributeOf[key] ?? key, message: i.message };
  });
  const renamed = new AppError('validation', issues[0]?.message ?? error.userMessage, {
    issues,
    cause: error,
  });
  types.set(renamed, 'invalidValue');
  return renamed;
};
