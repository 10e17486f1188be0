import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../kernel/index.js';
import { normalizeHeader, orgColumns, orgFieldLabel, orgSheetColumns } from './org-columns.js';
import { readOrgFile, validateOrgRows, writeOrgCsv, writeOrgXlsx } from './org-file.js';
import { orgRowSchemas, orgSheets, type OrgData, type OrgSheet } from './org.schema.js';

const sample: OrgData = {
  units: [
    {
      code: 'HOSP',
      nameJa: '守り総合病院',
      nameEn: 'Mamori General Hospital',
      kind: 'bureau',
      parentCode: null,
      sortOrder: 0,
      phone: null,
      validFrom: '2024-04-01',
      validTo: null,
    },
    {
      code: 'MI',
      nameJa: '医療情報部',
      nameEn: 'Medical Informatics',
      kind: 'division',
      parentCode: 'HOSP',
      sortOrder: 10,
      phone: '03-1234-5678',
      validFrom: '2024-04-01',
      validTo: '2030-03-31',
    },
  ],
  positions: [
    { code: 'DIR', nameJa: '部長', nameEn: 'Director', rank: 10 },
    { code: 'STF', nameJa: '主任', nameEn: 'Chief', rank: 100 },
  ],
  staff: [
    {
      employeeNumber: '00123',
      nameKanji: '山田 太郎',
      nameKana: 'ヤマダ タロウ',
      employment: 'regular',
      category: 'employee',
      organization: null,
      unitCode: 'MI',
      positionCode: 'DIR',
      email: 'yamada@example.jp',
      phone: '+81-3-1234-5678',
      startDate: '2020-04-01',
      endDate: null,
    },
    {
      employeeNumber: 'C-001',
      nameKanji: '佐藤 花子',
      nameKana: 'さとう はなこ',
      employment: 'temporary',
      category: 'contractor',
      organization: '株式会社テスト, "保守"',
      unitCode: 'MI',
      positionCode: null,
      email: null,
      phone: null,
      startDate: '2024-04-01',
      endDate: '2025-03-31',
    },
  ],
  assignments: [
    {
      role: 'ciso',
      employeeNumber: '00123',
      unitCode: null,
      startDate: '2024-04-01',
      endDate: null,
      note: '=院長指名\n第3',
    },
  ],
  delegations: [
    {
      kind: 'acting',
      role: 'securityManager',
      unitCode: 'MI',
      fromEmployeeNumber: '00123',
      toEmployeeNumber: 'C-001',
      startDate: '2024-08-01',
      endDate: '2024-08-15',
      reason: '夏季休暇',
    },
  ],
};

const empty: OrgData = { units: [], positions: [], staff: [], assignments: [], delegations: [] };

const staffHeader =
  '職員番号,氏名,氏名（カナ）,雇用形態,区分,所属会社,所属部署コード,職位コード,メールアドレス,電話番号,開始日,終了日';

const readCsv = async (sheet: OrgSheet, content: string | Buffer) =>
  validateOrgRows(
    await readOrgFile({
      format: 'csv',
      content: typeof content === 'string' ? Buffer.from(content) : content,
      sheet,
    }),
  );

const lines = (...rows: string[]): string => `${rows.join('\r\n')}\r\n`;

/** What a user reads for each issue: row, field, Japanese, English. */
const seen = (issues: readonly FieldIssue[]) =>
  issues.map((i) => [i.row, i.field, i.message.ja, i.message.en]);

/** A Shift_JIS encoder built from the platform decoder (no iconv-lite here), anchored on known bytes below. */
const shiftJis = (() => {
  const decoder = new TextDecoder('shift_jis');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const encode = (ch: string): number[] => (ch < '\x80' ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]));
  return (s: string): Buffer => Buffer.from(Array.from(s).flatMap(encode));
})();

