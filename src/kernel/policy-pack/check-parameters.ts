import type { LocatedClause } from './check-clauses.js';
import { packIssue, type PackIssue } from './pack-issue.js';
import type { PolicyParameter, RequestType } from './pack.schema.js';

/** Where a parameter is defined. */
export interface ParameterEntry {
  readonly clauseId: string;
  readonly file: string;
  readonly index: number;
  readonly parameter: PolicyParameter;
}

export const rangeIssue = (p: PolicyParameter): { ja: string; en: string } | null => {
  switch (p.type) {
    case 'integer':
    case 'duration':
      if (p.min > p.max)
        return {
          ja: `範囲の下限 ${String(p.min)} が上限 ${String(p.max)} を超えています。`,
          en: `The range minimum ${String(p.min)} exceeds its maximum ${String(p.max)}.`,
        };
      if (p.value < p.min || p.value > p.max)
        return {
          ja: `値 ${String(p.value)} が範囲 ${String(p.min)}〜${String(p.max)} (${p.unit}) の外です。`,
          en: `Value ${String(p.value)} is outside its range ${String(p.min)}–${String(p.max)} (${p.unit}).`,
        };
      return null;
    case 'choice':
      return p.options.includes(p.value)
        ? null
        : {
            ja: `値「${p.value}」は選択肢 (${p.options.join(', ')}) にありません。`,
            en: `Value "${p.value}" is not one of its options (${p.options.join(', ')}).`,
          };
    case 'boolean':
    case 'list':
      return null;
  }
};

export const relationIssues = (
  entry: ParameterEntry,
  all: ReadonlyMap<string, ParameterEntry>,
): PackIssue[] => {
  const p = entry.parameter;
  if (p.type !== 'integer' && p.type !== 'duration') return [];
  const issues: PackIssue[] = [];
  const relations: [string | undefined, 'below' | 'above'][] = [
    [p.below, 'below'],
    [p.above, 'above'],
  ];
  for (const [otherKey, direction] of relations) {
    if (otherKey === undefined) continue;
    const field = `parameters[${String(entry.index)}].${direction}`;
    const other = all.get(otherKey)?.parameter;
    if (other === undefined) {
      issues.push(
        packIssue(
          entry.file,
          entry.clauseId,
          field,
          `比較先のパラメータ「${otherKey}」がありません。`,
          `Parameter "${otherKey}" it is compared with does not exist.`,
        ),
      );
      continue;
    }
    if (other.type !== p.type || other.unit !== p.unit) {
      issues.push(
        packIssue(
          entry.file,
          entry.clauseId,
          field,
          `「${otherKey}」とは型または単位が異なり比較できません。`,
          `Cannot compare with "${otherKey}": different type or unit.`,
        ),
      );
      continue;
    }
    const ok = direction === 'below' ? p.value < other.value : p.value > other.value;
    if (!ok)
      issues.push(
        packIssue(
          entry.file,
          entry.clauseId,
          `parameters[${String(entry.index)}].value`,
          `値 ${String(p.value)} は「${otherKey}」(${String(other.value)}) より${direction === 'below' ? '小さく' : '大きく'}なければなりません。`,
          `Value ${String(p.value)} must be ${direction} "${otherKey}" (${String(other.value)}).`,
        ),
      );
  }
  return issues;
};

/** Parameters and request types: unique keys, values in range, relations, references, periodic intervals. */
export const checkParameters = (
  located: readonly LocatedClause[],
): { issues: PackIssue[]; parameters: Map<string, ParameterEntry>; requests: Map<string, RequestType> } => {
  const issues: PackIssue[] = [];
  const parameters = new Map<string, ParameterEntry>();
  const requests = new Map<string, RequestType>();
  const requestOwner = new Map<string, string>();
  for (const { file, clause } of located) {
    clause.parameters.forEach((parameter, index) => {
      const field = `parameters[${String(index)}]`;
      const existing = parameters.get(parameter.key);
      if (existing) {
        issues.push(
          packIssue(
            file,
            clause.id,
            `${field}.key`,
            `パラメータ「${parameter.key}」は ${existing.clauseId} で定義済みです（参照は parameterRefs で）。`,
            `Parameter "${parameter.key}" is already defined by ${existing.clauseId} (refer to it in parameterRefs).`,
          ),
        );
        return;
      }
      const range = rangeIssue(parameter);
      if (range) issues.push(packIssue(file, clause.id, `${field}.value`, range.ja, range.en));
      parameters.set(parameter.key, { clauseId: clause.id, file, index, parameter });
    });
    clause.requests.forEach((request, index) => {
      const owner = requestOwner.get(request.id);
      if (owner !== undefined)
        issues.push(
          packIssue(
            file,
            clause.id,
            `requests[${String(index)}].id`,
            `申請の種類「${request.id}」は ${owner} で定義済みです。`,
            `Request type "${request.id}" is already defined by ${owner}.`,
          ),
        );
      else {
        requestOwner.set(request.id, clause.id);
        requests.set(request.id, request);
      }
    });
  }
  for (const entry of parameters.values()) issues.push(...relationIssues(entry, parameters));
  for (const { file, clause } of located) {
    clause.parameterRefs.forEach((key, index) => {
      if (!parameters.has(key))
        issues.push(
          packIssue(
            file,
            clause.id,
            `parameterRefs[${String(index)}]`,
            `参照するパラメータ「${key}」がどの条項にも定義されていません。`,
            `Referenced parameter "${key}" is not defined by any clause.`,
          ),
        );
    });
    if (clause.obligation !== 'periodicCheck') continue;
    const usable = [
      ...clause.parameters,
      ...clause.parameterRefs.flatMap((k) => parameters.get(k)?.parameter ?? []),
    ];
    if (!usable.some((p) => p.type === 'duration'))
      issues.push(
        packIssue(
          file,
          clause.id,
          'parameters',
          '定期点検 (periodicCheck) の条項には間隔を表す期間のパラメータが必要です。',
          'A periodicCheck clause needs a duration parameter giving its interval.',
        ),
      );
  }
  return { issues, parameters, requests };
};
