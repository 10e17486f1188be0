import { issuesFromZod } from '../errors/index.js';
// The engine's own format and checks: a pack defines request types exactly as the approvals engine runs them.
import {
  requestTypeDefinitionSchema,
  type ApproverRef,
  type RequestTypeDefinition,
} from '../approvals/request-type.js';
import { hospitalWideRoles, type LocatedClause } from './check-clauses.js';
import { packIssue, type PackIssue } from './pack-issue.js';
import type { ApproverScope, RequestType, RequestTypeSummary } from './pack.schema.js';

const scopeOf = (approver: ApproverRef): ApproverScope => {
  if (approver.kind === 'fixed') return 'hospital';
  return approver.base === 'applicantUnit' ? 'requesterUnit' : 'ownerUnit';
};

/** A full definition in the standard's terms, for the compliance view and `policy lint` (one approver a step). */
export const summaryOf = (def: RequestTypeDefinition): RequestTypeSummary => {
  const level = def.appliesWhen?.find((c) => c.kind === 'classificationAtMost')?.level;
  return {
    id: def.id,
    nameJa: def.name.ja,
    nameEn: def.name.en,
    mode: def.mode,
    route: def.route.map((s) => ({ approvers: [{ role: s.approver.role, scope: scopeOf(s.approver) }] })),
    ...(level === undefined ? {} : { classificationAtMost: level }),
  };
};

const rawId = (raw: unknown, index: number): string => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : `#${String(index + 1)}`;
};

interface Reference {
  readonly file: string;
  readonly clauseId: string;
  readonly index: number;
  readonly request: RequestType;
}

type Report = (field: string, ja: string, en: string) => void;

/** A fixed approver is a hospital-wide role; a relative one is held for a unit. */
const checkApprovers = (def: RequestTypeDefinition, report: Report): void => {
  def.route.forEach((step, i) => {
    const { role, kind } = step.approver;
    if ((kind === 'fixed') === hospitalWideRoles.includes(role)) return;
    report(
      `route[${String(i)}].approver.kind`,
      kind === 'fixed'
        ? `「${role}」は部署ごとの役割です。申請者または所管部署から見た relative にしてください。`
        : `「${role}」は病院全体の役割です。fixed にしてください。`,
      kind === 'fixed'
        ? `"${role}" is held for a unit: make the approver relative to the applicant's or the owning unit.`
        : `"${role}" is held hospital-wide: make the approver fixed.`,
    );
  });
};

/** The clauses it serves exist and are printed so; a clause references it by its id alone, and serves it. */
const checkAgainstClauses = (
  def: RequestTypeDefinition,
  displayOf: ReadonlyMap<string, string>,
  refs: readonly Reference[],
  report: Report,
): void => {
  def.clauses.forEach((c, i) => {
    const display = displayOf.get(c.id);
    if (display === undefined)
      report(`clauses[${String(i)}].id`, `条項 ${c.id} はありません。`, `There is no clause ${c.id}.`);
    else if (display !== c.display)
      report(
        `clauses[${String(i)}].display`,
        `条項 ${c.id} の表示は「${display}」です（「${c.display}」ではありません）。`,
        `Clause ${c.id} is printed "${display}", not "${c.display}".`,
      );
  });
  const declared = refs.find((r) => r.request.nameJa !== undefined);
  if (declared !== undefined) {
    report(
      'id',
      `「${def.id}」は ${declared.clauseId} でも宣言されています。条項では id のみで参照してください。`,
      `"${def.id}" is also declared on ${declared.clauseId}: reference it there by its id alone.`,
    );
    return;
  }
  if (refs.length === 0) {
    report(
      'id',
      `どの条項も「${def.id}」を参照していません。必要とする条項の requests に「- id: ${def.id}」を加えてください。`,
      `No clause references "${def.id}": add "- id: ${def.id}" to the requests of the clause that needs it.`,
    );
    return;
  }
  for (const r of refs.filter((x) => !def.clauses.some((c) => c.id === x.clauseId)))
    report(
      'clauses',
      `参照している条項 ${r.clauseId} が clauses にありません。`,
      `Clause ${r.clauseId} references it but is not among its clauses.`,
    );
};

/**
 * The requests file: each type checked as the engine checks it (`requestTypeDefinitionSchema`: fields, keys,
 * conditions, the owning unit asked where a route needs it), then against the standard: unique ids, approvers
 * whose role fits `fixed` (hospital-wide) or `relative` (held for a unit), clauses that exist and are printed as
 * the pack prints them, and a clause that needs the type and references it. A clause's bare reference must name a
 * defined type; a type is declared on a clause or defined here, never both. Issues name the file, the request
 * type and the field. The checks against the clauses wait until the chapters have no issues of their own.
 */
export const checkRequestDefinitions = (
  file: string,
  raws: readonly unknown[],
  located: readonly LocatedClause[],
  againstClauses = true,
): { issues: PackIssue[]; definitions: RequestTypeDefinition[] } => {
  const issues: PackIssue[] = [];
  const definitions: RequestTypeDefinition[] = [];
  const displayOf = new Map(located.map((l) => [l.clause.id, l.clause.displayId]));
  const references = new Map<string, Reference[]>();
  for (const { file: clauseFile, clause } of located)
    clause.requests.forEach((request, index) => {
      const refs = references.get(request.id) ?? [];
      refs.push({ file: clauseFile, clauseId: clause.id, index, request });
      references.set(request.id, refs);
    });
  const seen = new Set<string>();
  raws.forEach((raw, index) => {
    const parsed = requestTypeDefinitionSchema.safeParse(raw);
    if (!parsed.success) {
      for (const i of issuesFromZod(parsed.error))
        issues.push(
          packIssue(file, rawId(raw, index), i.field.replace(/\.(\d+)/g, '[$1]'), i.message.ja, i.message.en),
        );
      return;
    }
    const def = parsed.data;
    const report: Report = (field, ja, en) => {
      issues.push(packIssue(file, def.id, field, ja, en));
    };
    if (seen.has(def.id)) {
      report(
        'id',
        `申請の種類「${def.id}」が二度定義されています。`,
        `Request type "${def.id}" is defined twice.`,
      );
      return;
    }
    seen.add(def.id);
    checkApprovers(def, report);
    if (againstClauses) checkAgainstClauses(def, displayOf, references.get(def.id) ?? [], report);
    definitions.push(def);
  });
  if (!againstClauses) return { issues, definitions };
  for (const [id, refs] of references) {
    if (seen.has(id)) continue;
    for (const r of refs.filter((x) => x.request.nameJa === undefined))
      issues.push(
        packIssue(
          r.file,
          r.clauseId,
          `requests[${String(r.index)}].id`,
          `申請の種類「${id}」は ${file} に定義されていません。`,
          `Request type "${id}" is not defined in ${file}.`,
        ),
      );
  }
  return { issues, definitions };
};