describe('column spec', () => {
  it('names every schema field once, marks required columns as the schema does, has unambiguous headers', () => {
    for (const sheet of orgSheets) {
      const columns = orgSheetColumns(sheet);
      const schema = orgRowSchemas[sheet];
      expect(columns.map((c) => c.key).sort()).toEqual(Object.keys(schema.shape).sort());
      const result = schema.safeParse({});
      const requiredBySchema = new Set(result.error?.issues.map((i) => String(i.path[0])));
      expect(columns.filter((c) => c.required).map((c) => c.key)).toEqual(
        columns.filter((c) => requiredBySchema.has(c.key)).map((c) => c.key),
      );
      const aliases = columns.flatMap((c) => [...new Set([c.key, c.ja, c.en].map(normalizeHeader))]);
      expect(new Set(aliases).size).toBe(aliases.length);
    }
  });

  it('labels issue fields in both languages', () => {
    expect(orgFieldLabel('staff.startDate')).toEqual({ ja: '職員 / 開始日', en: 'Staff / Start date' });
    expect(orgFieldLabel('delegations')).toEqual({ ja: '委任・代理', en: 'Delegations' });
  });
});

describe('xlsx', () => {
  it('round-trips the organisation exactly', async () => {
    const parsed = await readOrgFile({ format: 'xlsx', content: await writeOrgXlsx(sample) });
    expect(validateOrgRows(parsed)).toEqual({
      data: sample,
      issues: [],
      rowNumbers: { units: [2, 3], positions: [2, 3], staff: [2, 3], assignments: [2], delegations: [2] },
    });
  });

  it('writes Japanese sheet names and headers, a bold frozen header, dates as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeOrgXlsx(sample)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['部署', '職位', '職員', '役割', '委任・代理']);
    const staff = workbook.getWorksheet('職員');
    expect(staff?.getRow(1).values).toEqual([undefined, ...staffHeader.split(',')]);
    expect(staff?.getCell('A1').font.bold).toBe(true);
    expect(staff?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(staff?.getCell('A2').value).toBe('00123');
    expect(staff?.getCell('K2').value).toBe('2020-04-01');
    expect(staff?.getColumn('B').width).toBeGreaterThanOrEqual(10);
  });

  it('reads English sheet names and headers, Excel dates (UTC calendar day) and numeric employee numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Staff');
    ws.addRow(['Employee number', 'NAME', 'nameKana', 'Employment', 'Unit code', 'Start date', 'End date']);
    const date = new Date(Date.UTC(2024, 3, 1)); // as exceljs gives a date cell: UTC midnight
    ws.addRow([1001, ' 鈴木 一郎 ', 'スズキ イチロウ', 'partTime', 'MI', date]);
    ws.getCell('F2').numFmt = 'yyyy/m/d';
    ws.addRow([]);
    const rich = { richText: [{ text: '高橋' }, { text: ' 愛' }] };
    ws.addRow(['1002', rich, 'タカハシ アイ', 'regular', 'MI', 45383]); // 45383: the serial day of 2024-04-01
    workbook.addWorksheet('メモ').addRow(['ignored']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const { data, issues } = validateOrgRows(await readOrgFile({ format: 'xlsx', content: buffer }));
    expect(issues).toEqual([]);
    expect(data.staff.map((s) => [s.employeeNumber, s.nameKanji, s.startDate, s.category])).toEqual([
      ['1001', '鈴木 一郎', '2024-04-01', 'employee'],
      ['1002', '高橋 愛', '2024-04-01', 'employee'],
    ]);
  });

  it('reports a file that is not a workbook and a workbook without org sheets', async () => {
    const garbage = await readOrgFile({ format: 'xlsx', content: Buffer.from('not a zip') });
    expect(seen(garbage.issues)).toEqual([
      [
        undefined,
        'file',
        'Excelファイル（.xlsx）として読み取れません。',
        'The file cannot be read as an Excel workbook (.xlsx).',
      ],
    ]);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const none = await readOrgFile({ format: 'xlsx', content });
    expect(none.issues.map((i) => [i.field, i.message.ja])).toEqual([
      ['file', '対象のシートがありません。シート名は 部署・職位・職員・役割・委任・代理 としてください。'],
    ]);
  });
});

