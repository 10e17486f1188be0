import type { Db, PolicyParameterVersionTable } from '../../../kernel/index.js';

/** SQL of the parameters' approved versions (第3 6(2), 第9 3). */

export const insertParameterVersion = (db: Db, row: PolicyParameterVersionTable) =>
  db.insertInto('policy_parameter_versions').values(row).execute();

/** The latest version number of a parameter (0: none, the pack's own value in force). */
export const latestVersionOf = async (db: Db, packName: string, key: string): Promise<number> => {
  const row = await db
    .selectFrom('policy_parameter_versions')
    .select('version')
    .where('pack_name', '=', packName)
    .where('parameter_key', '=', key)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row?.version ?? 0;
};

/** Every version of every parameter of a pack, newest first within each parameter. */
export const listParameterVersions = (db: Db, packName: string) =>
  db
    .selectFrom('policy_parameter_versions')
    .selectAll()
    .where('pack_name', '=', packName)
    .orderBy('parameter_key')
    .orderBy('version', 'desc')
    .execute();

/** Change requests before the committee now (their title is the parameter's key). */
export const pendingChangeRequests = (db: Db) =>
  db
    .selectFrom('approval_requests')
    .select(['id', 'ref_no', 'title', 'submitted_at'])
    .where('type_id', '=', 'policy.change')
    .where('status', '=', 'submitted')
    .orderBy('submitted_at')
    .execute();

/** The step that approved a request last: who decided (and for whom, 代決) and what they wrote. */
export const approvingStepOf = (db: Db, requestId: string) =>
  db
    .selectFrom('approval_steps')
    .select(['decided_by_staff_id', 'decided_by_name', 'decided_via', 'on_behalf_of_name', 'comment'])
    .where('request_id', '=', requestId)
    .where('decision', '=', 'approved')
    .orderBy('idx', 'desc')
    .executeTakeFirst();
