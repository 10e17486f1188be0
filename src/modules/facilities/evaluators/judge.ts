import { bi, type Bilingual } from '../../../kernel/index.js';
import { unitsFinding, type ClauseFinding, type EvidenceItem, type UnitFinding } from '../../policy/index.js';

/**
 * How the 第5 evaluators turn records into a clause's status: each record is judged (a boolean), unit by unit;
 * evidence items (labels in two languages) are built only for the few kept, failing records first.
 */

export const MAX_ITEMS = 100;

export interface Judged {
  readonly ok: boolean;
  readonly unitId: string;
  readonly item: () => EvidenceItem;
}

const shown = (records: readonly Judged[]): EvidenceItem[] => {
  const out: EvidenceItem[] = [];
  for (const pass of [false, true])
    for (const r of records) {
      if (out.length >= MAX_ITEMS) return out;
      if (r.ok === pass) out.push(r.item());
    }
  return out;
};

const statusOf = (bad: number, all: number) => (bad === 0 ? 'met' : bad === all ? 'notMet' : 'partlyMet');

const unitFindings = (records: readonly Judged[]): UnitFinding[] => {
  const byUnit = new Map<string, Judged[]>();
  for (const r of records) {
    let list = byUnit.get(r.unitId);
    if (list === undefined) byUnit.set(r.unitId, (list = []));
    list.push(r);
  }
  return [...byUnit.entries()].map(([unitId, own]) => {
    const bad = own.filter((r) => !r.ok).length;
    const n = String(own.length);
    return {
      unitId,
      status: statusOf(bad, own.length),
      reason:
        bad === 0
          ? bi(`${n}件すべて適合。`, `All ${n} meet it.`)
          : bi(`${n}件のうち${String(bad)}件が不適合。`, `${String(bad)} of ${n} do not meet it.`),
      evidence: shown(own),
    };
  });
};

/**
 * A clause judged record by record and unit by unit (the units that keep the records); not yet evaluable, with
 * the reason, when the register holds nothing the clause applies to.
 */
export const judgeByUnit = (
  clauseId: string,
  records: readonly Judged[],
  words: { readonly what: Bilingual; readonly none: Bilingual },
): ClauseFinding => {
  if (records.length === 0) return { clauseId, status: 'notYetEvaluable', reason: words.none, evidence: [] };
  const finding = unitsFinding(clauseId, words.what, unitFindings(records));
  return { ...finding, evidence: shown(records), evidenceCount: records.length };
};
