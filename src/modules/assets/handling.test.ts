import { createHash } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, expect, it } from 'vitest';
import { decideStep, submitRequest, type Actor } from '../../kernel/index.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { assetInput, mediumFields } from '../../../test/factories/assets.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { actorOf, rejectionOf, seedSmallHospital, unitIdOf } from '../../../test/approvals/fixtures.js';
import {
  checkPublication,
  completeHandling,
  getAsset,
  getDisposalCertificate,
  listDisposalRecords,
  listHandlingLog,
  publishAsset,
  recordDisposal,
  recordHandling,
  registerAsset,
  registerMedium,
  renderDisposalCertificatePdf,
} from './index.js';

/** The text of a PDF as pdf.js reads it, lines joined (a cell may wrap anywhere), and its page count. */
const textOf = async (pdf: Buffer): Promise<{ text: string; pages: number }> => {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { text, pages };
};

/**
 * Handling as requests of the approvals engine (第4 2(6)–(8)) on both dialects. The small hospital: S006 is the
 * Manager of 3階東病棟 (KANGO-3E), S007 a nurse there, S004 the Manager of 総務課.
 */
describeEachDialect('assets: transport, provision, publication and disposal (第4 2(6)–(8))', (db) => {
  let ward = '';
  let nurse: Actor;
  let wardManager: Actor;

  beforeAll(async () => {
    await seedSmallHospital(db());
    ward = await unitIdOf(db(), 'KANGO-3E');
    nurse = await actorOf(db(), 'S007');
    wardManager = await actorOf(db(), 'S006');
  });

  const handlingOf = (requestId: string) =>
    db()
      .handle.db.selectFrom('asset_handlings')
      .selectAll()
      .where('request_id', '=', requestId)
      .executeTakeFirstOrThrow();

  const transportForm = (over: Record<string, unknown> = {}) => ({
    assetName: '（登録簿から）',
    classification: 2,
    origin: '3階東病棟',
    destination: '医療情報課',
    transportDate: '2026-04-03',
    protection: 'lockedCase',
    purpose: '電子カルテへの取り込み',
    ...over,
  });

  it('routes a class II transport to the Security Manager of the asset’s unit, requires its protection, and logs it when approved (第4 2(6)ア・イ)', async () => {
    const asset = await registerAsset(
      db().ctx(nurse),
      assetInput(ward, { name: '紙の同意書（3階東）', form: 'paper', classification: 2 }),
    );
    const ref = `asset:${asset.id}`;
    const lower = await rejectionOf(
      submitRequest(db().ctx(nurse), {
        draft: { typeId: 'assets.transport', form: transportForm({ classification: 3 }), resourceRef: ref },
      }),
      'validation',
    );
    expect(lower.issues[0]?.field).toBe('form.classification');
    expect(lower.issues[0]?.message.ja).toContain('登録簿の分類（II）');
    const bare = await rejectionOf(
      submitRequest(db().ctx(nurse), {
        draft: { typeId: 'assets.transport', form: transportForm({ protection: 'none' }), resourceRef: ref },
      }),
      'validation',
    );
    expect(bare.issues[0]?.field).toBe('form.protection');
    expect(bare.issues[0]?.message.en).toContain('4-2(6)イ');
    const elsewhere = await unitIdOf(db(), 'JIMU-SOMU');
    const submitted = await submitRequest(db().ctx(nurse), {
      draft: {
        typeId: 'assets.transport',
        form: transportForm(),
        resourceRef: ref,
        resourceUnitId: elsewhere,
      },
    });
    const request = await db()
      .handle.db.selectFrom('approval_requests')
      .selectAll()
      .where('id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    // The register decides: the asset's name and class, and its unit's Manager, whatever was typed.
    expect(request).toMatchObject({ resource_unit_id: ward, classification: 2 });
    expect(request.title).toBe(`${asset.code} 紙の同意書（3階東）`);
    const step = await db()
      .handle.db.selectFrom('approval_steps')
      .selectAll()
      .where('request_id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    expect(step).toMatchObject({ role: 'securityManager', unit_id: ward, status: 'pending' });

    const before = await auditSize(db().handle);
    await decideStep(db().ctx(wardManager), { requestId: submitted.id, decision: 'approve' });
    const kinds = (await auditEntries(db().handle, before)).map((e) => e.kind);
    expect(kinds).toEqual([
      'approvals.step.decided',
      'approvals.request.approved',
      'assets.handling.approved',
    ]);
    const handling = await handlingOf(submitted.id);
    expect(handling).toMatchObject({
      kind: 'transport',
      status: 'approved',
      asset_id: asset.id,
      protection: 'lockedCase',
      destination: '医療情報課',
      planned_on: '2026-04-03',
      request_ref_no: submitted.refNo,
    });

    await rejectionOf(
      completeHandling(db().ctx(await actorOf(db(), 'S004')), {
        handlingId: handling.id,
        performedAt: '2026-04-01T00:30:00Z',
      }),
      'forbidden',
    );
    // Carried out before the permission it needs: refused, naming the time (第4 2(6)ア).
    const early = await rejectionOf(
      completeHandling(db().ctx(nurse), { handlingId: handling.id, performedAt: '2026-04-01T00:30:00Z' }),
      'validation',
    );
    expect(early.issues[0]?.field).toBe('performedAt');
    expect(early.issues[0]?.message.ja).toContain('第4 2(6)ア');
    const after = await auditSize(db().handle);
    await completeHandling(db().ctx(nurse), {
      handlingId: handling.id,
      performedAt: '2026-04-01T01:00:00Z',
      note: '施錠ケースで手渡し',
    });
    const [done] = await auditEntries(db().handle, after);
    expect(done).toMatchObject({
      kind: 'assets.handling.carriedOut',
      payload: { protection: 'lockedCase', clause: '4.2.6.b' },
    });
    await rejectionOf(
      completeHandling(db().ctx(nurse), { handlingId: handling.id, performedAt: '2026-04-01T00:40:00Z' }),
      'conflict',
    );
    const log = await listHandlingLog(db().ctx(nurse), { assetId: asset.id });
    expect(log.map((h) => [h.kind, h.status, h.requestRefNo])).toEqual([
      ['transport', 'done', submitted.refNo],
    ]);
  });

  it('needs no permission for class III and IV, and refuses to log class II without one (第4 2(6)ア)', async () => {
    const leaflet = await registerAsset(
      db().ctx(nurse),
      assetInput(ward, { name: '入院案内', classification: 3 }),
    );
    await recordHandling(db().ctx(nurse), {
      kind: 'transport',
      assetId: leaflet.id,
      destination: '外来受付',
      performedAt: '2026-04-01T00:10:00Z',
    });
    const secret = await registerAsset(db().ctx(nurse), assetInput(ward, { classification: 2 }));
    const before = await auditSize(db().handle);
    const refused = await rejectionOf(
      recordHandling(db().ctx(nurse), {
        kind: 'transport',
        assetId: secret.id,
        performedAt: '2026-04-01T00:10:00Z',
      }),
      'conflict',
    );
    expect(refused.userMessage.ja).toContain('第4 2(6)ア');
    expect(await auditSize(db().handle)).toBe(before);
    const future = await rejectionOf(
      recordHandling(db().ctx(nurse), {
        kind: 'transport',
        assetId: leaflet.id,
        performedAt: '2026-04-02T00:00:00Z',
      }),
      'validation',
    );
    expect(future.issues[0]?.field).toBe('performedAt');
  });

  it('requires encryption or a password to provide class II outside, and records what, to whom and when (第4 2(7)ア・イ)', async () => {
    const referral = await registerAsset(
      db().ctx(nurse),
      assetInput(ward, { name: '看護サマリ（転院先へ）', classification: 2 }),
    );
    const form = {
      assetName: '（登録簿から）',
      classification: 2,
      recipient: '市立リハビリテーション病院 地域連携室',
      provisionDate: '2026-04-02',
      protection: 'lockedCase',
      purpose: '転院に伴う看護情報の提供',
    };
    const locked = await rejectionOf(
      submitRequest(db().ctx(nurse), {
        draft: { typeId: 'assets.provision', form, resourceRef: `asset:${referral.id}` },
      }),
      'validation',
    );
    expect(locked.issues[0]).toMatchObject({ field: 'form.protection' });
    expect(locked.issues[0]?.message.ja).toContain('暗号化またはパスワード');
    const submitted = await submitRequest(db().ctx(nurse), {
      draft: {
        typeId: 'assets.provision',
        form: { ...form, protection: 'encrypted' },
        resourceRef: `asset:${referral.id}`,
      },
    });
    await decideStep(db().ctx(wardManager), { requestId: submitted.id, decision: 'approve' });
    expect(await handlingOf(submitted.id)).toMatchObject({
      kind: 'provision',
      status: 'approved',
      counterparty: '市立リハビリテーション病院 地域連携室',
      planned_on: '2026-04-02',
      protection: 'encrypted',
      classification: 2,
    });
  });

  it('records the digest of what is published to residents and finds a later change (第4 2(7)ウ)', async () => {
    const notice = await registerAsset(
      db().ctx(wardManager),
      assetInput(ward, { name: '面会制限のお知らせ', classification: 3 }),
    );
    const content = Buffer.from('面会は当面15時から17時までとします。', 'utf8');
    const published = await publishAsset(db().ctx(wardManager), {
      assetId: notice.id,
      channel: '病院ホームページ /news/visiting',
      fileName: 'visiting.html',
      contentBase64: content.toString('base64'),
    });
    expect(published.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    const same = await checkPublication(db().ctx(wardManager), {
      publicationId: published.id,
      contentBase64: content.toString('base64'),
    });
    expect(same.ok).toBe(true);
    const before = await auditSize(db().handle);
    const changed = await checkPublication(db().ctx(wardManager), {
      publicationId: published.id,
      contentBase64: Buffer.from('面会は終日自由です。', 'utf8').toString('base64'),
    });
    expect(changed.ok).toBe(false);
    const [entry] = await auditEntries(db().handle, before);
    expect(entry).toMatchObject({
      kind: 'assets.publication.altered',
      payload: { expected: published.sha256 },
    });
    const detail = await getAsset(db().ctx(wardManager), { assetId: notice.id });
    expect(detail.publications[0]).toMatchObject({ status: 'altered', lastCheckOk: false });
    const secret = await registerAsset(db().ctx(wardManager), assetInput(ward, { classification: 2 }));
    const refused = await rejectionOf(
      publishAsset(db().ctx(wardManager), { assetId: secret.id, channel: '掲示板', contentBase64: 'eA==' }),
      'conflict',
    );
    expect(refused.userMessage.ja).toContain('非公開情報');
  });

  it('disposes of class II only unrecoverably, with date, person and method, and prints the certificate (第4 2(8)ア・イ・ウ)', async () => {
    const medium = await registerMedium(
      db().ctx(wardManager),
      mediumFields(ward, { code: 'USB-3E-OLD', label: '旧 病棟USBメモリ' }),
    );
    const asset = await registerAsset(
      db().ctx(nurse),
      assetInput(ward, { name: '2019年度 看護記録の写し', classification: 2, mediumId: medium.id }),
    );
    const form = {
      assetName: '（登録簿から）',
      classification: 2,
      method: 'delete',
      disposalDate: '2026-04-01',
      reason: '保存期間の満了',
    };
    const plain = await rejectionOf(
      submitRequest(db().ctx(nurse), {
        draft: { typeId: 'assets.disposal', form, resourceRef: `asset:${asset.id}` },
      }),
      'validation',
    );
    expect(plain.issues[0]?.field).toBe('form.method');
    expect(plain.issues[0]?.message.ja).toContain('第4 2(8)イ');
    const submitted = await submitRequest(db().ctx(nurse), {
      draft: {
        typeId: 'assets.disposal',
        form: { ...form, method: 'overwrite' },
        resourceRef: `medium:${medium.id}`,
      },
    });
    await decideStep(db().ctx(wardManager), { requestId: submitted.id, decision: 'approve' });
    const handling = await handlingOf(submitted.id);
    expect(handling).toMatchObject({
      kind: 'disposal',
      status: 'approved',
      medium_id: medium.id,
      classification: 2,
    });

    const record = {
      handlingId: handling.id,
      performedAt: '2026-04-01T01:00:00Z',
      method: 'overwrite' as const,
      witnessName: '病棟 六子',
    };
    const noHow = await rejectionOf(recordDisposal(db().ctx(nurse), record), 'validation');
    expect(noHow.issues[0]?.field).toBe('sanitization');
    const weak = await rejectionOf(
      recordDisposal(db().ctx(nurse), { ...record, method: 'delete', sanitization: 'ごみ箱' }),
      'validation',
    );
    expect(weak.issues[0]?.field).toBe('method');
    const before = await auditSize(db().handle);
    const done = await recordDisposal(db().ctx(nurse), {
      ...record,
      sanitization: 'データ消去ソフト（3回上書き）で全領域を消去し、読み出せないことを確認',
    });
    expect(done).toMatchObject({ disposedAssets: 1 });
    expect(done.recordNo).toMatch(/^D-2026-\d{6}$/);
    const kinds = (await auditEntries(db().handle, before)).map((e) => e.kind);
    expect(kinds).toEqual([
      'assets.disposal.recorded',
      'assets.handling.carriedOut',
      'assets.medium.disposed',
      'assets.asset.disposed',
      'assets.medium.classificationChanged',
    ]);
    expect((await getAsset(db().ctx(nurse), { assetId: asset.id })).status).toBe('disposed');
    await rejectionOf(recordDisposal(db().ctx(nurse), { ...record, sanitization: 'x' }), 'conflict');

    const [listed] = await listDisposalRecords(db().ctx(wardManager), { unitId: ward });
    expect(listed).toMatchObject({
      recordNo: done.recordNo,
      requestRefNo: submitted.refNo,
      performedByName: '職員 七海',
      performedAt: '2026-04-01T01:00:00Z',
      method: 'overwrite',
      unrecoverable: true,
    });
    const certificate = await getDisposalCertificate(db().ctx(nurse), { disposalId: done.id });
    const { text, pages } = await textOf(
      await renderDisposalCertificatePdf(certificate, { printedAt: db().clock.now() }),
    );
    expect(pages).toBe(1);
    for (const expected of [
      '情報資産廃棄証明書',
      done.recordNo,
      'USB-3E-OLD',
      asset.code,
      'データ消去ソフトによる上書き消去',
      '3回上書き',
      '令和8年4月1日 10:00',
      '職員 七海',
      '病棟 六子',
      submitted.refNo,
      '病棟 六子（令和8年4月1日 許可）',
      `assetDisposal:${done.id}`,
    ])
      expect(text, expected).toContain(expected);
    await rejectionOf(
      getDisposalCertificate(db().ctx(await actorOf(db(), 'S004')), { disposalId: done.id }),
      'notFound',
    );
  });
});
