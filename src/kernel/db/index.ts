export {
  openDatabase,
  openPostgres,
  openSqlite,
  type DatabaseHandle,
  type Db,
  type Dialect,
  type Tx,
} from './database.js';
export { latestMigration, migrateToLatest, migrationLevel, type MigrationLevel } from './migrate.js';
export type * from './schema.js';
