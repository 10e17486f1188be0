import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import {
  calendarDate,
  listMyTasks,
  migrateToLatest,
  newId,
  openPostgres,
  openSqlite,
  systemActor,
  systemClock,
  type Actor,
  type ApprovalRequestTable,
  type ApprovalStepTable,
  type DatabaseHandle,
  type UseCaseContext,
} from '../src/kernel/index.js';
import { seedDemoHospital } from '../src/modules/demo/index.js';
import { findStaffByNumber, orgDirectory, resolveGrants } from '../src/modules/org/index.js';
import { median, report, type Measurement } from './bench-kit.js';

/**
 * `npm run bench -- approvals`: "my tasks" (`listMyTasks`) for the demo hospital's Manager of 4階東病棟 in a hospital
 * with 100,000 requests spread over every section (most decided long ago, one in twenty still waiting), on SQLite
 * and, when MAMORI_TEST_POSTGRES_URL is set, on PostgreSQL. Baseline in the same run: reading one request by its
 * primary key, the cheapest query the database answers.
 */
const REQUESTS = 100_000;
const RUNS = 200;

const ctxOf = (database: DatabaseHandle, actor: Actor): UseCaseContext => ({
  database,
  clock: systemClock,
  timeZone: 'Asia/Tokyo',
  hospitalName: { ja: 'ベンチ病院', en: 'Bench Hospital' },
  orgDirectory,
  actor,
});

