import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../kernel/index.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { assetInput } from '../../../test/factories/assets.js';
import { kawaguchiPack } from '../../../test/factories/compliance.js';
import { smallHospital } from '../../../test/factories/org.js';
import { actorOf, seedSmallHospital, unitIdOf } from '../../../test/approvals/fixtures.js';
import { addCompartmentMember, createCompartment, updateStaff } from '../org/index.js';
import {
  builtinEvaluators,
  createComplianceService,
  createComplianceSetup,
  type ComplianceService,
} from '../policy/index.js';
import { assetEvaluators, registerAsset } from './index.js';
import type { ComplianceOverview } from '../../shared/api-types.js';

/** The compliance view composed as the server composes it: the built-in evaluators and the assets module's. */
const service = (): ComplianceService => {
  const pack = kawaguchiPack();
  return createComplianceService(
    createComplianceSetup({
      pack,
      evaluators: [...builtinEvaluators(pack, assetEvaluators), ...assetEvaluators],
      modules: ['org', 'identity', 'access', 'ledger', 'approvals', 'policy'],
    }),
  );
};

describeEachDialect('compartments on the compliance view (第7 1(1)イ)', (db) => {
  let ward = '';
  const clause = async () => {
    const overview: ComplianceOverview = await service().getStatus(db().ctx(systemActor('test')), {});
    const found = overview.clauses.find((c) => c.id === '7.1.1.b');
    if (found === undefined) throw new Error('no clause 7.1.1.b');
    return found;
  };
  const detail = () => service().getClause(db().ctx(systemActor('test')), { clauseId: '7.1.1.b' });

  beforeAll(async () => {
    await seedSmallHospital(db());
    ward = await unitIdOf(db(), 'KANGO-3E');
  });

  it('is not yet evaluable while no section has a compartment (第7 1(1)イ)', async () => {
    const c = await clause();
    expect(c.evaluator).toBe('access.compartments');
    expect(c.status).toBe('notYetEvaluable');
    expect(c.reason.ja).toContain('別領域の記録がありません');
  });

  it('is met for a ward keeping a class I record in a compartment whose members are named (第7 1(1)イ)', async () => {
    const manager = db().ctx(await actorOf(db(), 'S006'));
    const { id } = await createCompartment(manager, {
      unitId: ward,
      nameJa: '虐待対応記録',
      nameEn: 'Abuse case records',
      purpose: '担当看護師のみ',
      validFrom: '2026-04-01',
    });
    await addCompartmentMember(manager, {
      compartmentId: id,
      employeeNumber: 'S007',
      startDate: '2026-04-01',
      endDate: null,
      note: null,
    });
    const asset = await registerAsset(
      db().ctx(systemActor('test')),
      assetInput(ward, { classification: 1, compartmentId: id, systemName: '電子カルテ' }),
    );
    const c = await clause();
    expect(c.status).toBe('met');
    const view = await detail();
    expect(view.units.map((u) => [u.unitId, u.status])).toEqual([[ward, 'met']]);
    expect(view.units[0]?.reason.ja).toBe('分類Iの情報資産1件を担当職員を定めた別領域で扱っています。');
    // The evidence names the compartment and the asset by their ledger subjects (their history opens from here).
    expect(view.evidence.map((e) => [e.type, e.ref, e.ok])).toEqual([
      ['Compartment', `compartment:${id}`, true],
      ['InformationAsset', `asset:${asset.id}`, true],
    ]);
  });

  it('finds a compartment with no members, then members who left the section (第7 1(1)イ)', async () => {
    const manager = db().ctx(await actorOf(db(), 'S006'));
    await createCompartment(manager, {
      unitId: ward,
      nameJa: '職員健康相談記録',
      nameEn: 'Staff health consultations',
      purpose: null,
      validFrom: '2026-04-01',
    });
    let view = await detail();
    expect(view.units.map((u) => u.status)).toEqual(['partlyMet']);
    expect(view.evidence.find((e) => !e.ok)?.label.ja).toBe(
      '別領域「職員健康相談記録」: 担当職員0名（担当職員が定められていません）',
    );
    // The only member of the first compartment moves to 総務課: still listed, no longer of the section.
    const nurse = smallHospital().staff.find((s) => s.employeeNumber === 'S007');
    if (nurse === undefined) throw new Error('no S007');
    await updateStaff(db().ctx(systemActor('test')), { ...nurse, unitCode: 'JIMU-SOMU' });
    view = await detail();
    expect(view.status).toBe('notMet');
    expect(view.units.map((u) => u.status)).toEqual(['notMet']);
    const labels = view.evidence.filter((e) => !e.ok).map((e) => e.label.ja);
    expect(labels).toEqual(
      expect.arrayContaining([
        '別領域「虐待対応記録」: 担当職員0名（所属しない職員が担当職員のままです: 職員 七海）',
        expect.stringMatching(/^.+（分類I）: 別領域「虐待対応記録」（担当職員なし）$/),
      ]),
    );
  });
});
