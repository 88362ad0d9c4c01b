// Lint, and the boundaries of DESIGN.md: a wrong import fails CI instead of a review.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronPackage = { name: 'electron', message: "Only electron/main may import 'electron'." };
const NO_NODE = 'shared/ and renderer/ run without Node.';
const nodeBuiltins = [{ group: ['node:*'], message: NO_NODE }];
// Bare builtin names ('fs', 'path') are matched exactly: as patterns, 'domain' would catch './domain/'.
const nodeBuiltinPaths = builtinModules.map((name) => ({ name, message: NO_NODE }));
// esquery's regex literals cannot hold a '/', hence \x2F.
const KEY_STRETCH = String.raw`/(^|\x2F)key-stretch(\.ts)?$/`;
const TESTS_ONLY = 'setKeyStretchForTests is for tests: switch the key stretch through electron/app/testing/short-key-stretch.ts.';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'dist-cli', 'release', 'test-results', 'e2e/artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPackage, ...nodeBuiltinPaths],
          patterns: [
            ...nodeBuiltins,
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports neither electron/ nor renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPackage, ...nodeBuiltinPaths],
          patterns: [...nodeBuiltins, { group: ['**/electron/**'], message: 'renderer/ talks to the app only through shared/api.ts.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/app/**/*.ts', 'electron/http/**/*.ts', 'electron/cli/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'trials/**/*.ts', 'scripts/**/*.js', 'build/**/*.{js,ts}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronPackage], patterns: [{ group: ['**/renderer/**'], message: 'Node code does not import the renderer.' }] }],
    },
  },
  {
    files: ['electron/cli/**/*.ts', 'scripts/**/*.js', 'bench/**/*.ts', 'build/**/*.js', 'trials/run-*.ts', 'trials/fuzz/run-*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests of shared/ and renderer/ code run under Node (vitest) and may read fixtures.
    files: ['shared/**/*.test.ts', 'renderer/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronPackage] }] },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['types/**/*.d.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The short key stretch exists for tests alone: only electron/app/testing/ may switch it.
    files: ['**/*.{ts,tsx,js}'],
    ignores: ['electron/app/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          `ImportDeclaration[source.value=${KEY_STRETCH}] ImportSpecifier[imported.name='setKeyStretchForTests']`,
          `ImportDeclaration[source.value=${KEY_STRETCH}] ImportNamespaceSpecifier`,
          `ImportExpression[source.value=${KEY_STRETCH}]`,
          `ExportNamedDeclaration[source.value=${KEY_STRETCH}]`,
          `ExportAllDeclaration[source.value=${KEY_STRETCH}]`,
        ].map((selector) => ({ selector, message: TESTS_ONLY })),
      ],
    },
  },
);
