// Mamori's lint rules (ESLint 9 flat config, type-aware through typescript-eslint's project service).
//
// Prettier is the only formatter: nothing here is a formatting rule. The architecture rules (the module
// door, kernel/web layering, no cycles) live in .dependency-cruiser.cjs and run in the same `npm run lint`,
// because they are about resolved files rather than import text. test/lint-rules.test.ts proves both work.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const tsFiles = ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}', '*.config.ts'];
const testFiles = ['src/**/*.test.{ts,tsx}', 'test/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}'];
/** Tools (vite, vitest, eslint) require a default export from their config file; nothing else may have one. */
const configFiles = ['*.config.{js,cjs,mjs,ts}'];

/** Scope shared typescript-eslint configs to the TypeScript files only (JS config files are linted untyped). */
const forTs = (configs) => configs.map((config) => ({ ...config, files: tsFiles }));

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'data/', 'test-artifacts/', 'coverage/', 'policy/']),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Everything linted (the TypeScript below and plain JS such as this file and .dependency-cruiser.cjs).
  js.configs.recommended,

  // TypeScript: strict, type-aware.
  ...forTs(tseslint.configs.strictTypeChecked),
  {
    files: tsFiles,
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Promises are awaited, returned or explicitly `void`ed; never handed to something expecting a void callback.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',

      // A switch over a union must name every member. A `default:` does not count as covering a missing
      // member, so adding a new role/status/code breaks the build until every switch handles it.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        {
          considerDefaultExhaustiveForUnions: false,
          allowDefaultCaseForExhaustiveSwitch: true,
          requireDefaultForNonUnion: true,
        },
      ],

      // No `any`, explicit or leaking in.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',

      // verbatimModuleSyntax: type-only imports must say so (and must not leave a side-effect import behind).
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',

      // Named exports only.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use a named export (default exports are only for tool config files).',
        },
        {
          selector: 'ExportSpecifier[exported.name="default"]',
          message: 'Use a named export (default exports are only for tool config files).',
        },
      ],

      // Realistic relaxations of strict-type-checked.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],

      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },

  // React (hooks rules and the React Compiler checks) for the web app.
  {
    files: ['src/web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },

  // Tests and benchmarks: assertions about values the test itself just set up are fine.
  {
    files: testFiles,
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `expect(repo.save).toHaveBeenCalled()` passes methods around on purpose.
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // Tool config files must default-export their config.
  {
    files: configFiles,
    rules: { 'no-restricted-syntax': 'off' },
  },
);
