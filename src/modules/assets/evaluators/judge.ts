import { bi, type Bilingual } from '../../../kernel/index.js';
import type { ClauseFinding, EvidenceItem, UnitFinding } from '../../policy/index.js';
import { classNames, type ClassificationLevel } from '../assets.schema.js';

/** How the 第4 evaluators turn the records a clause rests on into its status, reason and evidence. */

/** At most this many items of evidence per clause are kept; the count stays exact. */
export const MAX_ITEMS = 100;

export const cls = (n: number | null): string => (n === null ? '—' : classNames[n as ClassificationLevel]);

/**
 * A clause judged record by record: met when every record meets it, not met when none does, partly met otherwise;
 * not yet evaluable (with the reason why) when there is nothing to judge. The failing records come first.
 */
export const judge = (
  clauseId: string,
  items: readonly EvidenceItem[],
  words: { readonly what: Bilingual; readonly none: Bilingual },
): ClauseFinding => {
  const bad = items.filter((i) => !i.ok);
  const shown = [...bad, ...items.filter((i) => i.ok)].slice(0, MAX_ITEMS);
  if (items.length === 0) return { clauseId, status: 'notYetEvaluable', reason: words.none, evidence: [] };
  const n = String(items.length);
  const status = bad.length === 0 ? 'met' : bad.length === items.length ? 'notMet' : 'partlyMet';
  const reason =
    bad.length === 0
      ? bi(`${words.what.ja}: ${n}件すべて適合。`, `${words.what.en}: all ${n} meet it.`)
      : bi(
          `${words.what.ja}: ${n}件のうち${String(bad.length)}件が不適合。`,
          `${words.what.en}: ${String(bad.length)} of ${n} do not meet it.`,
        );
  return { clauseId, status, reason, evidence: shown, evidenceCount: items.length };
};

/** Records grouped by unit, each unit judged as `judge` does. */
export const unitFindings = (items: readonly EvidenceItem[]): UnitFinding[] => {
  const byUnit = new Map<string, EvidenceItem[]>();
  for (const item of items) {
    const unit = item.unitId ?? '';
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), item]);
  }
  return [...byUnit.entries()].map(([unitId, own]) => {
    const bad = own.filter((i) => !i.ok).length;
    return {
      unitId,
      status: bad === 0 ? 'met' : bad === own.length ? 'notMet' : 'partlyMet',
      reason:
        bad === 0
          ? bi(`${String(own.length)}件すべて適合。`, `All ${String(own.length)} meet it.`)
          : bi(
              `${String(own.length)}件のうち${String(bad)}件が不適合。`,
              `${String(bad)} of ${String(own.length)} do not meet it.`,
            ),
      evidence: [...own.filter((i) => !i.ok), ...own.filter((i) => i.ok)].slice(0, MAX_ITEMS),
    };
  });
};
