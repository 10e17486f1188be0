// @ts-check
/**
 * Mamori's architecture rules (run by `npm run lint` as `depcruise src --config .dependency-cruiser.cjs`).
 *
 * Layers:  web ──> shared <── server / cli ──> modules/<m>/index.ts ──> kernel
 *  - the kernel imports no module (and nothing from server, cli or web);
 *  - a module is entered only through its door, `src/modules/<m>/index.ts`;
 *  - the web app imports only itself and src/shared (never server, cli, kernel or modules);
 *  - src/shared is a leaf: it imports nothing else from src/.
 *
 * Paths are matched against resolved files (`src/modules/org/org.schema.ts`), never against the import text,
 * so `./x.js` (NodeNext style) must resolve to `./x.ts` — `not-to-unresolvable` makes sure nothing silently
 * slips through unresolved. test/lint-rules.test.ts proves these rules fire on fixture trees.
 *
 * Type-only imports count too (tsPreCompilationDeps): reaching into another module for a type is still a reach.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'This dependency is part of an import cycle. Break it: move the shared piece down (kernel or a ' +
        'smaller file), or invert the dependency.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'kernel-imports-no-module',
      severity: 'error',
      comment: 'The kernel is the bottom layer: it must not import any module (src/modules/**).',
      from: { path: '^src/kernel/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'kernel-imports-no-outer-layer',
      severity: 'error',
      comment: 'The kernel must not import the server, the CLI or the web app.',
      from: { path: '^src/kernel/' },
      to: { path: '^src/(server|cli|web)/' },
    },
    {
      name: 'module-only-through-index',
      severity: 'error',
      comment:
        'Another module may only be entered through its door, src/modules/<m>/index.ts. Export what you ' +
        'need from that index instead of importing its internals.',
      // $1 in `to` is the module name captured by `from.path`: files of module $1 may use their own internals.
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/(?!index\\.ts$)', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'module-only-through-index',
      severity: 'error',
      comment:
        'Code outside src/modules (server, cli, kernel, ...) may only import a module through its door, ' +
        'src/modules/<m>/index.ts.',
      from: { path: '^src/', pathNot: '^src/modules/' },
      to: { path: '^src/modules/[^/]+/(?!index\\.ts$)' },
    },
    {
      name: 'modules-not-to-outer-layer',
      severity: 'error',
      comment:
        'Modules sit below the server and the CLI: they must not import src/server, src/cli or src/web.',
      from: { path: '^src/modules/' },
      to: { path: '^src/(server|cli|web)/' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment:
        'The web app talks to the server over HTTP only. It may import src/shared/** (and itself), never ' +
        'src/server, src/cli, src/kernel or src/modules.',
      from: { path: '^src/web/' },
      to: { path: '^src/(server|cli|kernel|modules)/' },
    },
    {
      name: 'shared-is-leaf',
      severity: 'error',
      comment:
        'src/shared is imported by both the web app and the server, so it must not import anything from src/ ' +
        'outside src/shared (otherwise server code leaks into the browser bundle).',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'This import cannot be resolved to a file. An unresolved import would also hide architecture ' +
        'violations, so it is an error here.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment:
        'This imports an npm package that is not declared in package.json (it only works through hoisting). ' +
        'Add it to dependencies (server code) or devDependencies (web/tooling).',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Node-style resolution for NodeNext TypeScript: `./x.js` resolves to `./x.ts` / `./x.tsx`.
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
