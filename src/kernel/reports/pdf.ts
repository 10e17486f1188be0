/**
 * Japanese PDFs for printing (contact charts, registers, audit reports).
 *
 * Mamori runs on a closed network, so fonts never download: Noto Sans JP ships inside the npm package
 * (@expo-google-fonts/noto-sans-jp). If that package is missing, the Debian package fonts-noto-cjk is used.
 * pdfkit subsets the font and writes a ToUnicode map, so the text stays searchable and extractable.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { AppError } from '../errors/index.js';

export type PdfDocument = PDFKit.PDFDocument;
export type PdfTextOptions = PDFKit.Mixins.TextOptions;
export type PdfPageSize = 'A4' | 'A3';
export type PdfLayout = 'portrait' | 'landscape';

/** Where a font may be found: a file inside an npm package, or a file on disk (optionally a face in a .ttc). */
export type PdfFontCandidate =
  | { readonly kind: 'package'; readonly specifier: string }
  | { readonly kind: 'file'; readonly path: string; readonly family?: string };

export interface PdfFontFile {
  readonly path: string;
  /** The face to use inside a font collection (.ttc); undefined for single-font files. */
  readonly family: string | undefined;
  readonly origin: 'package' | 'file';
}

export interface JapaneseFonts {
  readonly regular: PdfFontFile;
  readonly bold: PdfFontFile;
}

const NOTO_JP_PACKAGE = '@expo-google-fonts/noto-sans-jp';
const SYSTEM_NOTO_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'] as const;

/** Noto Sans JP from npm first, then fonts-noto-cjk from the system. */
export const defaultFontCandidates: {
  readonly regular: readonly PdfFontCandidate[];
  readonly bold: readonly PdfFontCandidate[];
} = {
  regular: [
    { kind: 'package', specifier: `${NOTO_JP_PACKAGE}/400Regular/NotoSansJP_400Regular.ttf` },
    ...SYSTEM_NOTO_DIRS.map((dir): PdfFontCandidate => ({
      kind: 'file',
      path: `${dir}/NotoSansCJK-Regular.ttc`,
      family: 'NotoSansCJKjp-Regular',
    })),
  ],
  bold: [
    { kind: 'package', specifier: `${NOTO_JP_PACKAGE}/700Bold/NotoSansJP_700Bold.ttf` },
    ...SYSTEM_NOTO_DIRS.map((dir): PdfFontCandidate => ({
      kind: 'file',
      path: `${dir}/NotoSansCJK-Bold.ttc`,
      family: 'NotoSansCJKjp-Bold',
    })),
  ],
};

/** sfnt signatures pdfkit (fontkit) embeds: TrueType, Apple TrueType, OpenType/CFF, collections. */
const FONT_SIGNATURES = new Set(['00010000', '74727565', '4f54544f', '74746366']);

const isFontFile = (path: string): boolean => {
  if (!existsSync(path)) return false;
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, head, 0, 4, 0) === 4 && FONT_SIGNATURES.has(head.toString('hex'));
  } finally {
    closeSync(fd);
  }
};

const require = createRequire(import.meta.url);

const locate = (candidate: PdfFontCandidate): PdfFontFile | null => {
  if (candidate.kind === 'package') {
    let path: string;
    try {
      path = require.resolve(candidate.specifier);
    } catch {
      return null;
    }
    return isFontFile(path) ? { path, family: undefined, origin: 'package' } : null;
  }
  return isFontFile(candidate.path)
    ? { path: candidate.path, family: candidate.family, origin: 'file' }
    : null;
};

const firstFound = (candidates: readonly PdfFontCandidate[]): PdfFontFile | null => {
  for (const candidate of candidates) {
    const found = locate(candidate);
    if (found) return found;
  }
  return null;
};

/** Finds the regular and bold Japanese fonts; bold falls back to regular. Throws AppError('internal') if none. */
export const resolveJapaneseFonts = (candidates = defaultFontCandidates): JapaneseFonts => {
  const regular = firstFound(candidates.regular);
  if (!regular) {
    throw new AppError(
      'internal',
      {
        ja: 'PDFを作成できません。日本語フォントが見つかりません（npmパッケージ @expo-google-fonts/noto-sans-jp、またはDebianパッケージ fonts-noto-cjk を導入してください）。',
        en: 'Cannot create the PDF: no Japanese font found (install the npm package @expo-google-fonts/noto-sans-jp or the Debian package fonts-noto-cjk).',
      },
      { internal: `No Japanese font among: ${JSON.stringify(candidates.regular)}` },
    );
  }
  return { regular, bold: firstFound(candidates.bold) ?? regular };
};

let cachedFonts: JapaneseFonts | undefined;
const fontBytes = new Map<string, Buffer>();

/** Reads each font file once per process (about 5 MB each); pdfkit embeds only the glyphs used. */
const readFont = (path: string): Buffer => {
  let bytes = fontBytes.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    fontBytes.set(path, bytes);
  }
  return bytes;
};

