import { createPdf, drawTable, formatEraDate, pdfFonts, roleName, type PdfCell } from '../../kernel/index.js';
import { eraDateTime, type DisposalCertificate } from './disposal-certificate.js';

/**
 * 情報資産廃棄証明書: the disposal record of 4-2(8)ウ as paperwork — what was disposed of, whose it was and its
 * class, how (and how recovery was made impossible, 4-2(8)イ), when and by whom, under which permission
 * (4-2(8)ア), and the ledger subject where its history can be verified. A4 portrait, Japanese, dates in 令和.
 */
export const renderDisposalCertificatePdf = async (
  c: DisposalCertificate,
  options: { printedAt: Date },
): Promise<Buffer> => {
  const pdf = createPdf({
    title: `情報資産廃棄証明書 ${c.recordNo}`,
    author: c.hospitalName.ja,
    subject: '情報セキュリティ対策基準 第4 2(8)',
    creationDate: options.printedAt,
  });
  const { doc } = pdf;
  const { left, width } = pdf.area();
  doc.font(pdfFonts.bold).fontSize(18).text('情報資産廃棄証明書', left, doc.y, { width, align: 'center' });
  doc
    .font(pdfFonts.regular)
    .fontSize(9)
    .fillColor('#555555')
    .text('Certificate of disposal of information assets', { width, align: 'center' })
    .fillColor('black');
  doc.moveDown(0.6);
  doc.fontSize(10).text(`記録番号\u3000${c.recordNo}`, left, doc.y, { width, align: 'right' });
  doc.text(`発行日\u3000${formatEraDate(c.issuedOn)}`, { width, align: 'right' });
  doc.text(c.hospitalName.ja, { width, align: 'right' });
  doc.moveDown(0.6);
  doc
    .fontSize(10.5)
    .text(
      '下記の情報資産は、情報セキュリティ対策基準 第4 2(8) に基づき、情報セキュリティ管理者の許可を得て廃棄したことを証明します。',
      left,
      doc.y,
      { width },
    );
  doc.moveDown(0.8);
  doc.font(pdfFonts.bold).fontSize(11).text('記', { width, align: 'center' });
  doc.moveDown(0.5);

  const rows: [string, string][] = [
    ['廃棄した情報資産', c.subjectName],
    ['所管部署', c.unitName],
    ['重要性分類', c.classification],
    ['廃棄の方法', c.method],
    [
      '復元できないようにした処置（第4 2(8)イ）',
      c.unrecoverable ? (c.sanitization ?? '（記載なし）') : '対象外（重要性分類III・IVの通常の廃棄）',
    ],
    ['実施日時（第4 2(8)ウ）', eraDateTime(c.performedAt, c.timeZone)],
    ['実施者（第4 2(8)ウ）', c.performedByName],
    ['立会者', c.witnessName ?? '—'],
    [
      '委託事業者・証明書番号',
      c.contractor === null
        ? '—'
        : `${c.contractor}${c.contractorCertificate === null ? '' : `（${c.contractorCertificate}）`}`,
    ],
    [
      '廃棄の許可（第4 2(8)ア）',
      c.approver === null
        ? `申請番号 ${c.requestRefNo}`
        : `申請番号 ${c.requestRefNo}\u3000${c.approver.role === null ? '' : roleName(c.approver.role).ja} ${c.approver.name}${c.approver.on === null ? '' : `（${formatEraDate(c.approver.on)} 許可）`}`,
    ],
    [
      '登録簿から除いた情報資産',
      c.assets.length === 0 ? '—' : c.assets.map((a) => `${a.code} ${a.name}`).join('\n'),
    ],
    ['記録日時', eraDateTime(c.recordedAt, c.timeZone)],
    ['備考', c.note ?? '—'],
    ['台帳（監査ログ）の記録', c.ledgerSubject],
  ];
  const cells: PdfCell[][] = rows.map(([label, value]) => [
    { text: label, bold: true, fill: '#f1f3f5' },
    { text: value },
  ]);
  drawTable(
    pdf,
    [
      { header: '項目', share: 1.3 },
      { header: '内容', share: 3 },
    ],
    cells,
    9.5,
  );
  doc.moveDown(0.5);
  doc.font(pdfFonts.regular).fontSize(10).text('以上', { width, align: 'right' });
  return pdf.finish({ left: `情報資産廃棄証明書 ${c.recordNo}`, right: c.hospitalName.ja });
};
