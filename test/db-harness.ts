import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  fixedClock,
  mergeApprovalHooks,
  migrateToLatest,
  openPostgres,
  openSqlite,
  systemActor,
  type Actor,
  type DatabaseHandle,
  type Dialect,
  type UseCaseContext,
} from '../src/kernel/index.js';
import { assetApprovalHooks } from '../src/modules/assets/index.js';
import { facilitiesApprovalHooks } from '../src/modules/facilities/index.js';
import { identityApprovalHooks } from '../src/modules/identity/index.js';
import { orgDirectory } from '../src/modules/org/index.js';
import { policyApprovalHooks } from '../src/modules/policy/index.js';

export interface TestDatabase {
  readonly dialect: Dialect;
  readonly handle: DatabaseHandle;
  readonly clock: ReturnType<typeof fixedClock>;
  /** A use-case context for an actor (the system by default). */
  ctx(actor?: Actor): UseCaseContext;
}

const postgresUrl = process.env['MAMORI_TEST_POSTGRES_URL'];

/** Every module's approval hooks, as the server's runtime merges them. */
const approvalHooks = mergeApprovalHooks(
  assetApprovalHooks,
  facilitiesApprovalHooks,
  identityApprovalHooks,
  policyApprovalHooks,
);

/** The dialects this run covers: SQLite always, PostgreSQL when MAMORI_TEST_POSTGRES_URL is set (CI sets it). */
export const testDialects: readonly Dialect[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

const createSqlite = (): { handle: DatabaseHandle; cleanup: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'mamori-test-'));
  const handle = openSqlite(join(dir, 'test.sqlite'));
  return { handle, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
};

/** A fresh PostgreSQL database per suite, dropped afterwards. */
const createPostgres = async (): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> => {
  if (!postgresUrl) throw new Error('MAMORI_TEST_POSTGRES_URL is not set');
  const name = `mamori_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), 4);
  return {
    handle,
    cleanup: async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
};

/**
 * Runs a suite once per dialect against a real database on disk (SQLite) or a real server (PostgreSQL),
 * migrated to the latest level. The suite receives a getter because the database opens in beforeAll.
 */
export const describeEachDialect = (name: string, suite: (db: () => TestDatabase) => void): void => {
  for (const dialect of testDialects) {
    describe(`${name} [${dialect}]`, () => {
      let current: TestDatabase | undefined;
      let cleanup: (() => void | Promise<void>) | undefined;
      beforeAll(async () => {
        const created = dialect === 'sqlite' ? createSqlite() : await createPostgres();
        cleanup = created.cleanup;
        await migrateToLatest(created.handle);
        const clock = fixedClock('2026-04-01T01:00:00.000Z');
        const handle = created.handle;
        current = {
          dialect,
          handle,
          clock,
          ctx: (actor = systemActor('test')) => ({
            database: handle,
            clock,
            timeZone: 'Asia/Tokyo',
            hospitalName: { ja: 'テスト病院', en: 'Test Hospital' },
            orgDirectory,
            approvalHooks,
            actor,
          }),
        };
      });
      afterAll(async () => {
        await current?.handle.close();
        await cleanup?.();
      });
      suite(() => {
        if (!current) throw new Error('database not ready');
        return current;
      });
    });
  }
};
