/**
 * Proves that the lint gate really catches what it claims to: the architecture rules in
 * .dependency-cruiser.cjs (run on small fixture trees written to a temp directory, with the same CLI and
 * config that `npm run lint` uses) and the key type-aware rules in eslint.config.js (run through ESLint's
 * Node API on snippets placed, virtually, under src/).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const depcruiseConfig = path.join(projectRoot, '.dependency-cruiser.cjs');
const depcruiseBin = path.join(
  projectRoot,
  'node_modules',
  'dependency-cruiser',
  'bin',
  'dependency-cruise.mjs',
);

/* ------------------------------------------------------------------------------------------------------ */
/* dependency-cruiser                                                                                      */
/* ------------------------------------------------------------------------------------------------------ */

type Tree = Record<string, string>;

const aRepository =
  "import { AppError } from '../../kernel/index.js';\n" +
  'export interface Unit { id: string }\n' +
  'export const findUnit = (id: string): Unit => { if (!id) throw new AppError(); return { id }; };\n';

/** A tiny Mamori-shaped tree that obeys every rule. Imports use NodeNext `.js` specifiers, like the real code. */
const cleanTree: Tree = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      verbatimModuleSyntax: true,
      jsx: 'react-jsx',
      noEmit: true,
    },
    include: ['src'],
  }),
  'src/shared/api-types.ts': 'export interface UnitView { id: string; name: string }\n',
  'src/kernel/errors.ts': 'export class AppError extends Error {}\n',
  'src/kernel/index.ts': "export { AppError } from './errors.js';\n",
  'src/modules/a/a.repository.ts': aRepository,
  'src/modules/a/a.service.ts':
    "import { findUnit, type Unit } from './a.repository.js';\n" +
    'export const getUnit = (id: string): Unit => findUnit(id);\n',
  'src/modules/a/index.ts':
    "export { getUnit } from './a.service.js';\nexport type { Unit } from './a.repository.js';\n",
  'src/modules/b/b.service.ts':
    "import { getUnit, type Unit } from '../a/index.js';\n" +
    'export const unitForStaff = (unitId: string): Unit => getUnit(unitId);\n',
  'src/modules/b/index.ts': "export { unitForStaff } from './b.service.js';\n",
  'src/server/routes.ts':
    "import { getUnit } from '../modules/a/index.js';\n" +
    "import { unitForStaff } from '../modules/b/index.js';\n" +
    "import type { UnitView } from '../shared/api-types.js';\n" +
    'export const unitRoute = (id: string): UnitView => ({ id: getUnit(id).id, name: unitForStaff(id).id });\n',
  'src/web/unit-card.tsx':
    "import type { UnitView } from '../shared/api-types.js';\n" +
    'export const UnitCard = ({ unit }: { unit: UnitView }) => <p>{unit.name}</p>;\n',
};

interface Violation {
  rule: string;
  from: string;
  to: string;
}

interface CruiseJson {
  summary: {
    error: number;
    totalCruised: number;
    violations: { from: string; to: string; rule: { name: string; severity: string } }[];
  };
  modules: {
    source: string;
    dependencies: { module: string; resolved: string; couldNotResolve: boolean }[];
  }[];
}

const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const writeTree = async (tree: Tree): Promise<string> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'mamori-depcruise-'));
  tempDirs.push(dir);
  for (const [file, content] of Object.entries(tree)) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return dir;
};

const run = (cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [depcruiseBin, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });

const lintArgs = ['src', '--config', depcruiseConfig];

/**
 * Runs what `npm run lint` runs (`depcruise src --config .dependency-cruiser.cjs`) in a fixture tree, with JSON
 * output to learn which rules fired. (With its default `err` output the CLI exits with `summary.error`, the
 * number of error-severity violations; the last test below checks that exit code directly.)
 */
