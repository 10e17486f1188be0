import { z } from 'zod';
import { bi, defineQuery, type Bilingual, type UseCaseContext } from '../../../kernel/index.js';
import type { ChecklistAnswerCode, ChecklistItemView, ChecklistView } from '../../../shared/api-types.js';
import type { ComplianceSetup } from '../compliance-setup.js';
import type { ComplianceStatus } from '../compliance.model.js';
import { listCurrentAnswers, listCurrentMappings } from '../compliance.repository.js';
import { evaluateCompliance } from '../evaluate-compliance.js';
import { allow } from '../policy-access.js';
import { requireChecklist } from './checklist-access.js';

interface Computed {
  readonly answer: ChecklistAnswerCode;
  readonly reason: Bilingual;
}

/**
 * An item's answer from its clauses: "no" when any is not met or only partly met, "yes" when all are met (or not
 * applicable), otherwise unknown: some clause is not yet evaluable, and the hospital records the answer.
 */
export const answerFrom = (clauses: readonly { displayId: string; status: ComplianceStatus }[]): Computed => {
  if (clauses.length === 0)
    return {
      answer: 'unknown',
      reason: bi('対策基準の条項に対応付けがないため、病院が確認して記録します。', 'No clause is mapped: the hospital checks and records it.'),
    };
  const failing = clauses.filter((c) => c.status === 'notMet' || c.status === 'partlyMet');
  if (failing.length > 0)
    return {
      answer: 'no',
      reason: bi(
        `${failing.map((c) => c.displayId).join('・')}が${failing.some((c) => c.status === 'notMet') ? '不適合' : '一部適合'}です。`,
        `${failing.map((c) => c.displayId).join(', ')} not (fully) met.`,
      ),
    };
  const open = clauses.filter((c) => c.status === 'notYetEvaluable');
  if (open.length > 0)
    return {
      answer: 'unknown',
      reason: bi(
        `${open.map((c) => c.displayId).join('・')}がまだ評価できません（根拠を記録するモジュールが未整備）。`,
        `${open.map((c) => c.displayId).join(', ')} cannot be evaluated yet (the module recording the evidence does not exist).`,
      ),
    };
  if (clauses.every((c) => c.status === 'notApplicable'))
    return {
      answer: 'unknown',
      reason: bi('対応する条項はすべて適用除外です。', 'Every mapped clause is recorded as not applicable.'),
    };
  return {
    answer: 'yes',
    reason: bi(
      `${clauses.map((c) => c.displayId).join('・')}が適合しています。`,
      `${clauses.map((c) => c.displayId).join(', ')} met.`,
    ),
  };
};

/** The MHLW checklist answered from live data: each item with its clauses' status, answer and 確認日. */
export const buildChecklist = async (setup: ComplianceSetup, ctx: UseCaseContext): Promise<ChecklistView> => {
  const checklist = requireChecklist(setup);
  const db = ctx.database.db;
  const corrections = new Map(
    (await listCurrentMappings(db, checklist.name)).map((m) => [m.item_id, JSON.parse(m.clause_ids) as string[]]),
  );
  const mapped = new Map(checklist.items.map((i) => [i.id, corrections.get(i.id) ?? i.clauses]));
  const all = [...new Set([...mapped.values()].flat())].filter((id) => setup.pack.byId.has(id));
  const evaluation = await evaluateCompliance(setup, ctx, { only: all });
  const status = new Map(evaluation.clauses.map((c) => [c.clauseId, c.status]));
  const answers = new Map((await listCurrentAnswers(db, checklist.name)).map((a) => [a.item_id, a]));
  const items = checklist.items.map((item): ChecklistItemView => {
    const clauses = (mapped.get(item.id) ?? []).map((id) => ({
      id,
      displayId: setup.pack.byId.get(id)?.displayId ?? id,
      status: status.get(id) ?? 'notYetEvaluable',
    }));
    const computed = answerFrom(clauses);
    const recorded = answers.get(item.id);
    const useRecorded = computed.answer === 'unknown' && recorded !== undefined;
    const answer = useRecorded ? (recorded.answer as ChecklistAnswerCode) : computed.answer;
    return {
      id: item.id,
      section: item.section,
      number: item.number,
      text: { ja: item.textJa, en: item.textEn },
      scope: [...item.scope],
      wording: item.wording,
      note: { ja: item.noteJa, en: item.noteEn },
      clauses,
      mappingSource: corrections.has(item.id) ? 'corrected' : 'pack',
      answer,
      answerSource: useRecorded ? 'recorded' : computed.answer === 'unknown' ? 'none' : 'computed',
      confirmedOn: useRecorded ? recorded.confirmed_on : computed.answer === 'unknown' ? null : evaluation.asOf,
      targetDate: answer === 'no' ? (recorded?.target_date ?? null) : null,
      reason: useRecorded
        ? bi(`病院が記録（${recorded.note}）`, `Recorded by the hospital (${recorded.note})`)
        : { ...computed.reason },
      recordedNote: recorded?.note ?? null,
    };
  });
  const counts: Record<ChecklistAnswerCode, number> = { yes: 0, no: 0, unknown: 0 };
  for (const i of items) counts[i.answer] += 1;
  return {
    name: checklist.name,
    title: checklist.title,
    titleEn: checklist.titleEn,
    form: checklist.form,
    edition: {
      fiscalYear: checklist.edition.fiscalYear,
      eraJa: checklist.edition.eraJa,
      published: checklist.edition.published,
      publisher: checklist.edition.publisher,
      established: { ja: checklist.edition.establishedJa, en: checklist.edition.establishedEn },
    },
    asOf: evaluation.asOf,
    sections: checklist.sections.map((s) => ({ id: s.id, title: { ja: s.titleJa, en: s.titleEn } })),
    items,
    counts,
  };
};

export const getChecklist = (setup: ComplianceSetup) =>
  defineQuery({
    name: 'policy.getChecklist',
    input: z.object({}).strict(),
    authorize: allow('compliance.read'),
    execute: (ctx): Promise<ChecklistView> => buildChecklist(setup, ctx),
  });
