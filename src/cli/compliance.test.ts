import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

/** Runs the real `mamori` command (from source) against its own data directory. */
const mamori = (
  dataDir: string,
  ...args: string[]
): { status: number | null; stdout: string; stderr: string } => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, MAMORI_DATA_DIR: dataDir, MAMORI_DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

interface StatusLine {
  id: string;
  displayId: string;
  status: string;
  reason: { ja: string; en: string };
  evidenceCount: number;
}

describe('mamori compliance', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mamori-cli-compliance-'));
  beforeAll(() => {
    expect(mamori(dataDir, 'demo', 'seed').status).toBe(0);
  });

  it('status --json prints one JSON object per line per clause: id, status, reason, evidence count', () => {
    const result = mamori(dataDir, 'compliance', 'status', '--json');
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as StatusLine);
    expect(lines).toHaveLength(239);
    for (const line of lines) {
      expect(Object.keys(line).slice(0, 5)).toEqual(['id', 'displayId', 'status', 'reason', 'evidenceCount']);
      expect(['met', 'partlyMet', 'notMet', 'notYetEvaluable', 'notApplicable']).toContain(line.status);
      expect(typeof line.evidenceCount).toBe('number');
    }
    expect(lines[0]).toMatchObject({ id: '3.1', displayId: '第3 1', status: 'met', evidenceCount: 1 });
    expect(lines.find((l) => l.id === '3.3.1')).toMatchObject({
      status: 'met',
      reason: { ja: '情報セキュリティ責任者の配置: 対象7部署のうち7部署で適合。' },
      evidenceCount: 7,
    });
    expect(lines.find((l) => l.id === '4.2.6.a')?.status).toBe('notYetEvaluable');
  });

  it('exits 1 with --fail-on-not-met while a clause is not met, for monitoring', () => {
    const result = mamori(dataDir, 'compliance', 'status', '--clause', '7.1.6.b', '--fail-on-not-met');
    expect(result.stdout).toContain('第7 1(6)イ');
    expect(result.stdout).toContain('不適合');
    expect(result.status).toBe(1);
  });

  it('records a clause as not applicable, and writes the report and the checklist', () => {
    const excluded = mamori(
      dataDir,
      'compliance',
      'exclude',
      '7.1.10.b',
      '--reason',
      '無線LANを設置していないため（試験）。',
    );
    expect(excluded.status, excluded.stderr).toBe(0);
    const line = mamori(dataDir, 'compliance', 'status', '--json', '--clause', '7.1.10.b').stdout;
    expect(JSON.parse(line)).toMatchObject({ status: 'notApplicable' });
    const refused = mamori(dataDir, 'compliance', 'exclude', '7.1.10.b', '--reason', '短い');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      'reason: 10文字以上で入力してください。 / Must be at least 10 characters.',
    );

    const pdf = join(dataDir, 'report.pdf');
    expect(mamori(dataDir, 'compliance', 'report', '--out', pdf).status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = join(dataDir, 'checklist.xlsx');
    expect(mamori(dataDir, 'compliance', 'checklist', '--out', xlsx).status).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const items = mamori(dataDir, 'compliance', 'checklist', '--json').stdout.trimEnd().split('\n');
    expect(items).toHaveLength(19);
    expect(JSON.parse(items[1] ?? '{}')).toMatchObject({ id: '1-1', answer: 'yes', source: 'computed' });
  });

  it('takes the daily snapshot once', () => {
    expect(mamori(dataDir, 'compliance', 'snapshot').stdout).toMatch(/^取得 \/ taken: /);
    expect(mamori(dataDir, 'compliance', 'snapshot').stdout).toMatch(
      /^本日は取得済み \/ already taken today: /,
    );
  });
});
