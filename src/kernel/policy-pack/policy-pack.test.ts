import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyPack } from './load-policy-pack.js';
import { policyPackDir } from './pack-dir.js';

/**
 * The shipped pack against the standard itself. The parser below is written independently of the pack's
 * tooling: it reads the seed text line by line, numbers every item (第N, N, (N), ア…, (ア)…) by its place, and
 * the pack must hold each one with the same label and exactly the printed text. The only normalisation is
 * joining a sentence split by a page break: a long line (a sentence, with a 、, not a heading) that does not end
 * with 。, followed by an unlabelled line.
 */

const pack = loadPolicyPack(policyPackDir());
const root = new URL('../../..', import.meta.url).pathname;
const seedPath = join(root, '..', 'shared', 'seed', pack.manifest.source.file);

const kana = 'アイウエオカキクケコサシスセソ';
const labelPattern = /^(第[1-9]|附則|[1-9]\d?|\([1-9]\d?\)|[ア-ン]|\([ア-ン]\))(?: |(?=\())(.*)$/;
const rankOf = (label: string): number => {
  if (label.startsWith('第') || label === '附則') return 0;
  if (/^\d/.test(label)) return 1;
  if (/^\(\d/.test(label)) return 2;
  return label.startsWith('(') ? 4 : 3;
};
const segmentOf = (label: string): string => {
  if (label === '附則') return 'suppl';
  const bare = label.replace(/^第|[()]/g, '');
  return /^\d+$/.test(bare) ? bare : String.fromCharCode(97 + kana.indexOf(bare));
};

interface SeedItem {
  id: string;
  label: string;
  /** The printed text after the label and the unlabelled paragraphs that follow, joined by "\n". */
  paragraphs: string[];
  table: string[][];
  /** The label repeats a sibling's (the second (ク) of 第8 4(2)). */
  repeated: boolean;
}

const parseSeed = (source: string): { title: string; items: SeedItem[]; joins: string[] } => {
  const lines: string[] = [];
  const joins: string[] = [];
  for (const raw of source.split('\n')) {
    if (raw.trim() === '') continue;
    const line = raw.replace(/^\s*- /, '');
    const before = lines[lines.length - 1];
    const body = before?.replace(labelPattern, '$2') ?? '';
    if (
      before !== undefined &&
      !labelPattern.test(line) &&
      !before.includes('\t') &&
      !before.endsWith('。') &&
      body.includes('、') &&
      body.length > 30
    ) {
      joins.push(`${before.slice(-6)}|${line.slice(0, 6)}`);
      lines[lines.length - 1] = before + line;
    } else lines.push(line);
  }
  const [title, ...rest] = lines;
  const items: SeedItem[] = [];
  const stack: { rank: number; item: SeedItem }[] = [];
  const siblings = new Map<string, { labels: string[]; last: number }>();
  for (const line of rest) {
    const match = labelPattern.exec(line);
    const current = stack[stack.length - 1]?.item;
    if (!match) {
      if (line.includes('\t')) current?.table.push(line.split('\t'));
      else current?.paragraphs.push(line);
      continue;
    }
    const [, label = '', text = ''] = match;
    const rank = rankOf(label);
    while ((stack[stack.length - 1]?.rank ?? -1) >= rank) stack.pop();
    const parentId = stack[stack.length - 1]?.item.id ?? '';
    const seen = siblings.get(parentId) ?? { labels: [], last: 0 };
    const repeated = seen.labels.includes(label);
    const segment = repeated ? String.fromCharCode(97 + seen.last) : segmentOf(label);
    seen.labels.push(label);
    seen.last = /^[a-z]$/.test(segment) ? segment.charCodeAt(0) - 96 : Number(segment);
    siblings.set(parentId, seen);
    const item: SeedItem = {
      id: parentId === '' ? segment : `${parentId}.${segment}`,
      label,
      paragraphs: [text],
      table: [],
      repeated,
    };
    items.push(item);
    stack.push({ rank, item });
  }
  return { title: title ?? '', items, joins };
};

describe.skipIf(!existsSync(seedPath))('the Kawaguchi pack against the seed text', () => {
  const source = existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : '';
  const seed = parseSeed(source);

  it('is built from this exact source file', () => {
    expect(createHash('sha256').update(readFileSync(seedPath)).digest('hex')).toBe(
      pack.manifest.source.sha256,
    );
    expect(seed.title).toBe(pack.manifest.title);
  });

  it('joins only the six sentences split by page breaks', () => {
    expect(seed.joins).toEqual([
      '報セキュリテ|ィ実施手順の',
      'のケース等に|格納し、暗号',
      'の範囲等を定|め、また、効',
      'D等を厳重に|管理しなけれ',
      'ムに入力され|るデータにつ',
      'セキュリティ|管理者に対し',
    ]);
  });

  it('holds every numbered item, in order, with its label and exact printed text', () => {
    expect(seed.items.length).toBeGreaterThan(300);
    expect(pack.clauses.map((c) => c.id)).toEqual(seed.items.map((i) => i.id));
    for (const item of seed.items) {
      const clause = pack.byId.get(item.id);
      expect(clause, item.id).toBeDefined();
      expect(clause?.label, item.id).toBe(item.label);
      const printed = [clause?.title, clause?.text].filter((t) => t !== undefined).join('\n');
      expect(printed, item.id).toBe(item.paragraphs.join('\n'));
    }
  });

  it('keeps the classification table of 第4 1 cell by cell', () => {
    const table = seed.items.find((i) => i.id === '4.1')?.table ?? [];
    expect(table).toHaveLength(5);
    expect(pack.byId.get('4.1')?.table).toEqual({ columns: table[0], rows: table.slice(1) });
  });

  it('keys a repeated label by its place and gives the reading', () => {
    const repeated = seed.items.filter((i) => i.repeated);
    expect(repeated.map((i) => i.id)).toEqual(['8.4.2.k']);
    expect(pack.byId.get('8.4.2.k')?.readAs).toBe('(サ)');
  });
});

describe('the irregular spots of the standard', () => {
  const clause = (id: string) => {
    const c = pack.byId.get(id);
    if (!c) throw new Error(`no clause ${id}`);
    return c;
  };
  const noteText = (id: string, topic: string): string =>
    clause(id)
      .notes.filter((n) => n.topic === topic)
      .map((n) => `${n.ja} ${n.en}`)
      .join(' ');

  it('keeps the jump from (11) to (14) in 第7 1, with a note', () => {
    expect(pack.byId.has('7.1.12')).toBe(false);
    expect(pack.byId.has('7.1.13')).toBe(false);
    expect(clause('7.1.14').displayId).toBe('第7 1(14)');
    expect(noteText('7.1.14', 'numbering')).toMatch(/\(11\).*\(14\)/);
  });

  it('keeps the second (ク) of 第8 4(2) as printed, keyed and displayed as its (サ) reading', () => {
    expect(clause('8.4.2.h').label).toBe('(ク)');
    const second = clause('8.4.2.k');
    expect(second.label).toBe('(ク)');
    expect(second.readAs).toBe('(サ)');
    expect(second.displayId).toBe('第8 4(2)(ク)〔サ〕');
    expect(second.text).toBe('川口市医療センターによる事故時等の公表');
    expect(noteText('8.4.2.k', 'numbering')).toContain('8.4.2.k');
  });

  it('keeps 統括情報セキュリティ管理者 in 第5 1(1), read as 統括情報セキュリティ責任者', () => {
    expect(clause('5.1.1').text).toContain('統括情報セキュリティ管理者は');
    expect(noteText('5.1.1', 'reading')).toContain('統括情報セキュリティ責任者');
    expect(clause('5.1.1').actors).toEqual(['securityDirector']);
  });

  it('keeps the stray word 서는 in 第6 1(1)エ, read as では', () => {
    expect(clause('6.1.1.d').text).toContain('持ち込んで서는ならない');
    expect(noteText('6.1.1.d', 'reading')).toContain('持ち込んではならない');
  });

  it('keeps the lone (イ) under 第6 1(1)ク and the repeated 「らない。」 fragments, with notes', () => {
    expect(pack.byId.has('6.1.1.h.a')).toBe(false);
    expect(noteText('6.1.1.h.b', 'numbering')).not.toBe('');
    for (const id of ['7.5.3', '8.6.b']) {
      expect(clause(id).text).toMatch(/ならない。\nらない。$/);
      expect(noteText(id, 'strayText')).toContain('らない。');
    }
  });

  it('joins the page-break split of 第3 2(5) into one sentence', () => {
    expect(clause('3.2.5').text).toContain('情報セキュリティ実施手順の維持・管理');
  });
});

describe('the pack’s contents', () => {
  it('gives every provision its actors, obligation, module and evidence, and every title its English', () => {
    for (const c of pack.clauses) {
      if (c.title !== undefined) expect(c.titleEn, c.id).toBeDefined();
      if (c.kind !== 'heading') expect(c.summaryEn, c.id).toBeDefined();
      if (c.kind !== 'provision') continue;
      expect(c.actors.length, c.id).toBeGreaterThan(0);
      expect(c.obligation, c.id).not.toBe('none');
      expect(c.evidence.length, c.id).toBeGreaterThan(0);
    }
  });

  it('routes the requests the brief names to the right approvers', () => {
    const route = (id: string) =>
      pack.requestTypes.get(id)?.route.map((s) => s.approvers.map((a) => `${a.role}@${a.scope}`).join('|'));
    expect(route('assets.transport')).toEqual(['securityManager@ownerUnit']);
    expect(pack.requestTypes.get('assets.transport')?.classificationAtMost).toBe(2);
    expect(route('facilities.offsitePlacement')).toEqual(['ciso@hospital']);
    expect(route('changes.softwareInstall')).toEqual([
      'securityDirector@hospital',
      'securityManager@ownerUnit',
    ]);
    expect(route('exceptions.emergencyReport')).toEqual(['ciso@hospital']);
    expect(pack.requestTypes.get('exceptions.emergencyReport')?.mode).toBe('postFacto');
  });

  it('makes privileged IDs stricter than staff IDs (第7 2(1)ウ(エ))', () => {
    const value = (key: string): unknown => pack.parameters.get(key)?.parameter.value;
    expect(value('identity.passwordMinLength')).toBe(13);
    expect(Number(value('identity.privilegedLockoutAttempts'))).toBeLessThan(
      Number(value('identity.lockoutAttempts')),
    );
    expect(Number(value('identity.privilegedPasswordMaxAge'))).toBeLessThan(
      Number(value('identity.passwordMaxAge')),
    );
  });
});
