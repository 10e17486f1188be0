import { roleCodes } from '../access/index.js';
import { displayIdFrom, labelMismatch, parentIdOf, parseClauseId } from './clause-id.js';
import { packIssue, type PackIssue } from './pack-issue.js';
import { actorCodes, type Clause } from './pack.schema.js';

/** A clause with the file it came from. */
export interface LocatedClause {
  readonly file: string;
  /** The chapter the file declares (`4`, `suppl`). */
  readonly chapter: string;
  readonly clause: Clause;
}

/** Roles held once for the whole hospital; the others are held for a unit. */
export const hospitalWideRoles: readonly string[] = ['ciso', 'securityDirector', 'committee', 'auditLead'];

const hasNumberingNote = (clause: Clause): boolean => clause.notes.some((n) => n.topic === 'numbering');

/** What each kind of clause must and must not carry. */
const checkKind = (file: string, c: Clause): PackIssue[] => {
  const issues: PackIssue[] = [];
  const add = (field: string, ja: string, en: string): void => {
    issues.push(packIssue(file, c.id, field, ja, en));
  };
  if (c.title !== undefined && c.titleEn === undefined)
    add('titleEn', '見出しの英訳 (titleEn) がありません。', 'The heading has no English title (titleEn).');
  if (c.kind === 'heading') {
    if (c.title === undefined)
      add('title', '見出しの文言がありません。', 'A heading needs its printed title.');
    if (c.text !== undefined)
      add('text', '見出し (heading) は本文を持てません。', 'A heading has no text; use another kind.');
    if (c.obligation !== 'none')
      add('obligation', '見出しの義務の種類は none です。', 'A heading has obligation none.');
    if (c.parameters.length + c.requests.length + c.evidence.length + c.actors.length > 0)
      add(
        'kind',
        '見出しには実施者・パラメータ・申請・証跡を付けられません。',
        'A heading carries no actors, parameters, requests or evidence.',
      );
    return issues;
  }
  if (c.text === undefined)
    add('text', `本文 (text) がありません（${c.kind}）。`, `The clause has no text (kind ${c.kind}).`);
  if (c.summaryEn === undefined)
    add(
      'summaryEn',
      '英語の要約 (summaryEn) がありません。',
      'The clause has no English summary (summaryEn).',
    );
  if (c.kind !== 'provision') {
    if (c.obligation !== 'none')
      add('obligation', `${c.kind} の義務の種類は none です。`, `A ${c.kind} has obligation none.`);
    return issues;
  }
  if (c.obligation === 'none')
    add(
      'obligation',
      '規定 (provision) には義務の種類が必要です。',
      'A provision needs an obligation other than none.',
    );
  if (c.actors.length === 0) add('actors', '実施者 (actors) がありません。', 'A provision needs its actors.');
  if (c.module === undefined)
    add('module', '担当モジュール (module) がありません。', 'A provision needs the module that serves it.');
  if (c.evidence.length === 0)
    add(
      'evidence',
      '遵守を示す証跡 (evidence) がありません。',
      'A provision needs the evidence that shows it is met.',
    );
  if (c.obligation === 'approval' && c.requests.length === 0)
    add(
      'requests',
      '承認 (approval) の規定には申請の種類と承認経路が必要です。',
      'An approval clause needs its request types and approval routes.',
    );
  return issues;
};

const checkRoles = (file: string, c: Clause): PackIssue[] => {
  const issues: PackIssue[] = [];
  c.actors.forEach((actor, i) => {
    if (!actorCodes.includes(actor))
      issues.push(
        packIssue(
          file,
          c.id,
          `actors[${String(i)}]`,
          `不明な役割コード「${actor}」です（使用できるもの: ${actorCodes.join(', ')}）。`,
          `Unknown role code "${actor}" (known: ${actorCodes.join(', ')}).`,
        ),
      );
  });
  const roles: readonly string[] = roleCodes;
  c.requests.forEach((request, r) => {
    (request.route ?? []).forEach((step, s) => {
      step.approvers.forEach((approver, a) => {
        if (!roles.includes(approver.role))
          issues.push(
            packIssue(
              file,
              c.id,
              `requests[${String(r)}].route[${String(s)}].approvers[${String(a)}].role`,
              `承認者「${approver.role}」は第3の役割ではありません（使用できるもの: ${roles.join(', ')}）。`,
              `Approver "${approver.role}" is not a role of 第3 (known: ${roles.join(', ')}).`,
            ),
          );
        if (
          roles.includes(approver.role) &&
          (approver.scope === 'hospital') !== hospitalWideRoles.includes(approver.role)
        )
          issues.push(
            packIssue(
              file,
              c.id,
              `requests[${String(r)}].route[${String(s)}].approvers[${String(a)}].scope`,
              `承認者「${approver.role}」に範囲「${approver.scope}」は使えません（病院全体の役割だけが hospital です）。`,
              `Scope "${approver.scope}" does not fit "${approver.role}" (only hospital-wide roles use hospital).`,
            ),
          );
      });
    });
  });
  return issues;
};

/**
 * Ids, labels, display ids and document order. The clauses come in document order (files in manifest order).
 * A gap or repeat in the printed numbering is allowed only where the clause carries a `numbering` note.
 */
