import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import { issuesFromZod } from '../errors/index.js';
import { checkStructure, type LocatedClause } from './check-clauses.js';
import { checkParameters, type ParameterEntry } from './check-parameters.js';
import { checkRequestDefinitions, summaryOf } from './check-requests.js';
import { policyPackDir } from './pack-dir.js';
import { packIssue, policyPackError, type PackIssue } from './pack-issue.js';
import type { RequestTypeDefinition } from '../approvals/request-type.js';
import {
  chapterFileSchema,
  clauseSchema,
  manifestSchema,
  requestsFileSchema,
  type Clause,
  type PolicyPackManifest,
  type RequestTypeSummary,
} from './pack.schema.js';

export const manifestFileName = 'pack.yaml';

/** A loaded, valid pack: the clauses in document order and indexes over them. */
export interface PolicyPack {
  readonly dir: string;
  readonly manifest: PolicyPackManifest;
  readonly clauses: readonly Clause[];
  readonly byId: ReadonlyMap<string, Clause>;
  /** Every parameter by key, with the clause that defines it. */
  readonly parameters: ReadonlyMap<string, ParameterEntry>;
  /** Every request type by id, in the standard's terms, with the clause that needs it. */
  readonly requestTypes: ReadonlyMap<string, RequestTypeSummary & { readonly clauseId: string }>;
  /** The request types Mamori runs, in full (forms, routes, conditions), from the requests file. */
  readonly requestDefinitions: readonly RequestTypeDefinition[];
}

export interface PolicyPackLint {
  readonly dir: string;
  /** null when any issue was found. */
  readonly pack: PolicyPack | null;
  readonly issues: readonly PackIssue[];
}

const zodIssues = (file: string, clauseId: string | null, error: z.ZodError, prefix?: string): PackIssue[] =>
  issuesFromZod(error, prefix === undefined ? {} : { prefix }).map((i) =>
    packIssue(file, clauseId, i.field, i.message.ja, i.message.en),
  );

/** Reads one YAML file; problems (missing file, YAML syntax) become issues naming the file and line. */
const readYaml = (dir: string, file: string, issues: PackIssue[]): unknown => {
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch {
    issues.push(packIssue(file, null, '', 'ファイルを読めません。', 'The file cannot be read.'));
    return undefined;
  }
  try {
    // js-yaml: safe by default (no custom types), duplicate keys are errors; several times faster than `yaml`.
    return load(text, { filename: file });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const line = error.mark.line + 1;
    issues.push(
      packIssue(
        file,
        null,
        `line ${String(line)}`,
        `YAMLの書式に誤りがあります: ${error.reason}`,
        `YAML syntax error: ${error.reason}`,
      ),
    );
    return undefined;
  }
};

const rawId = (raw: unknown, index: number): string => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : `#${String(index + 1)}`;
};

/** Reads and checks a pack, collecting every issue (for `mamori policy lint`). */
export const lintPolicyPack = (dir: string = policyPackDir()): PolicyPackLint => {
  const issues: PackIssue[] = [];
  const manifestResult = manifestSchema.safeParse(readYaml(dir, manifestFileName, issues));
  if (!manifestResult.success) {
    if (issues.length === 0) issues.push(...zodIssues(manifestFileName, null, manifestResult.error));
    return { dir, pack: null, issues };
  }
  const manifest = manifestResult.data;
  const located: LocatedClause[] = [];
  for (const file of manifest.files) {
    const before = issues.length;
    const fileResult = chapterFileSchema.safeParse(readYaml(dir, file, issues));
    if (!fileResult.success) {
      if (issues.length === before) issues.push(...zodIssues(file, null, fileResult.error));
      continue;
    }
    fileResult.data.clauses.forEach((raw, index) => {
      const parsed = clauseSchema.safeParse(raw);
      if (parsed.success) located.push({ file, chapter: fileResult.data.chapter, clause: parsed.data });
      else issues.push(...zodIssues(file, rawId(raw, index), parsed.error));
    });
  }
  issues.push(...checkStructure(located, manifest.idConvention.kanaOrder));
  const { issues: parameterIssues, parameters, requests } = checkParameters(located);
  issues.push(...parameterIssues);
  const chaptersSound = issues.length === 0;
  const requestsFile = manifest.requests ?? 'requests.yaml';
  let raws: readonly unknown[] = [];
  if (manifest.requests !== undefined) {
    const before = issues.length;
    const fileResult = requestsFileSchema.safeParse(readYaml(dir, requestsFile, issues));
    if (fileResult.success) raws = fileResult.data.requestTypes;
    else if (issues.length === before) issues.push(...zodIssues(requestsFile, null, fileResult.error));
  }
  const { issues: requestIssues, definitions } = checkRequestDefinitions(
    requestsFile,
    raws,
    located,
    chaptersSound,
  );
  issues.push(...requestIssues);
  if (issues.length > 0) return { dir, pack: null, issues };
  const clauses = located.map((l) => l.clause);
  const defined = new Map(definitions.map((d) => [d.id, summaryOf(d)]));
  const requestTypes = new Map<string, RequestTypeSummary & { clauseId: string }>();
  for (const c of clauses)
    for (const r of c.requests) {
      if (!requests.has(r.id)) continue;
      const summary = defined.get(r.id);
      if (summary !== undefined) requestTypes.set(r.id, { ...summary, clauseId: c.id });
      else if (
        r.nameJa !== undefined &&
        r.nameEn !== undefined &&
        r.mode !== undefined &&
        r.route !== undefined
      )
        requestTypes.set(r.id, {
          ...r,
          nameJa: r.nameJa,
          nameEn: r.nameEn,
          mode: r.mode,
          route: r.route,
          clauseId: c.id,
        });
    }
  return {
    dir,
    pack: {
      dir,
      manifest,
      clauses,
      byId: new Map(clauses.map((c) => [c.id, c])),
      parameters,
      requestTypes,
      requestDefinitions: definitions,
    },
    issues,
  };
};

/**
 * Loads a pack for use (start-up, commands). A broken pack throws AppError('configuration') whose issues name
 * the file, the clause and the reason in Japanese and English.
 */
export const loadPolicyPack = (dir: string = policyPackDir()): PolicyPack => {
  const result = lintPolicyPack(dir);
  if (result.pack === null) throw policyPackError(dir, result.issues);
  return result.pack;
};
