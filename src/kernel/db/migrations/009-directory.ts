import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Directory and single sign-on (identity): each synchronisation with LDAP / Active Directory and what it changed
 * (dry runs are not stored: they roll back); one directory group per entry; the OIDC sign-in in progress keeps
 * where to return and who started it.
 */
export const up = async (db: Kysely<unknown>, _dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('directory_sync_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // ldap
    .addColumn('source', 'text', (c) => c.notNull())
    // manual | schedule | cli
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    // ok | failed | refused (more accounts to disable than allowed in one run)
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    // JSON: counts by kind of change and finding
    .addColumn('summary', 'text', (c) => c.notNull())
    // JSON: the changes and findings, at most a few thousand (truncated says so)
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('truncated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('directory_sync_runs_started')
    .on('directory_sync_runs')
    .columns(['source', 'started_at'])
    .execute();

  await db.schema
    .createIndex('directory_groups_external')
    .on('directory_groups')
    .columns(['source', 'external_id'])
    .unique()
    .execute();

  await db.schema.alterTable('oidc_logins').addColumn('return_to', 'text').execute();
  await db.schema.alterTable('oidc_logins').addColumn('ip', 'text').execute();
  await db.schema.alterTable('oidc_logins').addColumn('user_agent', 'text').execute();
};