describe('csv', () => {
  it.each(orgSheets)('round-trips the %s sheet exactly', async (sheet) => {
    const csv = writeOrgCsv(sheet, sample[sheet]);
    const { data, issues } = await readCsv(sheet, Buffer.from(csv, 'utf8'));
    expect(issues).toEqual([]);
    expect(data).toEqual({ ...empty, [sheet]: sample[sheet] });
  });

  it('writes UTF-8 with BOM, CRLF, Japanese headers and guards cells Excel would run as formulas', () => {
    const csv = writeOrgCsv('assignments', sample.assignments);
    expect(csv.startsWith('\uFEFF役割,職員番号,部署コード,開始日,終了日,備考\r\n')).toBe(true);
    expect(csv).toBe(
      '\uFEFF役割,職員番号,部署コード,開始日,終了日,備考\r\nciso,00123,,2024-04-01,,"\'=院長指名\n第3"\r\n',
    );
    expect(writeOrgCsv('staff', sample.staff)).toContain(",'+81-3-1234-5678,");
  });

  it('parses a CSV with a BOM, and blank lines keep the file row numbers', async () => {
    const csv = `\uFEFF${lines('職位コード,職位名,職位名（英語）,序列', 'DIR,部長,Director,10', '', 'STF,主任,Chief,abc')}`;
    const parsed = await readOrgFile({ format: 'csv', content: Buffer.from(csv), sheet: 'positions' });
    expect(parsed.issues).toEqual([]);
    expect(parsed.sheets.positions?.rows).toEqual([
      { row: 2, values: { code: 'DIR', nameJa: '部長', nameEn: 'Director', rank: 10 } },
      { row: 4, values: { code: 'STF', nameJa: '主任', nameEn: 'Chief', rank: 'abc' } },
    ]);
    expect(seen(validateOrgRows(parsed).issues)).toEqual([
      [4, 'positions.rank', '形式が正しくありません（number が必要です）。', 'Expected number.'],
    ]);
  });

  it('decodes Shift_JIS (CP932) as Japanese Excel saves CSV', async () => {
    expect(shiftJis('職員番号')).toEqual(Buffer.from([0x90, 0x45, 0x88, 0xf5, 0x94, 0xd4, 0x8d, 0x86]));
    const content = shiftJis(
      lines(staffHeader, '00123,山田 太郎,ヤマダ タロウ,regular,,,MI,DIR,,,2020/4/1,'),
    );
    const { data, issues } = await readCsv('staff', content);
    expect(issues).toEqual([]);
    expect(data.staff).toEqual([
      { ...sample.staff[0], email: null, phone: null, startDate: '2020-04-01' }, // 2020/4/1 as Excel writes it
    ]);
  });

  it('accepts English headers and field keys in any case', async () => {
    const csv = lines(
      'CODE,Name (Japanese),name (english),kind,Valid from',
      'HOSP,守り総合病院,Mamori General Hospital,bureau,2024-04-01',
    );
    const { data, issues } = await readCsv('units', csv);
    expect(issues).toEqual([]);
    expect(data.units).toEqual([sample.units[0]]);
  });

  it('asks which sheet a CSV holds', async () => {
    const parsed = await readOrgFile({ format: 'csv', content: Buffer.from(lines(staffHeader)) });
    expect(seen(parsed.issues)).toEqual([
      [
        undefined,
        'sheet',
        'CSVファイルはどのシート（部署・職位・職員・役割・委任・代理）かを指定してください。',
        'Say which sheet the CSV file holds (units, positions, staff, assignments or delegations).',
      ],
    ]);
  });
});

