import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, expect, it } from 'vitest';
import { decideStep, renderDecisionRecord, submitRequest } from '../../src/kernel/index.js';
import { delegateRole } from '../../src/modules/org/index.js';
import { describeEachDialect } from '../db-harness.js';
import { delegationRow } from '../factories/org.js';
import { actorOf, rejectionOf, seedSmallHospital, unitIdOf } from './fixtures.js';

const textOf = async (pdf: Buffer): Promise<string> => {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
      .join('');
  }
  await doc.destroy();
  return text;
};

describeEachDialect('approvals: the decision record PDF (決裁欄)', (db) => {
  beforeAll(async () => {
    await seedSmallHospital(db());
  });

  it('prints the request, its form and a 決裁欄 with each approver’s role, name, 令和 date and decision', async () => {
    await delegateRole(
      db().ctx(),
      delegationRow({
        kind: 'acting',
        role: 'securityManager',
        unitCode: 'JIMU-IRYOJOHO',
        fromEmployeeNumber: 'S003',
        toEmployeeNumber: 'S004',
        startDate: '2026-04-01',
        endDate: '2026-04-30',
        reason: '課長の出張中の代理',
      }),
    );
    const staff = await actorOf(db(), 'S007');
    const { id, refNo } = await submitRequest(db().ctx(staff), {
      draft: {
        typeId: 'changes.softwareInstall',
        form: {
          software: '画像ビューア 2.1',
          system: '電子カルテ端末',
          licence: 'purchased',
          installDate: '2026-04-20',
          purpose: '検査画像の閲覧',
        },
        resourceUnitId: await unitIdOf(db(), 'JIMU-IRYOJOHO'),
      },
    });
    await decideStep(db().ctx(await actorOf(db(), 'S002')), { requestId: id, decision: 'approve' });
    await decideStep(db().ctx(await actorOf(db(), 'S004')), {
      requestId: id,
      decision: 'approve',
      comment: '導入後に動作確認すること',
    });
    const { pdf } = await renderDecisionRecord(db().ctx(staff), { id });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await textOf(pdf);
    expect(text).toContain('ソフトウェアの導入 申請書・決裁記録');
    expect(text).toContain(`申請番号 ${refNo}`);
    expect(text).toContain('第7 1(14)イ');
    expect(text).toContain('職員 七海（3階東病棟）');
    expect(text).toContain('画像ビューア 2.1');
    expect(text).toContain('購入済み');
    expect(text).toContain('令和8年4月20日');
    expect(text).toContain('決裁欄');
    expect(text).toContain('統括情報セキュリティ責任者');
    expect(text).toContain('医療情報課 情報セキュリティ管理者');
    expect(text).toContain('事務 二郎');
    expect(text).toContain('総務 四郎');
    expect(text).toContain('令和8年4月1日');
    expect(text.match(/承認/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(text).toContain('代決（情報 三子 代理）');
    expect(text).toContain('導入後に動作確認すること');
  });

  it('is refused to someone who may not read the request', async () => {
    const staff = await actorOf(db(), 'S007');
    const { id } = await submitRequest(db().ctx(staff), {
      draft: {
        typeId: 'people.bringIn',
        form: {
          itemKind: 'medium',
          item: '私物USBメモリ',
          startDate: '2026-04-02',
          endDate: '2026-04-02',
          malwareChecked: true,
          purpose: '資料の持ち込み',
        },
      },
    });
    await rejectionOf(renderDecisionRecord(db().ctx(await actorOf(db(), 'S004')), { id }), 'forbidden');
  });
});
