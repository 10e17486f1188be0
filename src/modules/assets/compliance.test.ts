import { beforeAll, expect, it } from 'vitest';
import { decideStep, submitRequest, systemActor } from '../../kernel/index.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { assetInput, mediumFields, placeFields } from '../../../test/factories/assets.js';
import { kawaguchiPack } from '../../../test/factories/compliance.js';
import { actorOf, seedSmallHospital, unitIdOf } from '../../../test/approvals/fixtures.js';
import {
  builtinEvaluators,
  createComplianceService,
  createComplianceSetup,
  type ComplianceService,
} from '../policy/index.js';
import {
  assetEvaluators,
  checkPublication,
  publishAsset,
  recordDisposal,
  registerAsset,
  registerMedium,
  registerPlace,
} from './index.js';
import type { ComplianceOverview } from '../../shared/api-types.js';

/** The compliance view of 第4 evaluated from the asset records, composed as the server composes it. */
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

const chapter4 = [
  '4.2.1.a',
  '4.2.1.b',
  '4.2.2.b',
  '4.2.3.a',
  '4.2.3.b',
  '4.2.3.c',
  '4.2.4.c',
  '4.2.5.a',
  '4.2.5.b',
  '4.2.5.c',
  '4.2.5.d',
  '4.2.6.a',
  '4.2.6.b',
  '4.2.7.a',
  '4.2.7.b',
  '4.2.7.c',
  '4.2.8.a',
  '4.2.8.b',
  '4.2.8.c',
];

describeEachDialect('assets: the 第4 clauses evaluated from the records (第4)', (db) => {
  let ward = '';
  const status = async () => {
    const overview: ComplianceOverview = await service().getStatus(db().ctx(systemActor('test')), {});
    return (id: string) => {
      const clause = overview.clauses.find((c) => c.id === id);
      if (clause === undefined) throw new Error(`no clause ${id}`);
      return clause;
    };
  };

  beforeAll(async () => {
    await seedSmallHospital(db());
    ward = await unitIdOf(db(), 'KANGO-3E');
  });

  it('judges every 第4 clause it evidences with the assets evaluators, not yet evaluable while there are no records', async () => {
    const of = await status();
    for (const id of chapter4) {
      expect(of(id).evaluator, id).toMatch(/^assets\./);
      expect(of(id).status, id).toBe('notYetEvaluable');
      expect(of(id).reason.ja, id).toContain('記録');
    }
    // Organisational duties stay with the acknowledgements of the people module.
    expect(of('4.2.2.a').evaluator).toBeNull();
  });

  it('shows the register, storage, transport, publication and disposal clauses from what was recorded (第4 2(1)–(8))', async () => {
    const nurse = await actorOf(db(), 'S007');
    const manager = await actorOf(db(), 'S006');
    const cabinet = await registerPlace(
      db().ctx(manager),
      placeFields({ code: 'CMP-CAB', owningUnitId: ward }),
    );
    const usb = await registerMedium(
      db().ctx(manager),
      mediumFields(ward, { code: 'CMP-USB', storagePlaceId: cabinet.id }),
    );
    const record = await registerAsset(
      db().ctx(nurse),
      assetInput(ward, { classification: 2, mediumId: usb.id }),
    );
    // An asset of a bureau, whose Security Manager no one is: 第4 2(1)ア fails for that unit.
    await registerAsset(
      db().ctx(systemActor('test')),
      assetInput(await unitIdOf(db(), 'JIMU'), { classification: 3, systemName: '文書管理' }),
    );
    const notice = await registerAsset(
      db().ctx(manager),
      assetInput(ward, { classification: 3, systemName: 'ホームページ' }),
    );

    const transport = await submitRequest(db().ctx(nurse), {
      draft: {
        typeId: 'assets.transport',
        resourceRef: `asset:${record.id}`,
        form: {
          assetName: 'x',
          classification: 2,
          origin: '3階東病棟',
          destination: '医療情報課',
          transportDate: '2026-04-02',
          protection: 'encrypted',
          purpose: '取り込み',
        },
      },
    });
    await decideStep(db().ctx(manager), { requestId: transport.id, decision: 'approve' });
    const disposal = await submitRequest(db().ctx(nurse), {
      draft: {
        typeId: 'assets.disposal',
        resourceRef: `asset:${record.id}`,
        form: {
          assetName: 'x',
          classification: 2,
          method: 'destroy',
          disposalDate: '2026-04-01',
          reason: '期限満了',
        },
      },
    });
    await decideStep(db().ctx(manager), { requestId: disposal.id, decision: 'approve' });
    const handling = await db()
      .handle.db.selectFrom('asset_handlings')
      .select('id')
      .where('request_id', '=', disposal.id)
      .executeTakeFirstOrThrow();
    await recordDisposal(db().ctx(nurse), {
      handlingId: handling.id,
      performedAt: '2026-04-01T01:00:00Z',
      method: 'destroy',
      sanitization: 'シュレッダー式メディア破砕機で破砕',
    });
    const published = await publishAsset(db().ctx(manager), {
      assetId: notice.id,
      channel: '掲示板',
      contentBase64: Buffer.from('お知らせ').toString('base64'),
    });

    let of = await status();
    expect(of('4.2.1.a')).toMatchObject({ status: 'partlyMet' });
    expect(
      of('4.2.1.a')
        .units.map((u) => [u.unitId === ward, u.status])
        .sort(),
    ).toEqual([
      [false, 'notMet'],
      [true, 'met'],
    ]);
    expect(of('4.2.2.b').status).toBe('met');
    expect(of('4.2.6.a')).toMatchObject({ status: 'met', evidenceCount: 1 });
    expect(of('4.2.6.b').status).toBe('met');
    expect(of('4.2.8.a').status).toBe('met');
    expect(of('4.2.8.b').status).toBe('met');
    expect(of('4.2.8.c').status).toBe('met');
    expect(of('4.2.7.c').status).toBe('met');
    expect(of('4.2.5.a').status).toBe('met');
    // The medium was emptied by the disposal: nothing of class II left on it to judge under 4-2(5)エ.
    expect(of('4.2.5.d').status).toBe('notYetEvaluable');

    // A class II medium in an unprotected cabinet, a publication that no longer matches its digest, then a
    // medium whose class was changed behind the register's back.
    const other = await registerMedium(
      db().ctx(manager),
      mediumFields(ward, { code: 'CMP-USB-2', storagePlaceId: cabinet.id }),
    );
    await registerAsset(db().ctx(nurse), assetInput(ward, { classification: 2, mediumId: other.id }));
    await checkPublication(db().ctx(manager), {
      publicationId: published.id,
      contentBase64: Buffer.from('改ざんされたお知らせ').toString('base64'),
    });
    of = await status();
    expect(of('4.2.5.d').status).toBe('notMet');
    expect(of('4.2.5.d').reason.ja).toContain('第4 2(5)エ');
    expect(of('4.2.4.c').status).toBe('met');
    expect(of('4.2.7.c').status).toBe('notMet');
    await db().handle.db.updateTable('media').set({ classification: 3 }).where('id', '=', other.id).execute();
    of = await status();
    expect(of('4.2.4.c').status).toBe('notMet');
    const detail = await service().getClause(db().ctx(systemActor('test')), { clauseId: '4.2.7.c' });
    expect(detail.evidence[0]?.label.ja).toContain('公表内容が記録と一致しません');
  });
});