export const checkStructure = (located: readonly LocatedClause[], kanaOrder: string): PackIssue[] => {
  const issues: PackIssue[] = [];
  const byId = new Map<string, LocatedClause>();
  const displayIds = new Map<string, string>();
  const lastChild = new Map<string, { ordinal: number; labels: Set<string> }>();
  let previous: Clause | null = null;
  for (const entry of located) {
    const { file, clause: c } = entry;
    const add = (field: string, ja: string, en: string): void => {
      issues.push(packIssue(file, c.id, field, ja, en));
    };
    const segments = parseClauseId(c.id);
    if (segments === null) {
      add(
        'id',
        `ID「${c.id}」が規則に合いません（例: 4.2.6.a、7.2.1.c.d、suppl）。`,
        `Id "${c.id}" does not follow the convention (e.g. 4.2.6.a, 7.2.1.c.d, suppl).`,
      );
      continue;
    }
    if (byId.has(c.id)) {
      add('id', `ID「${c.id}」が重複しています。`, `Duplicate id "${c.id}".`);
      continue;
    }
    if (segments[0]?.raw !== entry.chapter)
      add(
        'id',
        `この条項は第${entry.chapter}のファイルにありますが、ID は別の章です。`,
        `The clause is in the file of chapter ${entry.chapter} but its id belongs to another chapter.`,
      );
    const parentId = parentIdOf(c.id);
    const parent = parentId === null ? undefined : byId.get(parentId)?.clause;
    if (parentId !== null && parent === undefined)
      add(
        'id',
        `親の条項「${parentId}」がこの条項より前にありません。`,
        `The parent clause "${parentId}" does not come before this clause.`,
      );
    if (
      parent !== undefined &&
      previous !== null &&
      previous.id !== parent.id &&
      !previous.id.startsWith(`${parent.id}.`)
    )
      add(
        'id',
        `文書の順序が正しくありません（直前は「${previous.id}」）。`,
        `Out of document order (the clause before is "${previous.id}").`,
      );
    const mismatch = labelMismatch(c.id, c.label, c.readAs, parent?.label, kanaOrder);
    if (mismatch) add('label', mismatch.ja, mismatch.en);
    const chain: Clause[] = [];
    for (let p: Clause | undefined = c; p; p = byId.get(parentIdOf(p.id) ?? '')?.clause) chain.unshift(p);
    const expectedDisplay = displayIdFrom(chain);
    if (c.displayId !== expectedDisplay)
      add(
        'displayId',
        `表示ID「${c.displayId}」は「${expectedDisplay}」のはずです。`,
        `Display id "${c.displayId}" should be "${expectedDisplay}".`,
      );
    const sameDisplay = displayIds.get(c.displayId);
    if (sameDisplay !== undefined)
      add(
        'displayId',
        `表示ID「${c.displayId}」は ${sameDisplay} と重複しています。`,
        `Display id "${c.displayId}" is also used by ${sameDisplay}.`,
      );
    const ordinal = segments[segments.length - 1]?.ordinal ?? 0;
    const siblings = lastChild.get(parentId ?? '') ?? { ordinal: 0, labels: new Set<string>() };
    if (ordinal <= siblings.ordinal)
      add(
        'id',
        `兄弟の条項より前の番号です（直前の番号 ${String(siblings.ordinal)}）。`,
        `Numbered before its previous sibling (previous number ${String(siblings.ordinal)}).`,
      );
    else if (ordinal !== siblings.ordinal + 1 && parentId !== null && !hasNumberingNote(c))
      add(
        'notes',
        `番号が連続していません（${String(siblings.ordinal)} の次が ${String(ordinal)}）。印刷どおりなら numbering の注記を付けてください。`,
        `Numbering is not consecutive (${String(siblings.ordinal)} then ${String(ordinal)}); if printed so, add a numbering note.`,
      );
    if (siblings.labels.has(c.label) && !hasNumberingNote(c))
      add(
        'label',
        `見出し記号「${c.label}」が兄弟の条項と重複しています。印刷どおりなら readAs と numbering の注記を付けてください。`,
        `Label "${c.label}" repeats a sibling's; if printed so, give readAs and a numbering note.`,
      );
    if (c.readAs !== undefined && !hasNumberingNote(c))
      add(
        'notes',
        'readAs には numbering の注記が必要です。',
        'A readAs needs a numbering note explaining it.',
      );
    siblings.ordinal = Math.max(siblings.ordinal, ordinal);
    siblings.labels.add(c.label);
    lastChild.set(parentId ?? '', siblings);
    issues.push(...checkKind(file, c), ...checkRoles(file, c));
    if (c.table) {
      const width = c.table.columns.length;
      c.table.rows.forEach((row, r) => {
        if (row.length !== width)
          add(
            `table.rows[${String(r)}]`,
            `表の行のセル数が ${String(row.length)} です（列は ${String(width)}）。`,
            `Table row has ${String(row.length)} cells for ${String(width)} columns.`,
          );
      });
    }
    byId.set(c.id, entry);
    displayIds.set(c.displayId, c.id);
    previous = c;
  }
  return issues;
};