const cruiseTree = async (tree: Tree): Promise<{ json: CruiseJson; violations: Violation[] }> => {
  const cwd = await writeTree(tree);
  const { code, stdout, stderr } = await run(cwd, [...lintArgs, '--output-type', 'json']);
  if (code !== 0 || !stdout.trim().startsWith('{')) {
    throw new Error(`depcruise failed (exit ${code}):\n${stderr}`);
  }
  const json = JSON.parse(stdout) as CruiseJson;
  for (const v of json.summary.violations) {
    // Anything below "error" would not fail `npm run lint`.
    if (v.rule.severity !== 'error') throw new Error(`rule ${v.rule.name} has severity ${v.rule.severity}`);
  }
  expect(json.summary.error).toBe(json.summary.violations.length);
  const violations = json.summary.violations
    .map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }))
    .sort((x, y) => `${x.rule} ${x.from} ${x.to}`.localeCompare(`${y.rule} ${y.from} ${y.to}`));
  return { json, violations };
};

describe('dependency-cruiser rules (.dependency-cruiser.cjs)', { timeout: 120_000 }, () => {
  it('passes a clean tree, resolving NodeNext `./x.js` specifiers to the `.ts`/`.tsx` files', async () => {
    const { json, violations } = await cruiseTree(cleanTree);

    expect(violations).toEqual([]);
    // Every file was cruised, and every local import resolved to the TypeScript source (an unresolved import
    // would silently hide the architecture violations below).
    const sources = json.modules.map((m) => m.source).filter((s) => s.startsWith('src/'));
    expect(sources.sort()).toEqual(
      Object.keys(cleanTree)
        .filter((f) => f.startsWith('src/'))
        .sort(),
    );
    const routes = json.modules.find((m) => m.source === 'src/server/routes.ts');
    expect(routes?.dependencies.map((d) => d.resolved).sort()).toEqual([
      'src/modules/a/index.ts',
      'src/modules/b/index.ts',
      'src/shared/api-types.ts',
    ]);
    expect(json.modules.flatMap((m) => m.dependencies).filter((d) => d.couldNotResolve)).toEqual([]);
  });

  it('catches an import cycle (no-circular)', async () => {
    const { violations } = await cruiseTree({
      ...cleanTree,
      // a.repository now also imports a.service, which imports a.repository.
      'src/modules/a/a.repository.ts':
        aRepository + "import { getUnit } from './a.service.js';\nexport const again = getUnit;\n",
    });

    // dependency-cruiser reports a cycle once, on one of its edges.
    expect(violations).toHaveLength(1);
    expect([violations[0]?.rule, [violations[0]?.from, violations[0]?.to].sort()]).toEqual([
      'no-circular',
      ['src/modules/a/a.repository.ts', 'src/modules/a/a.service.ts'],
    ]);
  });

  it("catches a module reaching into another module's internals (module-only-through-index)", async () => {
    const { violations } = await cruiseTree({
      ...cleanTree,
      'src/modules/b/x.ts':
        "import { findUnit } from '../a/a.repository.js';\nexport const peek = findUnit;\n",
      // A type-only reach is still a reach.
      'src/modules/b/y.ts': "import type { Unit } from '../a/a.repository.js';\nexport type Peeked = Unit;\n",
    });

    expect(violations).toEqual([
      { rule: 'module-only-through-index', from: 'src/modules/b/x.ts', to: 'src/modules/a/a.repository.ts' },
      { rule: 'module-only-through-index', from: 'src/modules/b/y.ts', to: 'src/modules/a/a.repository.ts' },
    ]);
  });

  it('catches server code bypassing a module door (module-only-through-index)', async () => {
    const { violations } = await cruiseTree({
      ...cleanTree,
      'src/server/peek.ts':
        "import { findUnit } from '../modules/a/a.repository.js';\nexport const peek = findUnit;\n",
    });

    expect(violations).toEqual([
      { rule: 'module-only-through-index', from: 'src/server/peek.ts', to: 'src/modules/a/a.repository.ts' },
    ]);
  });

  it('catches the kernel importing a module, even through its door (kernel-imports-no-module)', async () => {
    const { violations } = await cruiseTree({
      ...cleanTree,
      'src/kernel/uses-module.ts':
        "import { getUnit } from '../modules/a/index.js';\nexport const k = getUnit;\n",
    });

    expect(violations).toEqual([
      { rule: 'kernel-imports-no-module', from: 'src/kernel/uses-module.ts', to: 'src/modules/a/index.ts' },
    ]);
  });

  it('catches the web app importing server, kernel or module code (web-not-server)', async () => {
    const { violations } = await cruiseTree({
      ...cleanTree,
      'src/web/leaky.tsx':
        "import { unitRoute } from '../server/routes.js';\n" +
        "import { AppError } from '../kernel/index.js';\n" +
        "import { getUnit } from '../modules/a/index.js';\n" +
        'export const Leaky = () => <p>{String(unitRoute) + String(AppError) + String(getUnit)}</p>;\n',
    });

    expect(violations).toEqual([
      { rule: 'web-not-server', from: 'src/web/leaky.tsx', to: 'src/kernel/index.ts' },
      { rule: 'web-not-server', from: 'src/web/leaky.tsx', to: 'src/modules/a/index.ts' },
      { rule: 'web-not-server', from: 'src/web/leaky.tsx', to: 'src/server/routes.ts' },
    ]);
  });

  it('reports an import that does not resolve instead of silently skipping it (not-to-unresolvable)', async () => {
    const { violations } = await cruiseTree({
      ...cleanTree,
      'src/modules/b/typo.ts': "import { getUnit } from '../a/indx.js';\nexport const t = getUnit;\n",
    });

    expect(violations).toEqual([
      { rule: 'not-to-unresolvable', from: 'src/modules/b/typo.ts', to: '../a/indx.js' },
    ]);
  });

  it('makes the lint command itself fail on a violation and pass on a clean tree (exit code)', async () => {
    const clean = await run(await writeTree(cleanTree), lintArgs);
    const reach = await run(
      await writeTree({
        ...cleanTree,
        'src/server/peek.ts':
          "import { findUnit } from '../modules/a/a.repository.js';\nexport const peek = findUnit;\n",
        'src/kernel/uses-module.ts':
          "import { getUnit } from '../modules/a/index.js';\nexport const k = getUnit;\n",
      }),
      lintArgs,
    );

    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    expect(reach.code, reach.stdout + reach.stderr).toBe(2);
    expect(reach.stdout).toContain(
      'module-only-through-index: src/server/peek.ts → src/modules/a/a.repository.ts',
    );
    expect(reach.stdout).toContain(
      'kernel-imports-no-module: src/kernel/uses-module.ts → src/modules/a/index.ts',
    );
  });
});

