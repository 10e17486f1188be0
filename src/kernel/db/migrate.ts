import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle, Dialect } from './database.js';
import * as m001 from './migrations/001-foundation.js';
import * as m002 from './migrations/002-ledger.js';
import * as m003 from './migrations/003-identity.js';
import * as m004 from './migrations/004-approvals.js';
import * as m005 from './migrations/005-compliance.js';
import * as m006 from './migrations/006-assets.js';
import * as m009 from './migrations/009-directory.js';
import * as m008 from './migrations/008-identity-lifecycle.js';
import * as m007 from './migrations/007-compartments.js';
import * as m010 from './migrations/010-ledger-search.js';
import * as m011 from './migrations/011-parameters-procedures.js';
import * as m013 from './migrations/013-ledger-stored-levels.js';
import * as m012 from './migrations/012-facilities.js';

interface DialectMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

// Listed in code, not read from a folder, so the built package carries them.
const migrations: Record<string, DialectMigration> = {
  '001-foundation': m001,
  '002-ledger': m002,
  '003-identity': m003,
  '004-approvals': m004,
  '005-compliance': m005,
  '006-assets': m006,
  '009-directory': m009,
  '008-identity-lifecycle': m008,
  '007-compartments': m007,
  '010-ledger-search': m010,
  '011-parameters-procedures': m011,
  '013-ledger-stored-levels': m013,
  '012-facilities': m012,
};

export const latestMigration = Object.keys(migrations).sort().at(-1) ?? '';

const provider = (dialect: Dialect): MigrationProvider => ({
  getMigrations: () =>
    Promise.resolve(
      Object.fromEntries(
        Object.entries(migrations).map(([name, m]): [string, Migration] => [
          name,
          { up: (db) => m.up(db, dialect) },
        ]),
      ),
    ),
});

const migrator = (handle: DatabaseHandle): Migrator =>
  new Migrator({ db: handle.db, provider: provider(handle.dialect) });

export const migrateToLatest = async (handle: DatabaseHandle): Promise<string[]> => {
  const { error, results } = await migrator(handle).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
};

export interface MigrationLevel {
  readonly current: string | null;
  readonly latest: string;
  readonly pending: number;
}

export const migrationLevel = async (handle: DatabaseHandle): Promise<MigrationLevel> => {
  const all = await migrator(handle).getMigrations();
  const executed = all.filter((m) => m.executedAt !== undefined);
  return {
    current: executed.at(-1)?.name ?? null,
    latest: latestMigration,
    pending: all.length - executed.length,
  };
};
