import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { renderContactChartPdf } from './contact-chart-pdf.js';
import type { ContactChart, ContactHolder, ContactNode } from './contact-chart.model.js';

// Synthetic test data: the names, numbers and addresses are made up.

interface Extracted {
  readonly pages: number;
  readonly text: string;
  /** Every piece of text with its page and baseline height above the bottom edge of the page, in points. */
  readonly items: readonly { readonly page: number; readonly str: string; readonly y: number }[];
}

/** Extracts the text of every page with pdf.js, the reader Firefox uses. */
const extractText = async (pdf: Buffer): Promise<Extracted> => {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  const items: { page: number; str: string; y: number }[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
      if (item.str.trim() !== '') items.push({ page: n, str: item.str, y: Number(item.transform[5]) });
    }
    pages.push(text);
  }
  await doc.destroy();
  return { pages: doc.numPages, text: pages.join('\n'), items };
};

let staffSeq = 0;
const holder = (nameKanji: string, nameKana: string, extra: Partial<ContactHolder> = {}): ContactHolder => {
  staffSeq += 1;
  return {
    staffId: `staff-${String(staffSeq)}`,
    nameKanji,
    nameKana,
    positionJa: '主任',
    positionEn: 'Chief',
    phone: String(1000 + staffSeq),
    email: `staff${String(staffSeq)}@example.test`,
    via: 'assignment',
    ...extra,
  };
};

const unit = (code: string, nameJa: string): ContactNode['unit'] => ({
  id: `unit-${code}`,
  code,
  nameJa,
  nameEn: code,
});

const manager = (unitCode: string, unitJa: string, person: ContactHolder): ContactNode => ({
  role: 'securityManager',
  unit: unit(unitCode, unitJa),
  holders: [person],
  children: [],
});

const sampleChart = (): ContactChart => ({
  asOf: '2026-11-25',
  hospitalName: { ja: '川口市医療センター', en: 'Kawaguchi Municipal Medical Center' },
  roots: [
    {
      role: 'ciso',
      unit: null,
      holders: [holder('山田 花子', 'やまだ はなこ', { positionJa: '副院長' })],
      children: [
        {
          role: 'securityDirector',
          unit: null,
          holders: [
            holder('佐藤 一郎', 'さとう いちろう', { positionJa: '事務局長' }),
            holder('鈴木 次郎', 'すずき じろう', { positionJa: '情報管理課長', via: 'delegation' }),
          ],
          children: [
            {
              role: 'securityOfficer',
              unit: unit('MED', '診療部'),
              holders: [holder('高橋 三郎', 'たかはし さぶろう', { positionJa: '診療部長' })],
              children: [
                manager('INT', '内科', holder('田中 四郎', 'たなか しろう')),
                manager('SUR', '外科', holder('伊藤 五月', 'いとう さつき', { via: 'acting', phone: null })),
              ],
            },
            {
              role: 'securityOfficer',
              unit: unit('NUR', '看護部'),
              holders: [holder('渡辺 六花', 'わたなべ りっか', { positionJa: '看護部長', email: null })],
              children: [
                manager('W3', '3階東病棟', holder('中村 七海', 'なかむら ななみ')),
                manager('W4', '4階西病棟', holder('小林 八重', 'こばやし やえ')),
              ],
            },
          ],
        },
      ],
    },
  ],
  vacancies: [{ role: 'securityManager', unitNameJa: '放射線科', unitNameEn: 'Radiology' }],
});

