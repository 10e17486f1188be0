import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyPack } from '../kernel/index.js';

const root = new URL('../..', import.meta.url).pathname;

/** Runs the real `mamori` command from source. */
const mamori = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

/** A copy of the shipped pack with two clauses broken in chapter-4.yaml. */
const brokenPack = (): string => {
  const dir = join(mkdtempSync(join(tmpdir(), 'mamori-cli-pack-')), 'kawaguchi');
  cpSync(join(root, 'policy', 'kawaguchi'), dir, { recursive: true });
  const file = join(dir, 'chapter-4.yaml');
  const text = readFileSync(file, 'utf8');
  const broken = text
    .replace('- id: 4.2.6.b\n', '- id: 4.2.6.a\n')
    .replace(/(- id: 4\.2\.7\.a\n(?: {4}.*\n)*? {4}actors: )\[[^\]]*\]/, '$1[staff, janitor]');
  expect(broken).not.toBe(text);
  writeFileSync(file, broken);
  return dir;
};

describe('mamori policy', () => {
  const pack = loadPolicyPack();

  it('clauses --json prints one JSON object per line for every clause, in document order', () => {
    const result = mamori('policy', 'clauses', '--json');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(pack.clauses.length);
    const objects = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects.map((o) => o['id'])).toEqual(pack.clauses.map((c) => c.id));
    for (const o of objects) {
      for (const key of ['id', 'displayId', 'text', 'kind', 'obligation'])
        expect(typeof o[key], `${String(o['id'])}.${key}`).toBe('string');
      expect(o['text'], String(o['id'])).not.toBe('');
    }
    expect(objects.find((o) => o['id'] === '4.2.6.a')).toEqual({
      id: '4.2.6.a',
      displayId: '第4 2(6)ア',
      text: '重要性分類Ⅱ以上の情報資産を運搬する者は、情報セキュリティ管理者に許可を得なければならない。',
      kind: 'provision',
      obligation: 'approval',
    });
    expect(objects.find((o) => o['id'] === '4.2.6')).toMatchObject({
      text: '情報資産の運搬',
      kind: 'heading',
    });
    expect(objects.find((o) => o['id'] === '8.4.2.k')).toMatchObject({ displayId: '第8 4(2)(ク)〔サ〕' });
  });

  it('clauses prints a readable list without --json', () => {
    const result = mamori('policy', 'clauses');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('川口市医療センター情報セキュリティ対策基準');
    expect(result.stdout).toMatch(
      /第4 2\(6\)\s+情報資産の運搬\n\s+第4 2\(6\)ア \[approval\]\n\s+重要性分類Ⅱ以上/,
    );
  });

  it('lint passes the shipped pack with a summary', () => {
    const result = mamori('policy', 'lint');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no issues');
    expect(result.stdout).toContain(`clauses: ${String(pack.clauses.length)}`);
  });

  it('lint lists every issue of a broken pack as file / clause / reason in Japanese and English, exiting non-zero', () => {
    const result = mamori('policy', 'lint', '--dir', brokenPack());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('The policy pack is not valid (2 issues)');
    expect(result.stderr).toContain(
      'chapter-4.yaml [4.2.6.a] id\n    ja: ID「4.2.6.a」が重複しています。\n    en: Duplicate id "4.2.6.a".',
    );
    expect(result.stderr).toMatch(
      /chapter-4\.yaml \[4\.2\.7\.a\] actors\[1\]\n {4}ja: 不明な役割コード「janitor」.*\n {4}en: Unknown role code "janitor"/,
    );
  });

  it('refuses to list the clauses of a broken pack, naming the problem', () => {
    const result = mamori('policy', 'clauses', '--json', '--dir', brokenPack());
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'chapter-4.yaml [4.2.6.a] id: ID「4.2.6.a」が重複しています。 / Duplicate id "4.2.6.a".',
    );
  });

  it('lint names a broken request type by file, request type and field (issue 5)', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'mamori-cli-requests-')), 'kawaguchi');
    cpSync(join(root, 'policy', 'kawaguchi'), dir, { recursive: true });
    const file = join(dir, 'requests.yaml');
    const text = readFileSync(file, 'utf8');
    const broken = text.replace('    titleField: item\n', '    titleField: nothing\n');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    const result = mamori('policy', 'lint', '--dir', dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /requests\.yaml \[people\.carryOut\] titleField\n {4}ja: フォームに .* nothing がありません。\n {4}en: The form has no .* field nothing\./,
    );
    expect(mamori('policy', 'lint').stdout).toContain('申請の種類 / request types: 30');
  });
});
