import { statSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/index.js';
import { formatJapaneseDate } from '../time/index.js';
import {
  addPageFooters,
  createPdf,
  formatPageNumber,
  pdfFonts,
  pdfToBuffer,
  resolveJapaneseFonts,
} from './index.js';

interface Extracted {
  readonly pages: readonly string[];
  readonly info: Record<string, unknown>;
}

/** Reads a PDF back with pdf.js: text per page, and the Info dictionary. */
const readPdf = async (pdf: Buffer): Promise<Extracted> => {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
    );
  }
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: info as Record<string, unknown> };
};

describe('Japanese PDFs', () => {
  it('finds the Noto Sans JP fonts shipped in the npm package', () => {
    const fonts = resolveJapaneseFonts();
    expect(fonts.regular.origin).toBe('package');
    expect(fonts.regular.path).toMatch(/NotoSansJP_400Regular\.ttf$/);
    expect(fonts.bold.path).toMatch(/NotoSansJP_700Bold\.ttf$/);
    expect(statSync(fonts.regular.path).size).toBeGreaterThan(1_000_000);
  });

  it('round-trips Japanese text (regular and bold) through a PDF reader', async () => {
    const pdf = createPdf({ title: '情報資産台帳', author: '川口市医療センター' });
    const date = formatJapaneseDate('2026-11-25');
    pdf.doc.font(pdfFonts.bold).fontSize(16).text('情報資産台帳');
    pdf.doc.font(pdfFonts.regular).fontSize(10).text(`基準日: ${date}`);
    pdf.doc.text('ｶﾀｶﾅ、ひらがな、漢字、ABC 123、①②、髙﨑');
    const bytes = await pdf.finish({ left: '情報資産台帳', right: '川口市医療センター' });

    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Subsetting keeps the file small: only the glyphs used are embedded, not the 5 MB font.
    expect(bytes.length).toBeLessThan(200_000);
    const { pages, info } = await readPdf(bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('情報資産台帳');
    expect(pages[0]).toContain('基準日: 2026年11月25日（令和8年）');
    expect(pages[0]).toContain('ｶﾀｶﾅ、ひらがな、漢字、ABC 123、①②、髙﨑');
    expect(pages[0]).toContain('1 / 1 ページ');
    expect(pages[0]).toContain('川口市医療センター');
    expect(info['Title']).toBe('情報資産台帳');
    expect(info['Author']).toBe('川口市医療センター');
    expect(info['Creator']).toBe('Mamori');
    expect(info['CreationDate']).toMatch(/^D:\d{14}/);
  });

  it('numbers every page 「n / N ページ」 without adding pages', async () => {
    const pdf = createPdf({ title: 'ページ番号', size: 'A3', layout: 'landscape' });
    pdf.doc.text('一ページ目');
    pdf.doc.addPage().text('二ページ目');
    pdf.doc.addPage().text('三ページ目');
    addPageFooters(pdf.doc);
    const { pages } = await readPdf(await pdfToBuffer(pdf.doc));
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => expect(page).toContain(formatPageNumber(i + 1, 3)));
  });

  it('adds a page only when the content would not fit', () => {
    const pdf = createPdf({ title: '改ページ' });
    expect(pdf.ensureSpace(100)).toBe(false);
    pdf.doc.y = pdf.area().bottom - 50;
    expect(pdf.ensureSpace(100)).toBe(true);
    expect(pdf.doc.bufferedPageRange().count).toBe(2);
    pdf.doc.end();
  });

  it('fails with a bilingual error when no Japanese font exists', () => {
    const missing = { kind: 'file', path: '/nonexistent/NotoSansCJK-Regular.ttc' } as const;
    let thrown: unknown;
    try {
      resolveJapaneseFonts({
        regular: [missing, { kind: 'package', specifier: 'no-such-font/x.ttf' }],
        bold: [],
      });
    } catch (e) {
      thrown = e;
    }
    expect(isAppError(thrown)).toBe(true);
    if (!isAppError(thrown)) return;
    expect(thrown.code).toBe('internal');
    expect(thrown.userMessage.ja).toContain('日本語フォント');
    expect(thrown.userMessage.en).toContain('no Japanese font');
  });

  it('falls back to the system font files, and uses regular as bold when bold is missing', () => {
    const regular = resolveJapaneseFonts().regular.path;
    const fonts = resolveJapaneseFonts({ regular: [{ kind: 'file', path: regular }], bold: [] });
    expect(fonts.regular).toEqual({ path: regular, family: undefined, origin: 'file' });
    expect(fonts.bold).toEqual(fonts.regular);
  });
});