describe('per-row errors', () => {
  it('names the file row and the field, in Japanese and English', async () => {
    const csv = lines(
      staffHeader,
      '00123,山田 太郎,ヤマダ タロウ,regular,,,MI,DIR,,,2020-04-01,',
      '00124,田中 次郎,タナカ ジロウ,regular,,,MI,,,,2024-02-30,',
      '00125,伊藤 三郎,Ito Saburo,fullTime,contractor,,MI,,mail,,2024-04-01,2024-03-31',
    );
    const { data, issues, rowNumbers } = await readCsv('staff', csv);
    expect(data.staff.map((s) => s.employeeNumber)).toEqual(['00123']);
    expect(rowNumbers).toEqual({ staff: [2] });
    expect(issues[0]).toEqual({
      row: 3,
      field: 'staff.startDate',
      message: {
        ja: '日付は YYYY-MM-DD 形式の実在する日付で入力してください。',
        en: 'Must be a real date in YYYY-MM-DD form.',
      },
    });
    expect(seen(issues.slice(1))).toEqual([
      [
        4,
        'staff.nameKana',
        'ひらがなまたはカタカナで入力してください。',
        'Must be written in hiragana or katakana.',
      ],
      [
        4,
        'staff.employment',
        '次のいずれかを指定してください: regular, partTime, temporary',
        'Must be one of: regular, partTime, temporary',
      ],
      [4, 'staff.email', 'メールアドレスの形式が正しくありません。', 'Not a valid e-mail address.'],
    ]);
  });

  it('reports a blank required cell as required', async () => {
    const { issues } = await readCsv(
      'positions',
      lines('職位コード,職位名,職位名（英語）,序列', 'DIR,部長,,'),
    );
    expect(seen(issues)).toEqual([
      [2, 'positions.nameEn', '必須項目です。', 'This field is required.'],
      [2, 'positions.rank', '必須項目です。', 'This field is required.'],
    ]);
  });

  it('reports an unknown column and a missing required column once, on the header row', async () => {
    const csv = lines(
      '職員番号,氏名,氏名（カナ）,雇用形態,所属部署コード,血液型',
      '00123,山田 太郎,ヤマダ タロウ,regular,MI,A',
      '00124,田中 次郎,タナカ ジロウ,regular,MI,O',
    );
    const { data, issues } = await readCsv('staff', csv);
    expect(data.staff).toEqual([]);
    expect(seen(issues)).toEqual([
      [1, 'staff.血液型', '職員: 不明な列です（F列「血液型」）。', 'Staff: unknown column F "血液型".'],
      [
        1,
        'staff.startDate',
        '職員: 必須の列「開始日」がありません。',
        'Staff: the required column "Start date" is missing.',
      ],
    ]);
  });

  it('reports a column given twice and values under a blank header', async () => {
    const csv = lines(
      '部署コード,Unit code,部署名,部署名（英語）,種別,有効開始日,',
      'HOSP,HOSP,病院,Hospital,bureau,2024-04-01,x',
    );
    const { issues } = await readCsv('units', csv);
    expect(seen(issues)).toEqual([
      [
        1,
        'units.code',
        '部署: 列「部署コード」が重複しています（A列とB列）。',
        'Units: column "Unit code" appears twice (columns A and B).',
      ],
      [
        1,
        'units',
        '部署: 見出しのない列（G列）に値があります。',
        'Units: column G has values but no header.',
      ],
    ]);
  });

  it('reports a repeated unit code, position code or employee number on the later row', async () => {
    const workbook = new ExcelJS.Workbook();
    const units = workbook.addWorksheet('部署');
    units.addRow(orgColumns.units.columns.map((c) => c.ja));
    units.addRow(['HOSP', '病院', 'Hospital', 'bureau', null, 0, null, '2024-04-01']);
    units.addRow(['HOSP', '別病院', 'Other', 'bureau', null, 0, null, '2024-04-01']);
    const staff = workbook.addWorksheet('職員');
    staff.addRow(staffHeader.split(','));
    for (const n of ['00123', '00124', '00123']) {
      staff.addRow(`${n},山田 太郎,ヤマダ タロウ,regular,,,HOSP,,,,2024-04-01`.split(','));
    }
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const { data, issues, rowNumbers } = validateOrgRows(await readOrgFile({ format: 'xlsx', content }));
    expect(data.units.map((u) => u.nameJa)).toEqual(['病院']);
    expect(data.staff.map((s) => s.employeeNumber)).toEqual(['00123', '00124']);
    expect(rowNumbers).toEqual({ units: [2], staff: [2, 3] });
    expect(seen(issues)).toEqual([
      [
        3,
        'units.code',
        '部署コード「HOSP」が重複しています（2行目と同じです）。',
        'Duplicate unit code "HOSP" (same as row 2).',
      ],
      [
        4,
        'staff.employeeNumber',
        '職員番号「00123」が重複しています（2行目と同じです）。',
        'Duplicate employee number "00123" (same as row 2).',
      ],
    ]);
  });
});
