import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { AppContext } from '../usecase/index.js';

/**
 * The in-process scheduler: every `tickMs` it runs the jobs that are due. Several instances may run against one
 * PostgreSQL database; a lease row per job (`job_leases`) makes sure one instance runs each job per interval:
 * taking the lease is a single conditional UPDATE, so two instances cannot both win it.
 */
export interface Job {
  readonly name: string;
  /** At most once per this interval across all instances. */
  readonly everyMs: number;
  readonly run: (app: AppContext) => Promise<unknown>;
}

export interface JobRun {
  readonly name: string;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: string;
}

/**
 * Takes the lease of a job for `leaseMs` if it is free (never taken, or its term has passed). Returns false when
 * another instance — or this one, earlier in the interval — holds it.
 */
export const acquireLease = async (
  db: Db,
  name: string,
  holder: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> => {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  await db
    .insertInto('job_leases')
    .values({
      name,
      holder: '',
      lease_until: new Date(0).toISOString(),
      last_started_at: null,
      last_finished_at: null,
      last_outcome: null,
      runs: 0,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const taken = await db
    .updateTable('job_leases')
    .set({ holder, lease_until: until, last_started_at: at, runs: sql<number>`runs + 1` })
    .where('name', '=', name)
    .where('lease_until', '<=', at)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
};

const finishLease = async (
  db: Db,
  name: string,
  holder: string,
  at: Date,
  outcome: string,
): Promise<void> => {
  await db
    .updateTable('job_leases')
    .set({ last_finished_at: at.toISOString(), last_outcome: outcome.slice(0, 500) })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
};

export interface Scheduler {
  readonly holder: string;
  /** Runs the jobs that are due now (the timer calls this; tests call it directly). */
  tick(): Promise<JobRun[]>;
  /** Stops the timer and waits for a running tick to end. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  /** How often to look for due jobs; 0 or less: no timer (call `tick` yourself). */
  readonly tickMs: number;
  /** Names this instance in the lease table; host name and a random suffix by default. */
  readonly holder?: string;
  readonly onRun?: (run: JobRun) => void;
}

export const startScheduler = (
  app: AppContext,
  jobs: readonly Job[],
  options: SchedulerOptions,
): Scheduler => {
  const holder = options.holder ?? `${hostname()}:${String(process.pid)}:${randomUUID().slice(0, 8)}`;
  let running: Promise<JobRun[]> | null = null;
  const runDue = async (): Promise<JobRun[]> => {
    const runs: JobRun[] = [];
    for (const job of jobs) {
      const db = app.database.db;
      let mine: boolean;
      try {
        mine = await db
          .transaction()
          .execute((tx) => acquireLease(tx, job.name, holder, app.clock.now(), job.everyMs));
      } catch (e) {
        runs.push({ name: job.name, ok: false, error: e instanceof Error ? e.message : String(e) });
        continue;
      }
      if (!mine) continue;
      let run: JobRun;
      try {
        run = { name: job.name, ok: true, result: await job.run(app) };
      } catch (e) {
        run = { name: job.name, ok: false, error: e instanceof Error ? e.message : String(e) };
      }
      await finishLease(
        db,
        job.name,
        holder,
        app.clock.now(),
        run.ok ? 'ok' : `error: ${run.error ?? ''}`,
      ).catch(() => undefined);
      options.onRun?.(run);
      runs.push(run);
    }
    return runs;
  };
  const tick = (): Promise<JobRun[]> => {
    if (running !== null) return Promise.resolve([]);
    running = runDue().finally(() => {
      running = null;
    });
    return running;
  };
  const timer =
    options.tickMs > 0
      ? setInterval(() => {
          void tick();
        }, options.tickMs)
      : null;
  timer?.unref();
  return {
    holder,
    tick,
    stop: async () => {
      if (timer !== null) clearInterval(timer);
      if (running !== null) await running;
    },
  };
};