/** A small deterministic generator, so every run builds the same hospital. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

const fill = async (database: DatabaseHandle): Promise<void> => {
  const db = database.db;
  const staff = await db
    .selectFrom('staff')
    .innerJoin('units', 'units.id', 'staff.unit_id')
    .select(['staff.id', 'staff.name_kanji', 'staff.unit_id', 'units.name_ja', 'units.name_en', 'units.kind'])
    .where('staff.end_date', 'is', null)
    .where('units.kind', '=', 'section')
    .execute();
  const next = random(42);
  const start = Date.parse('2021-04-01T00:00:00Z');
  const span = Date.parse('2026-03-31T00:00:00Z') - start;
  for (let i = 0; i < REQUESTS; i += 500) {
    const requests: ApprovalRequestTable[] = [];
    const steps: ApprovalStepTable[] = [];
    for (let k = i; k < Math.min(i + 500, REQUESTS); k++) {
      const who = staff[Math.floor(next() * staff.length)];
      if (who === undefined) continue;
      const at = new Date(start + Math.floor(next() * span)).toISOString();
      const roll = next();
      const status =
        roll < 0.05 ? 'submitted' : roll < 0.85 ? 'approved' : roll < 0.92 ? 'rejected' : 'withdrawn';
      const id = newId();
      requests.push({
        id,
        ref_no: `B-${String(k).padStart(7, '0')}`,
        type_id: 'people.carryOut',
        mode: 'prior',
        status,
        title: `持ち出し ${String(k)}`,
        applicant_staff_id: who.id,
        applicant_name: who.name_kanji,
        applicant_unit_id: who.unit_id,
        applicant_unit_name_ja: who.name_ja,
        applicant_unit_name_en: who.name_en,
        preparer_staff_id: null,
        preparer_name: null,
        resource_unit_id: null,
        resource_ref: null,
        classification: 2,
        form_json: '{}',
        current_step: status === 'submitted' ? 0 : null,
        created_at: at,
        updated_at: at,
        submitted_at: at,
        decided_at: status === 'approved' || status === 'rejected' ? at : null,
        expires_at: null,
        carried_out_at: null,
        report_due_at: null,
        reported_at: null,
        closed_reason: null,
      });
      steps.push({
        id: newId(),
        request_id: id,
        idx: 0,
        role: 'securityManager',
        unit_id: who.unit_id,
        unit_name_ja: who.name_ja,
        unit_name_en: who.name_en,
        status: status === 'submitted' ? 'pending' : status === 'withdrawn' ? 'cancelled' : status,
        skip_reason: null,
        activated_at: at,
        reminded_at: null,
        reminder_count: 0,
        escalated_role: null,
        escalated_unit_id: null,
        escalated_unit_name_ja: null,
        escalated_unit_name_en: null,
        escalated_at: null,
        escalation_reason: null,
        decided_at: null,
        decision: null,
        decided_by_staff_id: null,
        decided_by_name: null,
        decided_by_position: null,
        decided_as_role: null,
        decided_via: null,
        on_behalf_of_staff_id: null,
        on_behalf_of_name: null,
        comment: null,
        override_reason: null,
      });
    }
    await db.transaction().execute(async (tx) => {
      for (let j = 0; j < requests.length; j += 250) {
        await tx
          .insertInto('approval_requests')
          .values(requests.slice(j, j + 250))
          .execute();
        await tx
          .insertInto('approval_steps')
          .values(steps.slice(j, j + 250))
          .execute();
      }
    });
  }
  if (database.dialect === 'postgres') await sql`analyze`.execute(db);
};

const timeMs = async (runs: number, call: () => Promise<unknown>): Promise<number[]> => {
  for (let i = 0; i < 10; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await call();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times;
};

const benchOn = async (label: string, database: DatabaseHandle): Promise<Measurement[]> => {
  await migrateToLatest(database);
  const seeded = await seedDemoHospital(ctxOf(database, systemActor('bench')));
  await fill(database);
  const manager = seeded.personas.find((p) => p.key === 'securityManager');
  const staff =
    manager === undefined ? undefined : await findStaffByNumber(database.db, manager.employeeNumber);
  if (staff === undefined) throw new Error('no demo manager');
  const actor: Actor = {
    kind: 'account',
    accountId: 'bench',
    staffId: staff.id,
    unitId: staff.unit_id,
    loginId: 'demo-manager',
    systemRole: null,
    category: 'employee',
    grants: await resolveGrants(database.db, staff.id, calendarDate(new Date(), 'Asia/Tokyo')),
  };
  const ctx = ctxOf(database, actor);
  const tasks = await listMyTasks(ctx, {});
  if (tasks.length === 0) throw new Error('the manager has no tasks: the bench data is wrong');
  const someId = tasks[0]?.requestId ?? '';
  const waiting = await database.db
    .selectFrom('approval_steps')
    .select(database.db.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .where('role', '=', 'securityManager')
    .where('unit_id', '=', staff.unit_id)
    .executeTakeFirstOrThrow();
  const mine = await timeMs(RUNS, () => listMyTasks(ctx, {}));
  const byKey = await timeMs(RUNS, () =>
    database.db.selectFrom('approval_requests').selectAll().where('id', '=', someId).executeTakeFirst(),
  );
  const value = Math.round(median(mine) * 100) / 100;
  const baseline = Math.round(median(byKey) * 100) / 100;
  const p95 = [...mine].sort((a, b) => a - b)[Math.floor(mine.length * 0.95)] ?? 0;
  return [
    report({
      name: `my tasks, ${String(REQUESTS)} requests (${String(waiting.n)} waiting for the Manager, first ${String(tasks.length)} shown), ${label}: median ms`,
      value,
      unit: 'ms',
      baseline,
      baselineName: 'one request by primary key',
      target: '< 20 ms',
      pass: value < 20,
    }),
    report({
      name: `my tasks, ${label}: p95 ms`,
      value: Math.round(p95 * 100) / 100,
      unit: 'ms',
      baseline,
      baselineName: 'one request by primary key (median)',
      target: 'informational',
      pass: true,
    }),
  ];
};

export const runApprovalsBench = async (): Promise<Measurement[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'mamori-bench-approvals-'));
  const results: Measurement[] = [];
  const sqlite = openSqlite(join(dir, 'bench.sqlite'));
  try {
    results.push(...(await benchOn('SQLite', sqlite)));
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env['MAMORI_TEST_POSTGRES_URL'];
  if (url !== undefined && url !== '') {
    const name = `mamori_bench_${String(process.pid)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const postgres = openPostgres(target.toString(), 4);
    try {
      results.push(...(await benchOn('PostgreSQL', postgres)));
    } finally {
      await postgres.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  return results;
};
