import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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

describe('mamori CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mamori-cli-'));

  it('explains its commands in both languages', () => {
    const help = mamori(dataDir, '--help');
    expect(help.status).toBe(0);
    for (const command of ['serve', 'db', 'demo', 'org']) expect(help.stdout).toContain(command);
    expect(mamori(dataDir, 'org', '--help').stdout).toMatch(/import .*取り込む/s);
  });

  it('migrates, seeds the demo hospital once, and prints each persona with a temporary password', () => {
    expect(mamori(dataDir, 'db', 'migrate').stdout).toMatch(
      /applied: 001-foundation.*\n.*level \(sqlite\): \d{3}-/,
    );
    const seeded = mamori(dataDir, 'demo', 'seed');
    expect(seeded.status).toBe(0);
    const personas = [...seeded.stdout.matchAll(/^\s+(demo-[a-z]+)\s+(\S{16})$/gm)].map((m) => m[1]);
    expect(personas).toEqual([
      'demo-ciso',
      'demo-director',
      'demo-officer',
      'demo-manager',
      'demo-staff',
      'demo-contractor',
      'demo-auditor',
    ]);
    expect(mamori(dataDir, 'demo', 'seed').stdout).toContain('nothing seeded');
  });

  it('exports the organisation and re-imports it unchanged', () => {
    const file = join(dataDir, 'org.xlsx');
    expect(mamori(dataDir, 'org', 'export', file).status).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const result = mamori(dataDir, 'org', 'import', file, '--dry-run');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('staff: 追加 created 0, 更新 updated 0, 変更なし unchanged 1500');
    expect(result.stdout).toContain('units: 追加 created 0, 更新 updated 0, 変更なし unchanged 67');
  });

  it('refuses a bad file with the row, field and reason in both languages, and exits non-zero', () => {
    const csv = join(dataDir, 'staff.csv');
    writeFileSync(
      csv,
      '職員番号,氏名,氏名（カナ）,雇用形態,所属部署コード,開始日\nX001,試験 花子,シケン ハナコ,regular,NO-SUCH-UNIT,2026-04-01\n',
    );
    const result = mamori(dataDir, 'org', 'import', csv, '--sheet', 'staff');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      '2行目 / row 2: staff.unitCode: 所属部署 NO-SUCH-UNIT が見つかりません。 / Unit NO-SUCH-UNIT does not exist.',
    );
  });

  it('stops on a wrong setting, naming it', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'db', 'migrate'],
      {
        cwd: root,
        env: { ...process.env, MAMORI_DATA_DIR: dataDir, MAMORI_LOG_LEVEL: 'loud' },
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('MAMORI_LOG_LEVEL (logLevel)');
  });
});