/* ------------------------------------------------------------------------------------------------------ */
/* ESLint                                                                                                  */
/* ------------------------------------------------------------------------------------------------------ */

/**
 * The probes below are linted with the project's real eslint.config.js at virtual paths under src/ (nothing is
 * written there). Because the files do not exist on disk, tsserver's project service cannot place them in
 * tsconfig.json's program, so — and only for them — the parser is told to type-check them in a default project
 * built from that same tsconfig.json. Every rule and every `files` glob still comes from eslint.config.js.
 */
const probeGlobs = ['src/kernel/__lint_probe_*.ts', 'src/web/__lint_probe_*.tsx'];
const eslint = new ESLint({
  cwd: projectRoot,
  overrideConfigFile: path.join(projectRoot, 'eslint.config.js'),
  overrideConfig: {
    files: probeGlobs,
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: probeGlobs, defaultProject: 'tsconfig.json' } },
    },
  },
});

/** Lints `code` as if it were the file at `relativePath` (nothing is written to disk). */
const lint = async (code: string, relativePath: string): Promise<{ ruleIds: string[]; fatal: string[] }> => {
  const [result] = await eslint.lintText(code, { filePath: path.join(projectRoot, relativePath) });
  if (!result) throw new Error('ESLint returned no result');
  return {
    ruleIds: [...new Set(result.messages.map((m) => m.ruleId ?? 'null'))].sort(),
    fatal: result.messages.filter((m) => m.fatal === true || m.ruleId === null).map((m) => m.message),
  };
};

