import { beforeAll, expect, it } from 'vitest';
import { decideStep, systemActor } from '../../kernel/index.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { assetInput, mediumFields } from '../../../test/factories/assets.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { actorOf, rejectionOf, seedSmallHospital, unitIdOf } from '../../../test/approvals/fixtures.js';
import {
  deriveAsset,
  eraseDraft,
  getAsset,
  listAssets,
  reclassifyAsset,
  registerAsset,
  registerMedium,
  requestClassificationRuling,
  updateAssetRecord,
} from './index.js';

/**
 * The register rules of 第4 2(1)–(4) on both dialects, with the small hospital of test/factories/org.ts:
 * S003 Manager of 医療情報課 · S004 Manager of 総務課 · S006 Manager of 3階東病棟 · S007 staff of 3階東病棟 ·
 * C001 contractor of 医療情報課.
 */
describeEachDialect('assets: register rules (第4 2(1)–(4), 第7 1(1))', (db) => {
  let ward = '';
  let informatics = '';

  beforeAll(async () => {
    await seedSmallHospital(db());
    ward = await unitIdOf(db(), 'KANGO-3E');
    informatics = await unitIdOf(db(), 'JIMU-IRYOJOHO');
  });

  const asset = async (id: string) =>
    db()
      .handle.db.selectFrom('information_assets')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('requires a classification when information is created, and writes nothing without one (第4 2(2)イ)', async () => {
    const nurse = await actorOf(db(), 'S007');
    const before = await auditSize(db().handle);
    const refused = await rejectionOf(
      registerAsset(db().ctx(nurse), assetInput(ward, { classification: undefined })),
      'validation',
    );
    expect(refused.issues.map((i) => i.field)).toEqual(['classification']);
    expect(refused.issues[0]?.message.ja).toContain('第4 2(2)イ');
    expect(refused.issues[0]?.message.en).toContain('classified when you create it');
    expect(await auditSize(db().handle)).toBe(before);

    const made = await registerAsset(
      db().ctx(nurse),
      assetInput(ward, { name: '看護記録（3階東）', classification: 'II' }),
    );
    expect(made).toMatchObject({ classification: 2, classificationBasis: 'creator', rulingRequestId: null });
    expect(made.code).toMatch(/^IA-2026-\d{6}$/);
    const [entry] = await auditEntries(db().handle, before);
    expect(entry).toMatchObject({
      kind: 'assets.asset.registered',
      subject: `asset:${made.id}`,
      actor: 'account:account-S007',
      payload: { classification: 2, basis: 'creator', origin: 'created', owningUnitId: ward },
    });
  });

  it('refuses to register an asset for a unit one does not belong to or manage, and writes nothing', async () => {
    const otherManager = await actorOf(db(), 'S004');
    const before = await auditSize(db().handle);
    await rejectionOf(registerAsset(db().ctx(otherManager), assetInput(ward)), 'forbidden');
    expect(await auditSize(db().handle)).toBe(before);
  });

  it('keeps the source’s class for an asset received from inside (第4 2(3)ア)', async () => {
    const manager = await actorOf(db(), 'S003');
    const source = await registerAsset(db().ctx(manager), assetInput(informatics, { classification: 2 }));
    const nurse = await actorOf(db(), 'S007');
    const wrong = await rejectionOf(
      registerAsset(
        db().ctx(nurse),
        assetInput(ward, { origin: 'receivedInside', sourceAssetId: source.id, classification: 3 }),
      ),
      'validation',
    );
    expect(wrong.issues[0]?.field).toBe('classification');
    expect(wrong.issues[0]?.message.ja).toContain('入手元の分類（II）');
    const before = await auditSize(db().handle);
    const received = await registerAsset(
      db().ctx(nurse),
      assetInput(ward, { origin: 'receivedInside', sourceAssetId: source.id, classification: undefined }),
    );
    expect(received).toMatchObject({ classification: 2, classificationBasis: 'source' });
    expect((await auditEntries(db().handle, before)).map((e) => e.kind)).toEqual([
      'assets.asset.registered',
      'assets.handling.recorded',
    ]);
    const log = await db()
      .handle.db.selectFrom('asset_handlings')
      .select(['kind', 'counterparty', 'classification'])
      .where('asset_id', '=', received.id)
      .execute();
    expect(log).toEqual([{ kind: 'receipt', counterparty: source.code, classification: 2 }]);
  });

  it('classifies an asset from outside on receipt (第4 2(3)イ)', async () => {
    const nurse = await actorOf(db(), 'S007');
    const missing = await rejectionOf(
      registerAsset(
        db().ctx(nurse),
        assetInput(ward, { origin: 'receivedOutside', sourceParty: null, classification: undefined }),
      ),
      'validation',
    );
    expect(missing.issues.map((i) => i.field).sort()).toEqual(['classification', 'sourceParty']);
    const received = await registerAsset(
      db().ctx(nurse),
      assetInput(ward, { origin: 'receivedOutside', sourceParty: '市立病院 地域連携室', classification: 2 }),
    );
    expect(received).toMatchObject({ classification: 2, classificationBasis: 'onReceipt' });
    expect((await asset(received.id)).received_on).toBe('2026-04-01');
  });

  it('asks the Security Manager through the approvals engine when the class is unclear, handling it as class I meanwhile (第4 2(3)ウ)', async () => {
    const manager = await actorOf(db(), 'S003');
    const contractor = await actorOf(db(), 'C001');
    const before = await auditSize(db().handle);
    const received = await registerAsset(
      db().ctx(manager),
      assetInput(informatics, {
        origin: 'receivedOutside',
        sourceParty: '県医療政策課',
        classification: 'unknown',
        proposedClassification: 2,
        question: '県からの照会資料。非公開情報か判断できない。',
      }),
    );
    expect(received).toMatchObject({ classification: 1, classificationBasis: 'provisional' });
    const request = await db()
      .handle.db.selectFrom('approval_requests')
      .selectAll()
      .where('id', '=', received.rulingRequestId ?? '')
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({
      type_id: 'assets.classificationRuling',
      status: 'submitted',
      resource_ref: `asset:${received.id}`,
      classification: 2,
    });
    const kinds = (await auditEntries(db().handle, before)).map((e) => e.kind);
    expect(kinds).toEqual([
      'assets.asset.registered',
      'assets.handling.recorded',
      'approvals.request.submitted',
      'approvals.step.activated',
    ]);
    // Handled as class I until the ruling: a contractor of the same section may not see it (第4 1).
    await rejectionOf(getAsset(db().ctx(contractor), { assetId: received.id }), 'forbidden');
    // The Manager's own request goes up to the Officer above (第3 7(1)); S002 is the Officer of 事務局.
    const officer = await actorOf(db(), 'S002');
    const decided = await decideStep(db().ctx(officer), { requestId: request.id, decision: 'approve' });
    expect(decided.status).toBe('approved');
    expect(await asset(received.id)).toMatchObject({ classification: 2, classification_basis: 'ruling' });
    const ruled = (await auditEntries(db().handle, before)).map((e) => e.kind);
    expect(ruled).toContain('assets.asset.classificationRuled');
    expect((await getAsset(db().ctx(contractor), { assetId: received.id })).classification).toBe(2);
    await rejectionOf(
      requestClassificationRuling(db().ctx(manager), { assetId: received.id, proposedClassification: 3 }),
      'conflict',
    );
  });

  it('asks again after a rejected ruling, one request at a time (第4 2(3)ウ)', async () => {
    const nurse = await actorOf(db(), 'S007');
    const wardManager = await actorOf(db(), 'S006');
    const received = await registerAsset(
      db().ctx(nurse),
      assetInput(ward, { origin: 'receivedOutside', sourceParty: '患者家族', classification: 'unknown' }),
    );
    const first = received.rulingRequestId ?? '';
    await rejectionOf(
      requestClassificationRuling(db().ctx(nurse), { assetId: received.id, proposedClassification: 3 }),
      'conflict',
    );
    await decideStep(db().ctx(wardManager), {
      requestId: first,
      decision: 'reject',
      comment: '分類IIと考える。',
    });
    expect((await asset(received.id)).classification).toBe(1);
    const again = await requestClassificationRuling(db().ctx(nurse), {
      assetId: received.id,
      proposedClassification: 2,
    });
    expect(again.requestId).not.toBe(first);
    await decideStep(db().ctx(wardManager), { requestId: again.requestId, decision: 'approve' });
    expect(await asset(received.id)).toMatchObject({ classification: 2, classification_basis: 'ruling' });
  });

  it('gives a copy or transmission its source’s class, and carries a later change to it (第4 2(1)イ)', async () => {
    const manager = await actorOf(db(), 'S006');
    const source = await registerAsset(db().ctx(manager), assetInput(ward, { classification: 2 }));
    const copy = await deriveAsset(db().ctx(manager), { sourceAssetId: source.id, kind: 'copy' });
    const sent = await deriveAsset(db().ctx(manager), {
      sourceAssetId: source.id,
      kind: 'transmission',
      recipient: '医療情報課',
    });
    expect(copy.classification).toBe(2);
    expect(await asset(sent.id)).toMatchObject({
      classification: 2,
      classification_basis: 'inherited',
      origin: 'transmission',
    });
    const before = await auditSize(db().handle);
    await reclassifyAsset(db().ctx(manager), {
      assetId: source.id,
      classification: 1,
      reason: '患者の病名を含むため',
    });
    expect((await asset(copy.id)).classification).toBe(1);
    expect((await asset(sent.id)).classification).toBe(1);
    const entries = await auditEntries(db().handle, before);
    expect(entries.filter((e) => e.kind === 'assets.asset.classificationInherited')).toHaveLength(2);
    expect(entries[0]).toMatchObject({ kind: 'assets.asset.reclassified', payload: { from: 2, to: 1 } });
    const refused = await rejectionOf(
      reclassifyAsset(db().ctx(manager), { assetId: copy.id, classification: 3, reason: '試し' }),
      'conflict',
    );
    expect(refused.userMessage.ja).toContain('第4 2(1)イ');
    // Staff who made the asset may not reclassify it: the Manager is responsible (第4 2(1)ア).
    const nurse = await actorOf(db(), 'S007');
    const own = await registerAsset(db().ctx(nurse), assetInput(ward, { classification: 3 }));
    await rejectionOf(
      reclassifyAsset(db().ctx(nurse), { assetId: own.id, classification: 2, reason: '試し' }),
      'forbidden',
    );
  });

  it('handles a medium by the most sensitive class it holds, automatically (第4 2(4)ウ)', async () => {
    const manager = await actorOf(db(), 'S006');
    const medium = await registerMedium(db().ctx(manager), mediumFields(ward));
    const classOf = async () =>
      (
        await db()
          .handle.db.selectFrom('media')
          .select('classification')
          .where('id', '=', medium.id)
          .executeTakeFirstOrThrow()
      ).classification;
    expect(await classOf()).toBeNull();
    await registerAsset(db().ctx(manager), assetInput(ward, { classification: 3, mediumId: medium.id }));
    expect(await classOf()).toBe(3);
    const before = await auditSize(db().handle);
    const secret = await registerAsset(
      db().ctx(manager),
      assetInput(ward, { classification: 1, mediumId: medium.id, draft: true }),
    );
    expect(await classOf()).toBe(1);
    const raised = (await auditEntries(db().handle, before)).find(
      (e) => e.kind === 'assets.medium.classificationChanged',
    );
    expect(raised?.payload).toMatchObject({ from: 3, to: 1, clause: '4.2.4.c' });
    await eraseDraft(db().ctx(manager), { assetId: secret.id, reason: '作成途中で不要になった' });
    expect(await classOf()).toBe(3);
    const moved = await registerAsset(db().ctx(manager), assetInput(ward, { classification: 2 }));
    await updateAssetRecord(db().ctx(manager), { assetId: moved.id, mediumId: medium.id });
    expect(await classOf()).toBe(2);
  });

  it('erases a draft no longer needed, with the record of who, when and why (第4 2(2)ウ)', async () => {
    const nurse = await actorOf(db(), 'S007');
    const draft = await registerAsset(db().ctx(nurse), assetInput(ward, { draft: true, classification: 2 }));
    const before = await auditSize(db().handle);
    await eraseDraft(db().ctx(nurse), {
      assetId: draft.id,
      reason: '委員会資料の案。別案に統合したため不要。',
    });
    expect(await asset(draft.id)).toMatchObject({
      status: 'erased',
      erase_reason: '委員会資料の案。別案に統合したため不要。',
      erased_at: '2026-04-01T01:00:00.000Z',
    });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual(['assets.asset.draftErased', 'assets.handling.recorded']);
    expect(entries[0]?.payload).toMatchObject({ clause: '4.2.2.c' });
    const log = await db()
      .handle.db.selectFrom('asset_handlings')
      .select(['kind', 'performed_by_name'])
      .where('asset_id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(log).toEqual({ kind: 'draftErased', performed_by_name: '職員 七海' });
    const finished = await registerAsset(db().ctx(nurse), assetInput(ward));
    const refused = await rejectionOf(
      eraseDraft(db().ctx(nurse), { assetId: finished.id, reason: '不要' }),
      'conflict',
    );
    expect(refused.userMessage.ja).toContain('第4 2(8)');
  });

  it('shows class I only inside the owning section and, inside it, to the compartment’s members (第7 1(1))', async () => {
    const nurse = await actorOf(db(), 'S007');
    const wardManager = await actorOf(db(), 'S006');
    const otherManager = await actorOf(db(), 'S004');
    const secret = await registerAsset(
      db().ctx(nurse),
      assetInput(ward, { name: '身体拘束の記録', classification: 1 }),
    );
    const open = await registerAsset(
      db().ctx(nurse),
      assetInput(ward, { name: '病棟だより', classification: 3 }),
    );
    await rejectionOf(getAsset(db().ctx(otherManager), { assetId: secret.id }), 'forbidden');
    const listed = await listAssets(db().ctx(otherManager), { unitId: ward, limit: 1000 });
    expect(listed.items.map((a) => a.id)).toContain(open.id);
    expect(listed.items.map((a) => a.id)).not.toContain(secret.id);
    expect((await getAsset(db().ctx(wardManager), { assetId: secret.id })).name).toBe('身体拘束の記録');

    await updateAssetRecord(db().ctx(wardManager), { assetId: secret.id, compartmentId: 'cmp-restraint' });
    const before = await auditSize(db().handle);
    await rejectionOf(getAsset(db().ctx(wardManager), { assetId: secret.id }), 'forbidden');
    const [denied] = await auditEntries(db().handle, before);
    expect(denied).toMatchObject({ kind: 'access.denied', subject: `informationAsset:${secret.id}` });
    const member = { ...wardManager, compartments: ['cmp-restraint'] };
    expect((await getAsset(db().ctx(member), { assetId: secret.id })).compartmentId).toBe('cmp-restraint');
    // Its creator keeps it (the owner), and the operator's import sees every unit.
    expect((await getAsset(db().ctx(nurse), { assetId: secret.id })).id).toBe(secret.id);
    expect(
      (await listAssets(db().ctx(systemActor('test')), { unitId: ward, limit: 1000 })).total,
    ).toBeGreaterThan(1);
  });
});