describe('renderContactChartPdf', () => {
  it('renders a PDF whose extracted text holds the whole chart', async () => {
    const pdf = await renderContactChartPdf(sampleChart(), { printedAt: new Date('2026-11-25T01:00:00Z') });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const { text, pages } = await extractText(pdf);
    expect(pages).toBe(1);
    for (const expected of [
      '情報セキュリティ緊急連絡体制図',
      '川口市医療センター',
      '基準日: 2026年11月25日（令和8年）',
      '根拠: 川口市医療センター情報セキュリティ対策基準 第3 2(6)',
      '最高情報統括責任者',
      '統括情報セキュリティ責任者',
      '山田 花子',
      'やまだ はなこ',
      '佐藤 一郎',
      '鈴木 次郎',
      '高橋 三郎',
      '田中 四郎',
      '伊藤 五月',
      '渡辺 六花',
      '中村 七海',
      '小林 八重',
      '副院長',
      '内線 1001',
      'staff1@example.test',
      '代理',
      '委任（第3 2(7)）',
      '未配置の役割',
      '放射線科',
      '1 / 1 ページ',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/情報セキュリティ責任者\s*診療部/);
    expect(text).toMatch(/情報セキュリティ管理者\s*3階東病棟/);
    // The marks sit in the row of the person they qualify.
    expect(text).toMatch(/委任\s*（第3 2\(7\)）\s*鈴木 次郎/);
    expect(text).toMatch(/代理\s*伊藤 五月/);
    expect(text).not.toMatch(/(代理|委任)\s*(山田 花子|佐藤 一郎|高橋 三郎)/);
    expect(text).not.toMatch(/未配置の役割\s*なし/);
  });

  it('prints 「なし」 when no role is vacant', async () => {
    const { text } = await extractText(await renderContactChartPdf({ ...sampleChart(), vacancies: [] }));
    expect(text).toMatch(/未配置の役割\s*なし/);
  });

  it('shows a role nobody holds as 未配置 inside the tree', async () => {
    const chart = sampleChart();
    const vacantNode: ContactNode = {
      role: 'securityManager',
      unit: unit('RAD', '放射線科'),
      holders: [],
      children: [],
    };
    const { text } = await extractText(
      await renderContactChartPdf({ ...chart, roots: [{ ...chart.roots[0]!, children: [vacantNode] }] }),
    );
    expect(text).toMatch(/情報セキュリティ管理者\s*放射線科\s*未配置/);
    expect(text).toContain('（この役割を担う者がいません）');
  });

  it('paginates a chart with 200 managers, repeating the header on every page', async () => {
    const managers = Array.from({ length: 200 }, (_, i) =>
      manager(`U${String(i)}`, `部署${String(i + 1)}`, holder(`試験 太郎${String(i + 1)}`, 'しけん たろう')),
    );
    const chart = sampleChart();
    const big: ContactChart = {
      ...chart,
      roots: [
        { ...chart.roots[0]!, children: [{ ...chart.roots[0]!.children[0]!, children: [] }, ...managers] },
      ],
      vacancies: Array.from({ length: 40 }, (_, i) => ({
        role: 'securityManager' as const,
        unitNameJa: `空席部署${String(i + 1)}`,
        unitNameEn: null,
      })),
    };
    const started = performance.now();
    const pdf = await renderContactChartPdf(big);
    const elapsed = performance.now() - started;
    const { text, pages, items } = await extractText(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('試験 太郎1');
    expect(text).toContain('試験 太郎200');
    expect(text).toContain('空席部署40');
    expect(text).toContain(`${String(pages)} / ${String(pages)} ページ`);
    expect(text.split('情報セキュリティ緊急連絡体制図（続き）').length - 1).toBe(pages - 1);
    // Nothing overflows: below the 36 pt bottom margin there is only the footer (title, 「n / N ページ」, hospital).
    for (let page = 1; page <= pages; page += 1) {
      const footer = items
        .filter((item) => item.page === page && item.y < 36)
        .map((item) => item.str)
        .join(' ');
      expect(footer).toMatch(
        new RegExp(
          `^情報セキュリティ緊急連絡体制図\\s*基準日: 2026年11月25日（令和8年）\\s*${String(page)} / ${String(pages)} ページ\\s*川口市医療センター$`,
        ),
      );
    }
    expect(items.every((item) => item.y > 0 && item.y < 595.28)).toBe(true);
    expect(elapsed).toBeLessThan(10_000);
  });
});
