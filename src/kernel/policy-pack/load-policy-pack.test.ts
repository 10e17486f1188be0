import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dump, load } from 'js-yaml';
import { AppError } from '../errors/index.js';
import { displayIdFrom, labelFormOf, parseClauseId } from './clause-id.js';
import { lintPolicyPack, loadPolicyPack } from './load-policy-pack.js';
import { policyPackDir } from './pack-dir.js';
import type { PackIssue } from './pack-issue.js';

type RawClause = Record<string, unknown> & { id: string };
interface RawFile {
  chapter: string;
  clauses: RawClause[];
}

/** A copy of the shipped pack in a temp folder, with one chapter file changed by `edit`. */
const brokenCopy = (file: string, edit: (clauses: RawClause[]) => void): string => {
  const dir = join(mkdtempSync(join(tmpdir(), 'mamori-pack-')), 'kawaguchi');
  cpSync(policyPackDir(), dir, { recursive: true });
  const data = load(readFileSync(join(dir, file), 'utf8')) as RawFile;
  edit(data.clauses);
  writeFileSync(join(dir, file), dump(data));
  return dir;
};

const find = (clauses: RawClause[], id: string): RawClause => {
  const found = clauses.find((c) => c.id === id);
  if (!found) throw new Error(`no clause ${id} in the fixture`);
  return found;
};

/** Lints the broken copy: no pack, and among the issues the one expected (file, clause, field, reason). */
const expectIssue = (dir: string, expected: Partial<PackIssue> & { en: RegExp; ja?: RegExp }): void => {
  const result = lintPolicyPack(dir);
  expect(result.pack).toBeNull();
  const { en, ja, ...where } = expected;
  const match = result.issues.find(
    (i) =>
      Object.entries(where).every(([k, v]) => i[k as keyof PackIssue] === v) &&
      en.test(i.message.en) &&
      (ja === undefined || ja.test(i.message.ja)),
  );
  expect(match, JSON.stringify(result.issues, null, 1)).toBeDefined();
};

