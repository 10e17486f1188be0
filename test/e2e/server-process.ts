/**
 * Starts the built server (`node dist/server/cli/main.js serve --demo`) on a free port with a fresh data
 * directory, and reads what it prints: the demo personas' temporary passwords (after a line containing
 * "Sign in", one `  demo-<name>  <password>` line each) and the URL line that says it is ready.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface RunningServer {
  readonly baseUrl: string;
  readonly personas: ReadonlyMap<string, string>;
  readonly dataDir: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });

/** Persona lines after the "Sign in" line; only complete lines count (a password may arrive in two chunks). */
export const parsePersonas = (stdout: string): Map<string, string> => {
  const personas = new Map<string, string>();
  const start = stdout.indexOf('Sign in');
  if (start < 0) return personas;
  const complete = stdout.slice(start, stdout.lastIndexOf('\n') + 1);
  for (const m of complete.matchAll(/^\s+(demo-[a-z]+)\s+(\S+)\s*$/gm)) {
    if (m[1] !== undefined && m[2] !== undefined) personas.set(m[1], m[2]);
  }
  return personas;
};

const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });

let databaseCount = 0;

/**
 * CI runs the browser tests a second time with the server on PostgreSQL: MAMORI_E2E_DATABASE_URL names a
 * server to create databases on. Every server started here gets a database of its own, as it gets a data
 * directory of its own: a fresh demo hospital (so the personas are printed) and its own ledger key.
 */
const freshPostgresDatabase = async (
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> => {
  databaseCount += 1;
  const name = `mamori_e2e_${String(process.pid)}_${String(databaseCount)}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
};

export const startServer = async (
  entry: string,
  options: { cwd: string; timeoutMs?: number; requiredPersona?: string },
): Promise<RunningServer> => {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mamori-e2e-'));
  const postgresUrl = process.env['MAMORI_E2E_DATABASE_URL'];
  const database =
    postgresUrl === undefined || postgresUrl === '' ? undefined : await freshPostgresDatabase(postgresUrl);
  const child = spawn(process.execPath, [entry, 'serve', '--demo'], {
    cwd: options.cwd,
    env: {
      ...process.env,
      MAMORI_PORT: String(port),
      MAMORI_DATA_DIR: dataDir,
      MAMORI_DATABASE_URL: database?.url ?? '',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const output = () => `--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;
  const readyUrl = `http://127.0.0.1:${String(port)}`;
  const required = options.requiredPersona ?? 'demo-staff';

  const personas = await new Promise<Map<string, string>>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      fail(
        new Error(
          `The server did not become ready within ${String(options.timeoutMs ?? 90_000)} ms.\n${output()}`,
        ),
      );
    }, options.timeoutMs ?? 90_000);
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stopChild(child)
        .then(() => database?.drop())
        .catch(() => undefined)
        .finally(() => {
          reject(e);
        });
    };
    const check = () => {
      const found = parsePersonas(stdout);
      if (!settled && stdout.includes(readyUrl) && found.has(required)) {
        settled = true;
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      check();
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', (e) => {
      fail(new Error(`Could not start the server: ${e.message}`));
    });
    child.once('exit', (code, signal) => {
      fail(
        new Error(
          `The server exited (code ${String(code)}, signal ${String(signal)}) before it was ready.\n${output()}`,
        ),
      );
    });
  });

  return {
    baseUrl: readyUrl,
    personas,
    dataDir,
    output,
    stop: async () => {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
};
