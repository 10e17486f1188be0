import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Identity (第5 4(2), 第6 4, 第7 2, 第7 3(2)イ): account kinds and classes, password history, sign-in attempts,
 * lockouts, MFA factors and recovery codes, session stages and elevation, "this was not me" reports, shared-ID
 * users, unused-ID sweeps, directory groups, OIDC sign-ins, SCIM tokens and the identity settings.
 */
export const up = async (db: Kysely<unknown>, _dialect: Dialect): Promise<void> => {
  const addAccountColumn = (name: string, type: 'text' | 'integer', def?: string | number) =>
    db.schema
      .alterTable('accounts')
      .addColumn(name, type, (c) => (def === undefined ? c : c.notNull().defaultTo(def)))
      .execute();
  // personal | shared | development (6-4(1), 7-3(2)イ)
  await addAccountColumn('kind', 'text', 'personal');
  // 特権ID: the privileged profile applies (7-2(1)ウ)
  await addAccountColumn('privileged', 'integer', 0);
  // local | ldap | oidc | scim
  await addAccountColumn('source', 'text', 'local');
  await addAccountColumn('external_id', 'text');
  await addAccountColumn('display_name', 'text');
  await addAccountColumn('end_date', 'text');
  await addAccountColumn('purpose', 'text');
  await addAccountColumn('owner_staff_id', 'text');
  await addAccountColumn('sign_ins_since_change', 'integer', 0);
  await addAccountColumn('failed_attempts', 'integer', 0);
  await addAccountColumn('password_reason', 'text');
  await addAccountColumn('disabled_reason', 'text');
  await addAccountColumn('scoped_unit_id', 'text');
  await sql`update accounts set privileged = 1 where system_role = 'administrator'`.execute(db);
  await db.schema
    .createIndex('accounts_external')
    .on('accounts')
    .columns(['source', 'external_id'])
    .execute();

  const addSessionColumn = (name: string, type: 'text' | 'integer', def?: string) =>
    db.schema
      .alterTable('sessions')
      .addColumn(name, type, (c) => (def === undefined ? c : c.notNull().defaultTo(def)))
      .execute();
  // full | mfa (second factor pending) | enrol (MFA enrolment required before anything else)
  await addSessionColumn('stage', 'text', 'full');
  await addSessionColumn('idle_minutes', 'integer');
  await addSessionColumn('elevated_until', 'text');
  await addSessionColumn('methods', 'text');
  await addSessionColumn('challenge', 'text');
  await addSessionColumn('attempt_id', 'text');
  await addSessionColumn('end_reason', 'text');

  await db.schema
    .createTable('password_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('password_history_account')
    .on('password_history')
    .column('account_id')
    .execute();

  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('login_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    // success | badPassword | unknownId | locked | addressLocked | disabled | badSecondFactor
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_attempts_account')
    .on('sign_in_attempts')
    .columns(['account_id', 'at'])
    .execute();
  await db.schema.createIndex('sign_in_attempts_ip').on('sign_in_attempts').columns(['ip', 'at']).execute();

  await db.schema
    .createTable('lockouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // account | address
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .addColumn('released_by', 'text')
    .addColumn('release_reason', 'text')
    .execute();
  await db.schema.createIndex('lockouts_subject').on('lockouts').columns(['scope', 'subject']).execute();

  await db.schema
    .createTable('mfa_factors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    // totp | webauthn
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('credential_id', 'text', (c) => c.unique())
    .addColumn('public_key', 'text')
    .addColumn('counter', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('transports', 'text')
    .addColumn('last_step', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('mfa_factors_account').on('mfa_factors').column('account_id').execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('recovery_codes_account').on('recovery_codes').column('account_id').execute();

  await db.schema
    .createTable('identity_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sign_in_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('attempt_id', 'text')
    .addColumn('attempt_at', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('note', 'text')
    // open | closed (the incidents module takes these over)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('shared_account_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createIndex('shared_account_users_account')
    .on('shared_account_users')
    .column('account_id')
    .execute();

  await db.schema
    .createTable('id_sweep_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sweep_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('unit_id', 'text')
    // unused | notOnRoster | ended
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text')
    .addColumn('found_at', 'text', (c) => c.notNull())
    // disable | keep
    .addColumn('decision', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('id_sweep_items_account').on('id_sweep_items').column('account_id').execute();

  await db.schema
    .createTable('directory_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('members', 'text', (c) => c.notNull())
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();

  await db.schema
    .createTable('oidc_logins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
};
