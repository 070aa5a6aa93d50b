import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Module front doors (docs/architecture.md, "Modules and their front doors"): code outside a module imports only the
 * module's `index.ts`. A module's own files (its tests too) may import anything inside it. Test code (`*.test.ts`,
 * `src/testing`, `e2e`, `test`, and a module's own test-support files) may also import another module's test support:
 * `test-*.ts`, `testing.ts`, `testing/…`. The console (`web/`) is bundled for the browser and imports only pure files
 * (labels, constants), so it is outside this rule. Built-in `no-restricted-imports` with a regular expression per
 * module and folder depth, since a relative specifier's meaning depends on where the importing file sits.
 */
const MODULES = readdirSync(new URL('./src/modules/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const FRONT_DOOR_MESSAGE = "Import another module only through its index.ts (its front door); export what you need there.";
const TEST_SUPPORT = String.raw`test-[^/]*\.ts$|testing\.ts$|testing/`;
const TEST_FILES = ['**/*.test.ts', 'src/testing/**', 'e2e/**', 'test/**'];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Forbid `<up>…/<other module>/<anything but index.ts>`; `up` climbs from the file's folder to `src/modules/`. */
function frontDoorRule(up, own, forTests) {
  const allowed = forTests ? `index\\.ts$|${TEST_SUPPORT}` : `index\\.ts$`;
  const notOwn = own ? `(?!${escape(own)}/)` : '';
  return ['error', { patterns: [{ regex: `^${escape(up)}${notOwn}[^/.][^/]*/(?!${allowed})`, message: FRONT_DOOR_MESSAGE }] }];
}
const moduleBoundaries = MODULES.flatMap((m) =>
  [1, 2, 3].flatMap((depth) => {
    const files = [`src/modules/${m}/${'*/'.repeat(depth - 1)}*.ts`];
    const up = '../'.repeat(depth);
    return [
      { files, rules: { 'no-restricted-imports': frontDoorRule(up, m, false) } },
      {
        files: files
          .flatMap((f) => [f.replace(/\*\.ts$/, '*.test.ts'), f.replace(/\*\.ts$/, 'test-*.ts'), f.replace(/\*\.ts$/, 'testing.ts')])
          .concat(depth === 2 ? [`src/modules/${m}/testing/*.ts`] : []),
        rules: { 'no-restricted-imports': frontDoorRule(up, m, true) },
      },
    ];
  }),
);
/** Outside src/modules (app, kernel, seeds, simulator, scripts, bench, e2e, tests): any path into a module's folder. */
const outsideModules = [
  {
    files: ['src/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'test/**/*.ts', '*.config.ts'],
    ignores: ['src/modules/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: String.raw`(^|/)modules/[^/]+/(?!index\.ts$)`, message: FRONT_DOOR_MESSAGE }] }] },
  },
  {
    files: TEST_FILES,
    ignores: ['src/modules/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: String.raw`(^|/)modules/[^/]+/(?!index\.ts$|${TEST_SUPPORT})`, message: FRONT_DOOR_MESSAGE }] }] },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', '.tmp/', 'coverage/', 'src/client/api-types.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the injected Clock, not Date.now(), so rules can be tested at exact instants.' },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The console's shell worker runs in a ServiceWorkerGlobalScope (self, caches, clients), not a page.
    files: ['web/public/sw.js'],
    languageOptions: { globals: { ...globals.serviceworker }, sourceType: 'script' },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  ...outsideModules,
  ...moduleBoundaries,
);
