import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, expect, it } from 'vitest';
import { systemActor, type MamoriApp } from '../../kernel/index.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { actorOf, rejectionOf } from '../../../test/approvals/fixtures.js';
import { call, startSignedInServer, type Browserish } from '../../../test/server-harness.js';
import { importAssetsFile, listAssets } from './index.js';

const csv = (...lines: string[]): string =>
  Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
const assetHeader = '資産番号,名称,形態,所管部署コード,重要性分類,媒体番号,保存期限,作成者職員番号';

const workbook = async (): Promise<string> => {
  const book = new ExcelJS.Workbook();
  const places = book.addWorksheet('保管場所');
  places.addRow(['保管場所コード', '名称', '種別', '所管部署コード', '耐火', '耐熱', '耐水', '耐湿']);
  places.addRow(['CAB-3E', '3階東 施錠書庫', 'cabinet', 'KANGO-3E', 'はい', 'はい', 'はい', 'はい']);
  const media = book.addWorksheet('Media');
  media.addRow([
    'Medium number',
    'Label',
    'Kind',
    'Owning unit code',
    'Place code',
    'Purpose',
    'Stored since',
  ]);
  media.addRow([
    'USB-3E-9',
    '病棟USBメモリ',
    'USBメモリ',
    'KANGO-3E',
    'CAB-3E',
    '業務用',
    new Date(Date.UTC(2025, 9, 1)),
  ]);
  const assets = book.addWorksheet('情報資産');
  assets.addRow(assetHeader.split(','));
  assets.addRow([
    'IA-OLD-001',
    '褥瘡ケア記録（2025年度）',
    '電子',
    'KANGO-3E',
    'II',
    'USB-3E-9',
    '2030-03-31',
    'S007',
  ]);
  assets.addRow(['IA-OLD-002', '病棟行事のお知らせ', '紙', 'KANGO-3E', 'Ⅳ', null, null, null]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
};

describeEachDialect('assets: the register as files — import with a dry run, Excel and PDF (第4)', (db) => {
  let app: MamoriApp;
  let as: (loginId: string) => Browserish;

  beforeAll(async () => {
    ({ app, as } = await startSignedInServer(db(), { 'ward-manager': 'S006', nurse: 'S007', somu: 'S004' }));
  });

  it('checks every row of a file and writes nothing when one is wrong, naming sheet, row and field', async () => {
    const manager = await actorOf(db(), 'S006');
    const before = await auditSize(db().handle);
    const error = await rejectionOf(
      importAssetsFile(
        db().ctx(manager),
        {
          format: 'csv',
          sheet: 'assets',
          contentBase64: csv(
            assetHeader,
            'IA-X-1,正しい行,電子,KANGO-3E,II,,,',
            'IA-X-2,分類なし,電子,KANGO-3E,,,,',
            'IA-X-3,部署違い,紙,NOWHERE,I,,,',
            'IA-X-4,媒体違い,電子,KANGO-3E,V,USB-NONE,2026-02-30,',
            'IA-X-1,重複,電子,KANGO-3E,III,,,',
          ),
        },
        true,
      ),
      'validation',
    );
    expect(error.issues.map((i) => [i.row, i.field])).toEqual([
      [3, 'assets.classification'],
      [5, 'assets.classification'],
      [5, 'assets.retainUntil'],
      [6, 'assets.code'],
    ]);
    expect(error.issues[0]?.message).toEqual({ ja: '必須項目です。', en: 'This field is required.' });
    // The rows that pass the format are checked against the database too, before anything is written.
    const references = await rejectionOf(
      importAssetsFile(
        db().ctx(manager),
        {
          format: 'csv',
          sheet: 'assets',
          contentBase64: csv(
            assetHeader,
            'IA-Y-1,部署違い,紙,NOWHERE,I,,,',
            'IA-Y-2,媒体違い,電子,KANGO-3E,II,USB-NONE,,',
            'IA-Y-3,他部署,電子,JIMU-SOMU,II,,,',
          ),
        },
        false,
      ),
      'validation',
    );
    expect(references.issues.map((i) => [i.row, i.field, i.message.ja])).toEqual([
      [2, 'assets.owningUnitCode', '部署コード「NOWHERE」はありません。'],
      [3, 'assets.mediumCode', '記録媒体「USB-NONE」はありません。'],
      [4, 'assets.owningUnitCode', 'この部署の記録は取り込めません（所管する部署のものに限ります）。'],
    ]);
    expect(await auditSize(db().handle)).toBe(before);
    expect((await listAssets(db().ctx(systemActor('test')), {})).total).toBe(0);
  });

  it('imports places, media and assets from Excel: a dry run first, then for real, then again unchanged (第4 2(2)イ)', async () => {
    const content = await workbook();
    const dry = await call(app, as('ward-manager'), 'POST', '/api/assets/import?dryRun=true', {
      format: 'xlsx',
      contentBase64: content,
      fileName: 'register.xlsx',
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({
      dryRun: true,
      counts: {
        places: { created: 1, updated: 0, unchanged: 0 },
        media: { created: 1, updated: 0, unchanged: 0 },
        assets: { created: 2, updated: 0, unchanged: 0 },
      },
    });
    expect((await listAssets(db().ctx(systemActor('test')), {})).total).toBe(0);
    const before = await auditSize(db().handle);
    const real = await call(app, as('ward-manager'), 'POST', '/api/assets/import?dryRun=false', {
      format: 'xlsx',
      contentBase64: content,
    });
    expect(real.json<{ dryRun: boolean }>().dryRun).toBe(false);
    const entries = await auditEntries(db().handle, before);
    expect(entries[0]?.kind).toBe('assets.import.applied');
    expect(entries[0]?.actor).toMatch(/^account:/);
    expect(entries.filter((e) => e.kind === 'assets.asset.registered')).toHaveLength(2);
    expect(entries.at(-1)).toMatchObject({ kind: 'assets.medium.classificationChanged', payload: { to: 2 } });
    const list = await listAssets(db().ctx(systemActor('test')), {});
    expect(
      list.items.map((a) => [
        a.code,
        a.classification,
        a.classificationBasis,
        a.createdByName,
        a.medium?.code ?? null,
      ]),
    ).toEqual([
      ['IA-OLD-001', 2, 'imported', '職員 七海', 'USB-3E-9'],
      ['IA-OLD-002', 4, 'imported', null, null],
    ]);
    const again = await call(app, as('ward-manager'), 'POST', '/api/assets/import?dryRun=false', {
      format: 'xlsx',
      contentBase64: content,
    });
    expect(again.json<{ counts: { assets: unknown } }>().counts.assets).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    // Staff without a Manager's role do not import (assets.import).
    const refused = await call(app, as('nurse'), 'POST', '/api/assets/import?dryRun=true', {
      format: 'xlsx',
      contentBase64: content,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('exports the asset register as a workbook the import reads back, and each register as Excel and PDF', async () => {
    const res = await call(app, as('ward-manager'), 'GET', '/api/assets/exports?register=assets&format=xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['保管場所', '記録媒体', '情報資産']);
    expect(book.getWorksheet('情報資産')?.getRow(2).getCell(1).value).toBe('IA-OLD-001');
    const back = await call(app, as('ward-manager'), 'POST', '/api/assets/import?dryRun=true', {
      format: 'xlsx',
      contentBase64: res.rawPayload.toString('base64'),
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json<{ counts: { assets: unknown } }>().counts.assets).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
    });

    const pdf = await call(
      app,
      as('ward-manager'),
      'GET',
      '/api/assets/exports?register=assets&format=pdf&classification=2',
    );
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const doc = await getDocument({
      data: new Uint8Array(pdf.rawPayload),
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
    const text = (await (await doc.getPage(1)).getTextContent()).items
      .map((i) => ('str' in i ? i.str : ''))
      .join('');
    await doc.destroy();
    expect(text).toContain('情報資産台帳');
    expect(text).toContain('IA-OLD-001');
    expect(text).not.toContain('IA-OLD-002');
    expect(text).toContain('条件: 分類II');
    for (const register of ['media', 'handlings', 'disposals'])
      for (const format of ['xlsx', 'pdf']) {
        const file = await call(
          app,
          as('ward-manager'),
          'GET',
          `/api/assets/exports?register=${register}&format=${format}`,
        );
        expect(file.statusCode, `${register}.${format}`).toBe(200);
        expect(file.headers['content-disposition']).toContain(`${register}-`);
      }
    // Another section's Manager sees none of the ward's class II (7-1(1)).
    const other = await call(app, as('somu'), 'GET', '/api/assets/exports?register=assets&format=xlsx');
    const otherBook = new ExcelJS.Workbook();
    await otherBook.xlsx.load(other.rawPayload as unknown as ExcelJS.Buffer);
    const codes: unknown[] = [];
    otherBook.getWorksheet('情報資産')?.eachRow((row, n) => {
      if (n > 1) codes.push(row.getCell(1).value);
    });
    expect(codes).toEqual(['IA-OLD-002']);
  });
});