const cleanSnippet = `
export type Level = 'low' | 'high' | 'critical';

export const describeLevel = (level: Level): string => {
  switch (level) {
    case 'low':
      return 'L';
    case 'high':
      return 'H';
    case 'critical':
      return 'C';
  }
};

const save = async (level: Level): Promise<string> => Promise.resolve(describeLevel(level));

export const saveAll = async (levels: readonly Level[]): Promise<void> => {
  await Promise.all(levels.map(save));
};
`;

describe('ESLint rules (eslint.config.js)', { timeout: 120_000 }, () => {
  it('accepts clean, type-checked code under src/', async () => {
    const { ruleIds, fatal } = await lint(cleanSnippet, 'src/kernel/__lint_probe_clean__.ts');

    expect(fatal).toEqual([]);
    expect(ruleIds).toEqual([]);
  });

  it('reports a floating promise and a switch missing a union member (a default: does not count)', async () => {
    const code = cleanSnippet
      .replace("    case 'critical':\n      return 'C';\n", "    default:\n      return '?';\n")
      .replace(
        'await Promise.all(levels.map(save));',
        "save('low');\n  await Promise.all(levels.map(save));",
      );
    expect(code).not.toBe(cleanSnippet);

    const { ruleIds, fatal } = await lint(code, 'src/kernel/__lint_probe_promises__.ts');

    expect(fatal).toEqual([]);
    expect(ruleIds).toEqual([
      '@typescript-eslint/no-floating-promises',
      '@typescript-eslint/switch-exhaustiveness-check',
    ]);
  });

  it('reports any, default exports, value imports used only as types, and a promise passed as a void callback', async () => {
    const code = `
import { Kysely } from 'kysely';

export const widen = (value: any): string => value.name;

export const count = (db: Kysely<unknown>): string => typeof db;

export const onTick = (tick: () => void): void => {
  tick();
};
onTick(async () => {
  await Promise.resolve();
});

export default widen;
`;
    const { ruleIds, fatal } = await lint(code, 'src/kernel/__lint_probe_misc__.ts');

    expect(fatal).toEqual([]);
    expect(ruleIds).toEqual([
      '@typescript-eslint/consistent-type-imports',
      '@typescript-eslint/no-explicit-any',
      '@typescript-eslint/no-misused-promises',
      '@typescript-eslint/no-unsafe-member-access',
      '@typescript-eslint/no-unsafe-return',
      'no-restricted-syntax',
    ]);
  });

  it('forbids non-null assertions in source but allows them in tests', async () => {
    const code = `export const first = (xs: readonly string[]): string => xs[0]!;\n`;

    const inSource = await lint(code, 'src/kernel/__lint_probe_nonnull__.ts');
    const inTest = await lint(code, 'src/kernel/__lint_probe_nonnull__.test.ts');

    expect(inSource.fatal).toEqual([]);
    expect(inSource.ruleIds).toEqual(['@typescript-eslint/no-non-null-assertion']);
    expect(inTest.fatal).toEqual([]);
    expect(inTest.ruleIds).toEqual([]);
  });

  it('applies the React hooks rules to the web app', async () => {
    const code = `
import { useState } from 'react';

export const Counter = ({ enabled }: { enabled: boolean }) => {
  if (!enabled) return null;
  const [count, setCount] = useState(0);
  return <button onClick={() => { setCount(count + 1); }}>{count}</button>;
};
`;
    const { ruleIds, fatal } = await lint(code, 'src/web/__lint_probe_hooks__.tsx');

    expect(fatal).toEqual([]);
    expect(ruleIds).toEqual(['react-hooks/rules-of-hooks']);
  });
});
