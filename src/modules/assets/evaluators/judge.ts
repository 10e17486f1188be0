import { bi, type Bilingual } from '../../../kernel/index.js';
import type { ClauseFinding, EvidenceItem, UnitFinding } from '../../policy/index.js';
import { classNames, type ClassificationLevel } from '../assets.schema.js';

/**
 * How the 第4 evaluators turn the records a clause rests on into its status, reason and evidence. Every record is
 * judged (a boolean), but evidence items — labels in two languages — are built only for the few shown, so a
 * register of tens of thousands of assets costs little time and memory.
 */

/** At most this many items of evidence per clause (and per unit) are kept; the count stays exact. */
export const MAX_ITEMS = 100;

export const cls = (n: number | null): string => (n === null ? '—' : classNames[n as ClassificationLevel]);

/** A record with its verdict, and how to show it when it is among the evidence kept. */
export interface Judged {
  readonly ok: boolean;
  readonly unitId: string | null;
  readonly item: () => EvidenceItem;
}

/** The failing records first, then the rest, at most MAX_ITEMS, built now. */
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

/**
 * A clause judged record by record: met when every record meets it, not met when none does, partly met otherwise;
 * not yet evaluable (with the reason why) when there is nothing to judge.
 */
export const judge = (
  clauseId: string,
  records: readonly Judged[],
  words: { readonly what: Bilingual; readonly none: Bilingual },
): ClauseFinding => {
  if (records.length === 0) return { clauseId, status: 'notYetEvaluable', reason: words.none, evidence: [] };
  const bad = records.filter((r) => !r.ok).length;
  const n = String(records.length);
  const reason =
    bad === 0
      ? bi(`${words.what.ja}: ${n}件すべて適合。`, `${words.what.en}: all ${n} meet it.`)
      : bi(
          `${words.what.ja}: ${n}件のうち${String(bad)}件が不適合。`,
          `${words.what.en}: ${String(bad)} of ${n} do not meet it.`,
        );
  return {
    clauseId,
    status: statusOf(bad, records.length),
    reason,
    evidence: shown(records),
    evidenceCount: records.length,
  };
};

/** Records grouped by unit, each unit judged as `judge` does. */
export const unitFindings = (records: readonly Judged[]): UnitFinding[] => {
  const byUnit = new Map<string, Judged[]>();
  for (const r of records) {
    const unit = r.unitId ?? '';
    let list = byUnit.get(unit);
    if (list === undefined) byUnit.set(unit, (list = []));
    list.push(r);
  }
  return [...byUnit.entries()].map(([unitId, own]) => {
    const bad = own.filter((r) => !r.ok).length;
    return {
      unitId,
      status: statusOf(bad, own.length),
      reason:
        bad === 0
          ? bi(`${String(own.length)}件すべて適合。`, `All ${String(own.length)} meet it.`)
          : bi(
              `${String(own.length)}件のうち${String(bad)}件が不適合。`,
              `${String(bad)} of ${String(own.length)} do not meet it.`,
            ),
      evidence: shown(own),
    };
  });
};

export const judged = (ok: boolean, unitId: string | null, item: () => EvidenceItem): Judged => ({
  ok,
  unitId,
  item,
});
