import type { Role, RoleGrant } from '../access/index.js';
import { AppError } from '../errors/index.js';
import type { Db } from '../db/index.js';

/**
 * What the approvals engine needs from the organisation (第3), as a port: the kernel imports no module, so
 * `src/modules/org/org-directory.ts` implements this and the server runtime, the CLI and the test harness put it
 * in the AppContext. Every method takes the caller's database handle (a transaction inside a use case).
 */
export interface DirectoryUnit {
  readonly id: string;
  readonly kind: string;
  readonly nameJa: string;
  readonly nameEn: string;
}

export interface DirectoryPerson {
  readonly id: string;
  readonly nameKanji: string;
  readonly email: string | null;
  readonly unitId: string;
  readonly category: string;
  readonly positionJa: string | null;
  readonly positionEn: string | null;
  /** false once the person has left (end date passed). */
  readonly active: boolean;
}

export interface RoleHolder {
  readonly staffId: string;
  readonly via: RoleGrant['via'];
  /** For delegations and acting holders: whose role this is (the person away, or the Director, 3-2(7)). */
  readonly onBehalfOfStaffId: string | null;
}

export interface OrgDirectory {
  /** The unit and its parents up to the top, the unit first; empty when the unit does not exist. */
  unitPath(db: Db, unitId: string, asOf: string): Promise<DirectoryUnit[]>;
  /** Who holds a role for a unit (null: hospital-wide) on a date, by assignment, delegation or acting. */
  holders(db: Db, role: Role, unitId: string | null, asOf: string): Promise<RoleHolder[]>;
  people(db: Db, staffIds: readonly string[], asOf: string): Promise<Map<string, DirectoryPerson>>;
  /** For a delegated or acting grant: the person whose role it is. Null for an assignment. */
  grantorOf(db: Db, grant: RoleGrant): Promise<string | null>;
}

/** The directory wired into the context, or a configuration error naming what is missing. */
export const directoryOf = (ctx: { readonly orgDirectory?: OrgDirectory | undefined }): OrgDirectory => {
  if (ctx.orgDirectory === undefined) {
    throw new AppError(
      'configuration',
      {
        ja: '承認の経路を決める組織情報が設定されていません。',
        en: 'The organisation directory for approval routes is not configured.',
      },
      { internal: 'AppContext.orgDirectory is missing' },
    );
  }
  return ctx.orgDirectory;
};
