import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { rejection } from '../../../../test/factories/identity.js';
import { lifecycleHospital, staffActor } from '../../../../test/factories/lifecycle.js';
import { auditSize } from '../../../../test/ledger-helpers.js';
import { importPersonnelFile, personnelTemplateCsv } from '../index.js';

const header =
  '異動区分,職員番号,発効日,氏名,氏名（カナ）,雇用形態,所属部署コード,ログインID,復職予定日,備考';

/** The personnel office's file (第7 2(1)イ(ア)): read like the organisation file, checked row by row. */
describeEachDialect('personnel file: CSV and Excel (第7 2(1)イ(ア))', (db) => {
  const csv = (lines: string[]) =>
    Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`).toString('base64');
  const clerk = () => staffActor(db(), 'P001');

  it('prepares the hospital', async () => {
    db().clock.set('2026-04-01T01:00:00.000Z');
    await lifecycleHospital(db());
  });

  it('reads a CSV with Japanese headers, the office’s own words for each kind and Excel’s dates (dry run)', async () => {
    const before = await auditSize(db().handle);
    const result = await importPersonnelFile(
      db().ctx(await clerk()),
      {
        format: 'csv',
        contentBase64: csv([
          '採用,N501,2026/4/1,採用 一子,サイヨウ イチコ,regular,KANGO-3E,ichiko.s,,',
          '異動,S007,2026/5/1,,,,JIMU-SOMU,,,4月の人事異動',
          '休職,S006,2026/6/1,,,,,,2026/9/1,育児休業',
        ]),
        fileName: '人事異動.csv',
      },
      true,
    );
    expect(result.events.map((e) => [e.row, e.kind, e.effectiveDate, e.status])).toEqual([
      [2, 'hire', '2026-04-01', 'applied'],
      [3, 'transfer', '2026-05-01', 'scheduled'],
      [4, 'leave', '2026-06-01', 'scheduled'],
      [4, 'return', '2026-09-01', 'scheduled'],
    ]);
    expect(await auditSize(db().handle)).toBe(before);
  });

  it('names every wrong row and field, and writes nothing', async () => {
    const before = await auditSize(db().handle);
    const error = await rejection(
      importPersonnelFile(
        db().ctx(await clerk()),
        {
          format: 'csv',
          contentBase64: csv([
            '採用,N601,2026/4/1,採用 二子,サイヨウ ニコ,regular,KANGO-3E,,,',
            '昇給,N602,2026/4/1,,,,,,,',
            '採用,N603,2026-02-30,採用 三子,saiyou,regular,,,,',
            '異動,S007,2026/5/1,,,,,,,',
          ]),
        },
        false,
      ),
      'validation',
    );
    expect(error.issues.map((i) => [i.row, i.field])).toEqual([
      [3, 'personnel.kind'],
      [4, 'personnel.effectiveDate'],
      [4, 'personnel.nameKana'],
      [4, 'personnel.unitCode'],
      [5, 'personnel.unitCode'],
    ]);
    expect(error.issues[3]?.message).toEqual({ ja: '必須項目です。', en: 'This field is required.' });
    expect(await auditSize(db().handle)).toBe(before);
  });

  it('refuses a file without a required column, on the header row', async () => {
    const error = await rejection(
      importPersonnelFile(
        db().ctx(await clerk()),
        {
          format: 'csv',
          contentBase64: Buffer.from('異動区分,職員番号\r\n採用,N701\r\n').toString('base64'),
        },
        true,
      ),
      'validation',
    );
    expect(error.issues.map((i) => [i.row, i.field])).toEqual([[1, 'personnel.effectiveDate']]);
    expect(error.issues[0]?.message.ja).toBe('人事異動: 必須の列「発効日」がありません。');
  });

  it('reads an Excel workbook whose only sheet is Sheet1, dates as Excel dates, and applies it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow([
      'Kind',
      'Employee number',
      'Effective date',
      'Name',
      'Name (kana)',
      'Employment',
      'Unit code',
    ]);
    sheet.addRow([
      'hire',
      801,
      new Date(Date.UTC(2026, 3, 1)),
      '採用 四郎',
      'サイヨウ シロウ',
      'partTime',
      'JIMU-SOMU',
    ]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const result = await importPersonnelFile(
      db().ctx(await clerk()),
      { format: 'xlsx', contentBase64: content },
      false,
    );
    expect(result.accounts.map((a) => [a.loginId, a.employeeNumber, a.usableFrom])).toEqual([
      ['801', '801', '2026-04-01'],
    ]);
    expect(result.accounts[0]?.temporaryPassword).toHaveLength(16);
  });

  it('offers an empty template with the Japanese headers', () => {
    expect(personnelTemplateCsv()).toBe(
      '\uFEFF異動区分,職員番号,発効日,氏名,氏名（カナ）,雇用形態,区分,所属会社,所属部署コード,職位コード,メールアドレス,電話番号,ログインID,復職予定日,備考\r\n',
    );
  });
});
