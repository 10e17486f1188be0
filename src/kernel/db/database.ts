import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type * as PgModule from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: Dialect;
  /** Where the data lives, without credentials, for health and logs. */
  readonly location: string;
  close(): Promise<void>;
}

// pg is loaded when PostgreSQL is used: a SQLite deployment, and the ledger CLI on it, never pay for it.
let pgModule: typeof PgModule | undefined;
const loadPg = (): typeof PgModule => {
  if (pgModule === undefined) {
    pgModule = createRequire(import.meta.url)('pg') as typeof PgModule;
    // int8 (count(*), sums) arrives as text from pg; our counts fit a double.
    pgModule.types.setTypeParser(pgModule.types.builtins.INT8, (v) => Number.parseInt(v, 10));
  }
  return pgModule;
};

export const openSqlite = (file: string): DatabaseHandle => {
  const sqlite = new SQLite(file);
  // WAL with synchronous=FULL: a crash after commit loses nothing acknowledged.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: resolve(file), close: () => db.destroy() };
};

export const openPostgres = (url: string, poolSize = 10): DatabaseHandle => {
  const pool = new (loadPg().Pool)({ connectionString: url, max: poolSize });
  // An idle connection the server ends (restart, pg_terminate_backend, DROP DATABASE … FORCE) is an 'error' event;
  // unheard, Node ends the process. pg drops that client and the next query opens a new one, so a warning suffices.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`, 'MamoriDatabaseWarning');
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const parsed = new URL(url);
  return {
    db,
    dialect: 'postgres',
    location: `postgres://${parsed.host}${parsed.pathname}`,
    close: () => db.destroy(),
  };
};

export const openDatabase = (options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): DatabaseHandle => {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  mkdirSync(options.dataDir, { recursive: true });
  return openSqlite(join(options.dataDir, 'mamori.sqlite'));
};
