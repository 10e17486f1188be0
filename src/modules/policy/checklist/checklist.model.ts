import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';
import { AppError, bi, issuesFromZod, policyPackDir, type PolicyPack } from '../../../kernel/index.js';

/**
 * The MHLW checklist as a second pack (policy/mhlw-checklist-r7/checklist.yaml): its items, each mapped onto
 * clauses of the main pack, so an item's answer comes from the same evidence as the clauses.
 */

export const defaultChecklistName = 'mhlw-checklist-r7';
export const checklistFileName = 'checklist.yaml';

const nonEmpty = z.string().trim().min(1);

export const checklistItemSchema = z.strictObject({
  id: z.string().regex(/^\d+-\d+$/, 'section-number, e.g. 2-5'),
  section: nonEmpty,
  /** The printed mark (①…); empty for the precondition item. */
  number: z.string(),
  textJa: nonEmpty,
  textEn: nonEmpty,
  /** The checklist's columns the item asks about: 医療情報システム全般, サーバ, 端末PC, ネットワーク機器. */
  scope: z.array(nonEmpty),
  /** confirmed: checked against the published text; reconstructed: from the earlier edition and the list of changes. */
  wording: z.enum(['confirmed', 'reconstructed']),
  /** Clause ids of the main pack whose evidence answers the item; empty: the hospital records the answer. */
  clauses: z.array(nonEmpty),
  noteJa: nonEmpty,
  noteEn: nonEmpty,
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  title: nonEmpty,
  titleEn: nonEmpty,
  form: nonEmpty,
  formEn: nonEmpty,
  /** The main pack the clauses belong to. */
  mapsTo: nonEmpty,
  edition: z.strictObject({
    fiscalYear: z.number().int(),
    eraJa: nonEmpty,
    published: z.iso.date(),
    publisher: nonEmpty,
    establishedJa: nonEmpty,
    establishedEn: nonEmpty,
  }),
  sections: z.array(z.strictObject({ id: nonEmpty, titleJa: nonEmpty, titleEn: nonEmpty })).min(1),
  items: z.array(checklistItemSchema).min(1),
});
export type ChecklistPack = z.infer<typeof checklistSchema> & { readonly dir: string };

const fail = (file: string, problems: readonly string[]): AppError =>
  new AppError(
    'configuration',
    bi(
      `チェックリストのパックに誤りがあります（${file}）: ${problems.join('; ')}`,
      `The checklist pack is not valid (${file}): ${problems.join('; ')}`,
    ),
  );

/**
 * Loads and checks the checklist pack: the schema, unique item ids, known sections, and every mapped clause is a
 * provision of the main pack. A broken checklist stops start-up like a broken main pack.
 */
export const loadChecklistPack = (pack: PolicyPack, dir: string = policyPackDir(defaultChecklistName)): ChecklistPack => {
  const file = join(dir, checklistFileName);
  let raw: unknown;
  try {
    raw = load(readFileSync(file, 'utf8'), { filename: checklistFileName });
  } catch (e) {
    throw fail(file, [e instanceof Error ? e.message : String(e)]);
  }
  const parsed = checklistSchema.safeParse(raw);
  if (!parsed.success)
    throw fail(
      file,
      issuesFromZod(parsed.error).map((i) => `${i.field}: ${i.message.en}`),
    );
  const data = parsed.data;
  const problems: string[] = [];
  if (data.mapsTo !== pack.manifest.name)
    problems.push(`mapsTo ${data.mapsTo} is not the loaded pack ${pack.manifest.name}`);
  const sections = new Set(data.sections.map((s) => s.id));
  const seen = new Set<string>();
  for (const item of data.items) {
    if (seen.has(item.id)) problems.push(`items ${item.id}: duplicate id`);
    seen.add(item.id);
    if (!sections.has(item.section)) problems.push(`items ${item.id}: unknown section ${item.section}`);
    problems.push(...checkClauseIds(pack, item.clauses).map((p) => `items ${item.id}: ${p}`));
  }
  if (problems.length > 0) throw fail(file, problems);
  return { ...data, dir };
};

/** Problems with a list of mapped clause ids: unknown, or not a provision (headings carry no status). */
export const checkClauseIds = (pack: PolicyPack, ids: readonly string[]): string[] =>
  ids.flatMap((id) => {
    const clause = pack.byId.get(id);
    if (clause === undefined) return [`clause ${id} does not exist`];
    return clause.kind === 'provision' ? [] : [`clause ${id} is a ${clause.kind}, not a provision`];
  });
