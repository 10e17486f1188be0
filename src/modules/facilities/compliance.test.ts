import { beforeAll, expect, it } from 'vitest';
import { decideStep, submitRequest, systemActor } from '../../kernel/index.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { kawaguchiPack } from '../../../test/factories/compliance.js';
import { deviceFields, terminalFields } from '../../../test/factories/facilities.js';
import { actorOf, seedSmallHospital, unitIdOf } from '../../../test/approvals/fixtures.js';
import type { ComplianceOverview } from '../../shared/api-types.js';
import {
  builtinEvaluators,
  createComplianceService,
  createComplianceSetup,
  type ComplianceService,
} from '../policy/index.js';
import { disposeDevice, facilitiesEvaluators, recordRepair, registerDevice } from './index.js';

/** The compliance view of 第5 evaluated from the device register, composed as the server composes it. */
const service = (): ComplianceService => {
  const pack = kawaguchiPack();
  return createComplianceService(
    createComplianceSetup({
      pack,
      evaluators: [...builtinEvaluators(pack, facilitiesEvaluators), ...facilitiesEvaluators],
      modules: ['org', 'identity', 'access', 'ledger', 'approvals', 'policy', 'facilities'],
    }),
  );
};

const served = ['5.1.1', '5.1.2.a', '5.1.2.b', '5.1.4.a', '5.1.4.b', '5.1.5', '5.1.6', '5.4.1'];

