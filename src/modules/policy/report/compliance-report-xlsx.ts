import ExcelJS from 'exceljs';
import { formatEraDate, formatJapanTime } from '../../../kernel/index.js';
import { complianceStatuses, type ComplianceStatus } from '../compliance.model.js';
import { signatureLines, statusColor, statusLabelJa, statusMark, type ComplianceReport } from './report-data.js';

/** The compliance report as an Excel workbook: 概要 (with the signature), 条項別, 部署別 (a heat map), 根拠. */

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

const fills: Readonly<Record<ComplianceStatus, string>> = {
  met: '#d3f9d8',
  partlyMet: '#fff3bf',
  notMet: '#ffe3e3',
  notYetEvaluable: '#f1f3f5',
  notApplicable: '#dbe4ff',
};

const headerRow = (sheet: ExcelJS.Worksheet): void => {
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
};

const paint = (cell: ExcelJS.Cell, status: ComplianceStatus): void => {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fills[status]) } };
  cell.font = { bold: true, color: { argb: argb(statusColor[status]) } };
};

export const renderComplianceReportXlsx = async (report: ComplianceReport): Promise<Buffer> => {
  const { evaluation, setup } = report;
  const pack = setup.pack;
  const book = new ExcelJS.Workbook();
  book.creator = 'Mamori';
  book.created = report.printedAt;

  const summary = book.addWorksheet('概要');
  summary.columns = [{ width: 34 }, { width: 90 }];
  summary.addRow(['情報セキュリティ対策基準 遵守状況報告書']).font = { bold: true, size: 14 };
  summary.addRow(['病院', report.hospitalName.ja]);
  summary.addRow(['対象', `${pack.manifest.title}（${evaluation.pack.name} ${evaluation.pack.version}）`]);
  summary.addRow(['基準日', `${formatEraDate(evaluation.asOf)}（${evaluation.asOf}）`]);
  summary.addRow(['出力日時', formatJapanTime(report.printedAt)]);
  summary.addRow([]);
  for (const s of complianceStatuses) {
    const r = summary.addRow([statusLabelJa(s), evaluation.counts[s]]);
    const first = r.getCell(1);
    paint(first, s);
    r.getCell(2).alignment = { horizontal: 'left' };
  }
  summary.addRow(['評価対象の条項', evaluation.clauses.length]).getCell(2).alignment = { horizontal: 'left' };
  summary.addRow([]);
  summary.addRow(['署名（台帳チェックポイント）']).font = { bold: true };
  for (const line of signatureLines(report)) summary.addRow(['', line]);
  if (report.checkpoint !== null) {
    const noteRow = summary.addRow(['署名済みチェックポイント（原文）', report.checkpoint.note.trimEnd()]);
    noteRow.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    noteRow.height = 15 * (report.checkpoint.note.split('\n').length + 1);
  }

  const clauses = book.addWorksheet('条項別');
  clauses.columns = [
    { header: '条項ID', key: 'id', width: 12 },
    { header: '表示', key: 'display', width: 18 },
    { header: '見出し・本文', key: 'text', width: 60 },
    { header: '状況', key: 'status', width: 12 },
    { header: '理由', key: 'reason', width: 70 },
    { header: '根拠件数', key: 'count', width: 10 },
    { header: '担当モジュール', key: 'module', width: 14 },
    { header: '評価', key: 'evaluator', width: 20 },
  ];
  for (const c of evaluation.clauses) {
    const clause = pack.byId.get(c.clauseId);
    const r = clauses.addRow({
      id: c.clauseId,
      display: clause?.displayId ?? c.clauseId,
      text: clause?.text ?? clause?.title ?? '',
      status: statusLabelJa(c.status),
      reason: c.reason.ja,
      count: c.evidenceCount,
      module: c.module ?? '',
      evaluator: c.evaluator ?? '',
    });
    r.getCell('text').alignment = { wrapText: true, vertical: 'top' };
    r.getCell('reason').alignment = { wrapText: true, vertical: 'top' };
    paint(r.getCell('status'), c.status);
  }
  headerRow(clauses);
  clauses.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 8 } };

  const perUnit = evaluation.clauses.filter((c) => c.units.length > 0);
  const heat = book.addWorksheet('部署別');
  heat.columns = [
    { header: '部署コード', width: 16 },
    { header: '部署', width: 26 },
    ...perUnit.map((c) => ({ header: pack.byId.get(c.clauseId)?.displayId ?? c.clauseId, width: 12 })),
  ];
  const byClause = new Map(perUnit.map((c) => [c.clauseId, new Map(c.units.map((u) => [u.unitId, u.status]))]));
  for (const u of evaluation.units) {
    if (!perUnit.some((c) => byClause.get(c.clauseId)?.has(u.id))) continue;
    const r = heat.addRow([u.code, u.nameJa, ...perUnit.map((c) => {
      const s = byClause.get(c.clauseId)?.get(u.id);
      return s === undefined ? '' : `${statusMark[s]} ${statusLabelJa(s)}`;
    })]);
    perUnit.forEach((c, i) => {
      const s = byClause.get(c.clauseId)?.get(u.id);
      if (s !== undefined) paint(r.getCell(i + 3), s);
    });
  }
  headerRow(heat);

  const evidence = book.addWorksheet('根拠');
  evidence.columns = [
    { header: '条項', key: 'clause', width: 18 },
    { header: '部署', key: 'unit', width: 22 },
    { header: '種類', key: 'type', width: 18 },
    { header: '内容', key: 'label', width: 80 },
    { header: '日付', key: 'at', width: 22 },
    { header: '判定', key: 'ok', width: 8 },
    { header: '記録（台帳の対象）', key: 'ref', width: 44 },
  ];
  const unitName = new Map(evaluation.units.map((u) => [u.id, u.nameJa]));
  for (const c of evaluation.clauses) {
    for (const e of c.evidence) {
      evidence.addRow({
        clause: pack.byId.get(c.clauseId)?.displayId ?? c.clauseId,
        unit: e.unitId === null || e.unitId === undefined ? '' : (unitName.get(e.unitId) ?? ''),
        type: e.type,
        label: e.label.ja,
        at: e.at ?? '',
        ok: e.ok ? '○' : '×',
        ref: e.ref,
      });
    }
  }
  headerRow(evidence);
  evidence.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } };
  return Buffer.from(await book.xlsx.writeBuffer());
};
