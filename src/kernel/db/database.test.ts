import { once } from 'node:events';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgres } from './database.js';

const postgresUrl = process.env['MAMORI_TEST_POSTGRES_URL'];

describe.runIf(postgresUrl)('a PostgreSQL connection the server ends while idle', () => {
  it('is replaced at the next query, with a warning, and does not end the process', async () => {
    const url = postgresUrl ?? '';
    const handle = openPostgres(url, 2);
    try {
      const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db)).rows[0]
        ?.pid;
      expect(pid).toBeGreaterThan(0);
      const warning = once(process, 'warning');
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await admin.end();
      const [emitted] = (await warning) as [Error];
      expect(emitted.name).toBe('MamoriDatabaseWarning');
      expect(emitted.message).toContain('PostgreSQL closed an idle connection');
      const again = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db)).rows[0]
        ?.pid;
      expect(again).not.toBe(pid);
    } finally {
      await handle.close();
    }
  });
});