describe('loadPolicyPack', () => {
  it('loads the shipped Kawaguchi pack', () => {
    const pack = loadPolicyPack();
    expect(pack.manifest.name).toBe('kawaguchi');
    expect(pack.clauses.length).toBe(338);
    expect(pack.byId.get('4.2.6.a')?.displayId).toBe('第4 2(6)ア');
    expect(pack.byId.get('7.2.1.c.d')?.displayId).toBe('第7 2(1)ウ(エ)');
    expect(pack.byId.get('suppl')?.displayId).toBe('附則');
    expect(pack.parameters.get('monitoring.accessLogRetention')?.clauseId).toBe('7.1.6.a');
  });

  it('rejects a duplicate id, naming the file and clause', () => {
    const dir = brokenCopy('chapter-4.yaml', (c) => {
      find(c, '4.2.6.b').id = '4.2.6.a';
    });
    expectIssue(dir, {
      file: 'chapter-4.yaml',
      clauseId: '4.2.6.a',
      field: 'id',
      en: /Duplicate id "4\.2\.6\.a"/,
    });
  });

  it('rejects an unknown actor', () => {
    const dir = brokenCopy('chapter-4.yaml', (c) => {
      find(c, '4.2.6.a').actors = ['staff', 'janitor'];
    });
    expectIssue(dir, {
      file: 'chapter-4.yaml',
      clauseId: '4.2.6.a',
      field: 'actors[1]',
      en: /Unknown role code "janitor"/,
      ja: /不明な役割コード「janitor」/,
    });
  });

  it('rejects an approver that is not a role of 第3', () => {
    // 第5 1(3)エ's request type is declared on the clause (no module runs it yet, so requests.yaml has no form).
    const dir = brokenCopy('chapter-5.yaml', (c) => {
      const clause = find(c, '5.1.3.d');
      const [request] = clause.requests as { route: { approvers: { role: string }[] }[] }[];
      const approver = request?.route[0]?.approvers[0];
      if (approver) approver.role = 'staff';
    });
    expectIssue(dir, {
      file: 'chapter-5.yaml',
      clauseId: '5.1.3.d',
      field: 'requests[0].route[0].approvers[0].role',
      en: /Approver "staff" is not a role/,
    });
  });

  it('rejects a parameter outside its declared range', () => {
    const dir = brokenCopy('chapter-6.yaml', (c) => {
      const [minLength] = find(c, '6.4.2.c').parameters as { value: number }[];
      if (minLength) minLength.value = 4;
    });
    expectIssue(dir, {
      file: 'chapter-6.yaml',
      clauseId: '6.4.2.c',
      field: 'parameters[0].value',
      en: /Value 4 is outside its range 8–128 \(characters\)/,
      ja: /範囲 8〜128/,
    });
  });

  it('rejects privileged IDs that are not stricter than staff IDs', () => {
    const dir = brokenCopy('chapter-7.yaml', (c) => {
      const parameters = find(c, '7.2.1.c.d').parameters as { key: string; value: number }[];
      const lockout = parameters.find((p) => p.key === 'identity.privilegedLockoutAttempts');
      if (lockout) lockout.value = 6;
    });
    expectIssue(dir, {
      file: 'chapter-7.yaml',
      clauseId: '7.2.1.c.d',
      en: /Value 6 must be below "identity\.lockoutAttempts" \(5\)/,
    });
  });

  it('rejects a clause with its text missing', () => {
    const dir = brokenCopy('chapter-4.yaml', (c) => {
      delete find(c, '4.2.6.a').text;
    });
    expectIssue(dir, { file: 'chapter-4.yaml', clauseId: '4.2.6.a', field: 'text', en: /has no text/ });
  });

  it('rejects an unknown obligation kind through the schema, naming the clause', () => {
    const dir = brokenCopy('chapter-8.yaml', (c) => {
      find(c, '8.1.1').obligation = 'sometimes';
    });
    expectIssue(dir, {
      file: 'chapter-8.yaml',
      clauseId: '8.1.1',
      field: 'obligation',
      en: /Must be one of/,
    });
  });

  it('requires a note where the printed numbering is irregular', () => {
    const dir = brokenCopy('chapter-7.yaml', (c) => {
      delete find(c, '7.1.14').notes;
    });
    expectIssue(dir, { file: 'chapter-7.yaml', clauseId: '7.1.14', en: /not consecutive \(11 then 14\)/ });
  });

  it('rejects a display id that does not follow the labels', () => {
    const dir = brokenCopy('chapter-4.yaml', (c) => {
      find(c, '4.2.6.a').displayId = '第4 2-6-ア';
    });
    expectIssue(dir, {
      file: 'chapter-4.yaml',
      clauseId: '4.2.6.a',
      field: 'displayId',
      en: /should be "第4 2\(6\)ア"/,
    });
  });

  it('names the file and line of a YAML syntax error', () => {
    const dir = brokenCopy('chapter-9.yaml', () => undefined);
    writeFileSync(join(dir, 'chapter-9.yaml'), 'chapter: "9"\nclauses:\n  - id: "9"\n    title: [unclosed\n');
    expectIssue(dir, { file: 'chapter-9.yaml', clauseId: null, en: /YAML syntax error/ });
  });

  it('stops loading with a configuration error whose issues name file, clause and reason in both languages', () => {
    const dir = brokenCopy('chapter-4.yaml', (c) => {
      find(c, '4.2.6.b').id = '4.2.6.a';
      find(c, '4.2.7.a').actors = ['nobody'];
    });
    let caught: unknown;
    try {
      loadPolicyPack(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.code).toBe('configuration');
    expect(error.userMessage.ja).toContain('chapter-4.yaml [4.2.6.a] id');
    expect(error.userMessage.en).toContain('The policy pack');
    expect(error.issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['chapter-4.yaml [4.2.6.a] id', 'chapter-4.yaml [4.2.7.a] actors[0]']),
    );
    for (const issue of error.issues) {
      expect(issue.message.ja).not.toBe('');
      expect(issue.message.en).not.toBe('');
    }
  });
});

describe('clause ids', () => {
  it('parses ids by the glossary convention and refuses others', () => {
    expect(parseClauseId('7.2.1.c.d')?.map((s) => `${s.kind}:${String(s.ordinal)}`)).toEqual([
      'chapter:7',
      'item:2',
      'number:1',
      'letter:3',
      'letter:4',
    ]);
    expect(parseClauseId('8.6.a')?.map((s) => s.kind)).toEqual(['chapter', 'item', 'letter']);
    for (const bad of ['4.a', '10', '4.2.6.A', '4..2', '4.0', 'supplementary', '4.2.6.a.b.c.d']) {
      expect(parseClauseId(bad), bad).toBeNull();
    }
  });

  it('displays the labels as printed, with a reading in 〔 〕', () => {
    expect(displayIdFrom([{ label: '第4' }, { label: '2' }, { label: '(6)' }, { label: 'ア' }])).toBe(
      '第4 2(6)ア',
    );
    expect(
      displayIdFrom([{ label: '第8' }, { label: '4' }, { label: '(2)' }, { label: '(ク)', readAs: '(サ)' }]),
    ).toBe('第8 4(2)(ク)〔サ〕');
    expect(labelFormOf('(エ)')).toBe('parenKana');
    expect(labelFormOf('(14)')).toBe('number');
  });
});
