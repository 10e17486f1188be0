import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, report, type Measurement } from './bench-kit.js';

const root = new URL('..', import.meta.url).pathname;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const rssMiB = (pid: number): number => {
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
};

/** Start a server process, time until its health URL answers, let it idle, read its resident memory, stop it. */
const startAndMeasure = async (
  args: string[],
  env: NodeJS.ProcessEnv,
  url: string,
): Promise<{ seconds: number; rss: number }> => {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(url);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 60_000) throw new Error(`no answer from ${url}`);
      await sleep(25);
    }
    const seconds = (performance.now() - started) / 1000;
    await sleep(5_000); // idle
    return { seconds: Math.round(seconds * 100) / 100, rss: rssMiB(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
};

const bareFastify = `import Fastify from 'fastify';
const app = Fastify();
app.get('/health', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;

/**
 * Start-up with the demo hospital (first start seeds 1,500 staff; later starts open the existing database) and
 * idle memory, against a bare Fastify server started the same way in the same run.
 */
export const runStartupBench = async (): Promise<Measurement[]> => {
  const cli = join(root, 'dist', 'server', 'cli', 'main.js');
  const baseDir = mkdtempSync(join(tmpdir(), 'mamori-bench-'));
  const barePath = join(root, 'bench', '.bare-fastify.mjs');
  writeFileSync(barePath, bareFastify);
  try {
    const bare = await startAndMeasure([barePath], { PORT: '18090' }, 'http://127.0.0.1:18090/health');
    const env = { MAMORI_DATA_DIR: join(baseDir, 'data'), MAMORI_PORT: '18091', MAMORI_LOG_LEVEL: 'warn' };
    const first = await startAndMeasure([cli, 'serve', '--demo'], env, 'http://127.0.0.1:18091/api/health');
    const again = [];
    for (let i = 0; i < 3; i++)
      again.push(await startAndMeasure([cli, 'serve', '--demo'], env, 'http://127.0.0.1:18091/api/health'));
    const base = { baseline: bare.seconds, baselineName: 'bare Fastify start (s)' };
    return [
      report({
        name: 'startup.firstStartWithDemoSeed',
        value: first.seconds,
        unit: 's',
        ...base,
        target: '< 10 s',
        pass: first.seconds < 10,
      }),
      report({
        name: 'startup.restartWithDemo',
        value: median(again.map((a) => a.seconds)),
        unit: 's',
        ...base,
        target: '< 10 s',
        pass: median(again.map((a) => a.seconds)) < 10,
      }),
      report({
        name: 'startup.idleRssWithDemo',
        value: median(again.map((a) => a.rss)),
        unit: 'MiB',
        baseline: bare.rss,
        baselineName: 'bare Fastify idle RSS (MiB)',
        target: '< 250 MiB',
        pass: median(again.map((a) => a.rss)) < 250,
      }),
    ];
  } finally {
    rmSync(baseDir, { recursive: true, force: true });
    rmSync(barePath, { force: true });
  }
};
