import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../kernel/index.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { actorOf, rejectionOf, seedSmallHospital } from '../../../test/approvals/fixtures.js';
import { testComplianceService } from '../../../test/factories/compliance.js';
import { assignmentRow, staffRow, unitRow } from '../../../test/factories/org.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { importOrg } from '../org/index.js';
import { takeDailySnapshot } from './snapshot-job.js';

const service = testComplianceService();
const DAY = 86_400_000;

describeEachDialect('daily snapshots and the trend', (db) => {
  let ciso: Actor;
  beforeAll(async () => {
    await seedSmallHospital(db());
    ciso = await actorOf(db(), 'S001');
  });

  it('takes a snapshot with a ledger entry carrying its counts and digest', async () => {
    const before = await auditSize(db().handle);
    const snap = await service.takeSnapshot(db().ctx(ciso), {});
    const [entry] = await auditEntries(db().handle, before);
    expect(entry).toMatchObject({
      kind: 'policy.compliance.snapshotTaken',
      subject: `complianceSnapshot:${snap.id}`,
      payload: { pack: 'kawaguchi', takenOn: '2026-04-01', digest: snap.digest, counts: snap.counts },
    });
    expect(snap.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.values(snap.counts).reduce((a, b) => a + b, 0)).toBe(239);
  });

  it('the daily job takes one snapshot a day, and the trend shows what improved since the last review', async () => {
    const app = db().ctx();
    expect((await takeDailySnapshot(service.setup, app)).taken).toBe(false);
    // A new section opens without a Manager: 3-4(1) gets worse the next day.
    db().clock.advance(DAY);
    await importOrg(app, {
      data: {
        units: [unitRow({ code: 'JIMU-KEIRI', nameJa: '経理課', nameEn: 'Accounts', parentCode: 'JIMU' })],
        positions: [],
        staff: [staffRow({ employeeNumber: 'S201', nameKanji: '経理 花子', nameKana: 'ケイリ ハナコ', unitCode: 'JIMU-KEIRI' })],
        assignments: [],
        delegations: [],
      },
    });
    const second = await takeDailySnapshot(service.setup, app);
    expect(second).toMatchObject({ taken: true, takenOn: '2026-04-02' });
    // The day after, the Manager is appointed.
    db().clock.advance(DAY);
    await importOrg(app, {
      data: {
        units: [],
        positions: [],
        staff: [],
        assignments: [assignmentRow({ role: 'securityManager', employeeNumber: 'S201', unitCode: 'JIMU-KEIRI', startDate: '2026-04-03' })],
        delegations: [],
      },
    });
    expect((await takeDailySnapshot(service.setup, app)).taken).toBe(true);
    const trend = await service.getTrend(db().ctx(ciso), {});
    expect(trend.snapshots.map((s) => s.takenOn)).toEqual(['2026-04-01', '2026-04-02', '2026-04-03']);
    expect(trend.comparison?.changes).toContainEqual({
      clauseId: '3.4.1',
      from: 'partlyMet',
      to: 'met',
      direction: 'improved',
    });
    const sinceFirst = await service.getTrend(db().ctx(ciso), { since: '2026-04-01' });
    expect(sinceFirst.comparison?.from.takenOn).toBe('2026-04-01');
    expect(sinceFirst.comparison?.changes.find((c) => c.clauseId === '3.4.1')).toBeUndefined();
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const error = await rejectionOf(
      service.getTrend(db().ctx(ciso), { from: '2026-05-01', to: '2026-04-01' }),
      'validation',
    );
    expect(error.issues[0]).toMatchObject({ field: 'from', message: { ja: '開始日は終了日以前にしてください。' } });
    await rejectionOf(service.takeSnapshot(db().ctx(await actorOf(db(), 'S006')), {}), 'forbidden');
  });
});