/** Names under which createPdf registers the fonts: use with doc.font(). */
export const pdfFonts = { regular: 'mamori-regular', bold: 'mamori-bold' } as const;

export interface CreatePdfOptions {
  readonly title: string;
  readonly author?: string;
  readonly subject?: string;
  readonly size?: PdfPageSize;
  readonly layout?: PdfLayout;
  /** Page margin in points (default 36, i.e. 12.7 mm). */
  readonly margin?: number;
  /** Metadata CreationDate; defaults to now. */
  readonly creationDate?: Date;
  /** Fonts to use; defaults to resolveJapaneseFonts(). */
  readonly fonts?: JapaneseFonts;
}

export interface PdfFooterOptions {
  /** Printed at the bottom left of every page, e.g. the document title. */
  readonly left?: string;
  /** Printed at the bottom right of every page, e.g. the hospital name. */
  readonly right?: string;
  readonly fontSize?: number;
}

export interface PdfBuilder {
  readonly doc: PdfDocument;
  readonly fonts: JapaneseFonts;
  /** The printable area of the current page (inside the margins). */
  area(): { readonly left: number; readonly top: number; readonly width: number; readonly bottom: number };
  /** Adds a page when fewer than `height` points remain above the bottom margin; returns true if it did. */
  ensureSpace(height: number): boolean;
  /** Writes 「n / N ページ」 footers on every page, ends the document and returns its bytes. */
  finish(footer?: PdfFooterOptions): Promise<Buffer>;
}

/** A new A4 (or A3) document with Japanese fonts registered, buffered pages and Mamori metadata. */
export const createPdf = (options: CreatePdfOptions): PdfBuilder => {
  const fonts = options.fonts ?? (cachedFonts ??= resolveJapaneseFonts());
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 36,
    bufferPages: true,
    lang: 'ja-JP',
    displayTitle: true,
    info: {
      Title: options.title,
      ...(options.author === undefined ? {} : { Author: options.author }),
      ...(options.subject === undefined ? {} : { Subject: options.subject }),
      Creator: 'Mamori',
      Producer: 'Mamori (PDFKit)',
      CreationDate: options.creationDate ?? new Date(),
    },
  });
  doc.registerFont(pdfFonts.regular, readFont(fonts.regular.path), fonts.regular.family);
  doc.registerFont(pdfFonts.bold, readFont(fonts.bold.path), fonts.bold.family);
  doc.font(pdfFonts.regular);

  const area = (): ReturnType<PdfBuilder['area']> => {
    const { margins, width, height } = doc.page;
    return {
      left: margins.left,
      top: margins.top,
      width: width - margins.left - margins.right,
      bottom: height - margins.bottom,
    };
  };

  return {
    doc,
    fonts,
    area,
    ensureSpace: (height) => {
      if (doc.y + height <= area().bottom) return false;
      doc.addPage();
      return true;
    },
    finish: (footer) => {
      addPageFooters(doc, footer);
      return pdfToBuffer(doc);
    },
  };
};

/** 「3 / 12 ページ」 */
export const formatPageNumber = (page: number, total: number): string =>
  `${String(page)} / ${String(total)} ページ`;

/**
 * Writes the footer on every buffered page. Call once, after all content, before pdfToBuffer.
 * The document must have been created with bufferPages (createPdf does).
 */
export const addPageFooters = (doc: PdfDocument, options: PdfFooterOptions = {}): void => {
  const { start, count } = doc.bufferedPageRange();
  const fontSize = options.fontSize ?? 8;
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    const bottomMargin = margins.bottom;
    // Writing below the bottom margin would otherwise make pdfkit add a page.
    doc.page.margins = { ...margins, bottom: 0 };
    const y = height - bottomMargin / 2 - fontSize / 2;
    const textWidth = width - margins.left - margins.right;
    // A fixed height keeps each footer on one line (ellipsis) and stops pdfkit from adding pages.
    const oneLine = { height: fontSize * 1.6, ellipsis: true } as const;
    doc.save().font(pdfFonts.regular).fontSize(fontSize).fillColor('#444444');
    if (options.left) doc.text(options.left, margins.left, y, { ...oneLine, width: textWidth * 0.4 });
    doc.text(formatPageNumber(i - start + 1, count), margins.left, y, {
      ...oneLine,
      width: textWidth,
      align: 'center',
    });
    if (options.right) {
      doc.text(options.right, margins.left + textWidth * 0.6, y, {
        ...oneLine,
        width: textWidth * 0.4,
        align: 'right',
      });
    }
    doc.restore();
    doc.page.margins = { ...margins, bottom: bottomMargin };
  }
};

/** Ends the document and collects its bytes. */
export const pdfToBuffer = (doc: PdfDocument): Promise<Buffer> =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
