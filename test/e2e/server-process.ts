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

export const startServer = async (
  entry: string,
  options: { cwd: string; timeoutMs?: number; requiredPersona?: string },
): Promise<RunningServer> => {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mamori-e2e-'));
  const child = spawn(process.execPath, [entry, 'serve', '--demo'], {
    cwd: options.cwd,
    // CI runs the browser tests a second time with the server on PostgreSQL (an empty database it names).
    env: {
      ...process.env,
      MAMORI_PORT: String(port),
      MAMORI_DATA_DIR: dataDir,
      MAMORI_DATABASE_URL: process.env['MAMORI_E2E_DATABASE_URL'] ?? '',
      // Servers sharing that database share its ledger key too (the database remembers which key signed).
      ...(process.env['MAMORI_E2E_LEDGER_KEY_FILE'] === undefined
        ? {}
        : { MAMORI_LEDGER_KEY_FILE: process.env['MAMORI_E2E_LEDGER_KEY_FILE'] }),
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
      void stopChild(child).then(() => {
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
    },
  };
};
