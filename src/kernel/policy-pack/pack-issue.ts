import { AppError, type Bilingual, type FieldIssue } from '../errors/index.js';

/** One problem in a pack: the file, the clause (when there is one), the field and the reason in both languages. */
export interface PackIssue {
  readonly file: string;
  readonly clauseId: string | null;
  readonly field: string;
  readonly message: Bilingual;
}

export const packIssue = (
  file: string,
  clauseId: string | null,
  field: string,
  ja: string,
  en: string,
): PackIssue => ({ file, clauseId, field, message: { ja, en } });

/** `chapter-4.yaml [4.2.6.a] parameters[0].value` */
export const whereOf = (issue: PackIssue): string =>
  `${issue.file}${issue.clauseId === null ? '' : ` [${issue.clauseId}]`}${issue.field === '' ? '' : ` ${issue.field}`}`;

/** A broken pack stops start-up: a configuration error naming every file, clause and reason. */
export const policyPackError = (dir: string, issues: readonly PackIssue[]): AppError => {
  const fieldIssues: FieldIssue[] = issues.map((issue) => ({
    field: whereOf(issue),
    message: issue.message,
  }));
  const first = issues[0];
  const head = first ? `${whereOf(first)}: ` : '';
  const more = issues.length > 1 ? issues.length - 1 : 0;
  return new AppError(
    'configuration',
    {
      ja: `ポリシーパック ${dir} に誤りがあります（${String(issues.length)}件）: ${head}${first?.message.ja ?? ''}${more > 0 ? ` ほか${String(more)}件` : ''}`,
      en: `The policy pack ${dir} is not valid (${String(issues.length)} issue${issues.length === 1 ? '' : 's'}): ${head}${first?.message.en ?? ''}${more > 0 ? ` and ${String(more)} more` : ''}`,
    },
    { issues: fieldIssues },
  );
};