/** The clock says 2026-04-01; the pack asks for 10 minutes of backup power and maintenance within 12 months. */
describeEachDialect('facilities: the 第5 device clauses evaluated from the register (第5 1, 4(1))', (db) => {
  let ward = '';
  let somu = '';
  const status = async () => {
    const overview: ComplianceOverview = await service().getStatus(db().ctx(systemActor('test')), {});
    return (id: string) => {
      const clause = overview.clauses.find((c) => c.id === id);
      if (clause === undefined) throw new Error(`no clause ${id}`);
      return clause;
    };
  };
  const unitStatus = async (id: string, unitId: string) =>
    (await status())(id).units.find((u) => u.unitId === unitId)?.status;

  beforeAll(async () => {
    await seedSmallHospital(db());
    ward = await unitIdOf(db(), 'KANGO-3E');
    somu = await unitIdOf(db(), 'JIMU-SOMU');
  });

  it('judges the device clauses with the facilities evaluator, not yet evaluable while the register is empty', async () => {
    const of = await status();
    for (const id of served) {
      expect(of(id).evaluator, id).toBe('facilities.devices');
      expect(of(id).status, id).toBe('notYetEvaluable');
    }
    expect(of('5.1.1').reason.ja).toContain('サーバ・ネットワーク機器が登録されていません');
    // Controlled areas and communication lines are not served yet: the module exists, the check does not.
    expect(of('5.2.1.b').status).toBe('notYetEvaluable');
    expect(of('5.2.1.b').reason.en).toContain('no check of this clause is implemented yet');
  });

  it('shows installation, power, maintenance and anti-theft met, partly met or not met unit by unit (第5 1(1), (2), (4)ア, 4(1))', async () => {
    const manager = await actorOf(db(), 'S006');
    await registerDevice(db().ctx(manager), deviceFields(ward, { assetTag: 'CMP-SV-1' }));
    await registerDevice(
      db().ctx(manager),
      deviceFields(ward, {
        assetTag: 'CMP-SW-1',
        kind: 'network',
        name: 'フロアスイッチ',
        fixed: false,
        ups: false,
        upsRuntimeMinutes: null,
        surgeProtection: false,
        lastMaintainedOn: null,
      }),
    );
    await registerDevice(db().ctx(manager), terminalFields(ward, { assetTag: 'CMP-PC-1' }));
    const somuManager = await actorOf(db(), 'S004');
    await registerDevice(
      db().ctx(somuManager),
      deviceFields(somu, {
        assetTag: 'CMP-SV-2',
        location: null,
        environmentProtected: false,
        fixed: false,
        ups: true,
        upsRuntimeMinutes: 5,
        surgeProtection: false,
        lastMaintainedOn: '2024-12-01',
      }),
    );
    await registerDevice(
      db().ctx(somuManager),
      terminalFields(somu, { assetTag: 'CMP-PC-2', antiTheft: false, antiTheftMethod: null }),
    );
    const of = await status();
    for (const id of ['5.1.1', '5.1.2.a', '5.1.2.b', '5.1.4.a', '5.4.1'])
      expect(of(id).status, id).toBe('partlyMet');
    expect(await unitStatus('5.1.1', ward)).toBe('partlyMet');
    expect(await unitStatus('5.1.1', somu)).toBe('notMet');
    expect(await unitStatus('5.4.1', ward)).toBe('met');
    expect(await unitStatus('5.4.1', somu)).toBe('notMet');
    expect(of('5.1.2.a').reason.ja).toContain('10分以上');
    const power = await service().getClause(db().ctx(systemActor('test')), { clauseId: '5.1.2.a' });
    const labels = power.evidence.map((e) => [e.label.ja, e.ok]);
    expect(labels).toContainEqual(['CMP-SV-2 部門サーバ: 予備電源 5分（基準 10分）', false]);
    expect(labels).toContainEqual(['CMP-SV-1 部門サーバ: 予備電源 15分（基準 10分）', true]);
    const kept = await service().getClause(db().ctx(systemActor('test')), { clauseId: '5.1.4.a' });
    expect(kept.evidence.filter((e) => !e.ok).map((e) => e.label.en)).toEqual([
      'CMP-SV-2 部門サーバ: last maintained 2024-12-01 (every 12 months)',
      'CMP-SW-1 フロアスイッチ: no maintenance recorded (every 12 months)',
    ]);
  });

  it('shows outside repairs, off-site placements and disposals from their records (第5 1(4)イ, (5), (6))', async () => {
    const manager = await actorOf(db(), 'S006');
    const server = await registerDevice(db().ctx(manager), deviceFields(ward, { assetTag: 'CMP-SV-3' }));
    await recordRepair(db().ctx(manager), {
      deviceId: server.id,
      performedOn: '2026-03-02',
      contractorName: 'テスト修理サービス',
      erased: true,
      erasureMethod: 'ディスク交換前に上書き消去',
    });
    const submitted = await submitRequest(db().ctx(manager), {
      draft: {
        typeId: 'facilities.offsitePlacement',
        resourceRef: `device:${server.id}`,
        form: {
          device: 'x',
          location: '遠隔地データセンター',
          startDate: '2026-04-02',
          measures: '施錠ラック',
          checkIntervalMonths: 6,
          purpose: '災害対策',
        },
      },
    });
    await decideStep(db().ctx(await actorOf(db(), 'S001')), { requestId: submitted.id, decision: 'approve' });
    const pc = await registerDevice(db().ctx(manager), terminalFields(ward, { assetTag: 'CMP-PC-3' }));
    await disposeDevice(db().ctx(manager), {
      deviceId: pc.id,
      kind: 'disposal',
      performedOn: '2026-03-25',
      erasureMethod: 'physicalDestruction',
      contractor: 'テスト処分センター',
    });
    let of = await status();
    expect(of('5.1.4.b').status).toBe('met');
    expect(of('5.1.5').status).toBe('met');
    expect(of('5.1.6').status).toBe('notMet');
    const disposal = await service().getClause(db().ctx(systemActor('test')), { clauseId: '5.1.6' });
    expect(disposal.evidence[0]?.label.ja).toBe(
      'CMP-PC-3 電子カルテ端末 2026-03-25: テスト処分センターの消去証明書なし',
    );
    const pc2 = await registerDevice(db().ctx(manager), terminalFields(ward, { assetTag: 'CMP-PC-4' }));
    await disposeDevice(db().ctx(manager), {
      deviceId: pc2.id,
      kind: 'disposal',
      performedOn: '2026-03-26',
      erasureMethod: 'physicalDestruction',
      contractor: 'テスト処分センター',
      certificate: 'DEST-2026-044',
    });
    of = await status();
    expect(of('5.1.6').status).toBe('partlyMet');
    expect(of('5.1.6').reason.en).toContain('of 1 units');
  });
});
