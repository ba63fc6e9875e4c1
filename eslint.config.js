// ESLint with typescript-eslint (decision 0004): the rules that need type information
// (floating promises above all) are the reason we pay for a type-aware linter.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'web/dist/**', 'server/dist/**', 'server/migrations/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // tsc checks names (and knows the Node and DOM globals); the core rule only misfires on types.
      'no-undef': 'off',
      // A leading underscore marks what a destructuring leaves out on purpose (`{ password: _p, ...rest }`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // `interface PermissionRegistry extends Record<…> {}` is how a module adds its permission keys (declaration merging).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // Type-aware: a promise nobody awaits loses its error (and a transaction's ordering).
      '@typescript-eslint/no-floating-promises': 'error',
      // ~50 `any`s sit at driver and test boundaries (executor rows, worker messages); typing them is its own change.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/await-thenable': 'error',
      // Conditionals and spreads of a promise are bugs; async callbacks where void is expected are how
      // Fastify hooks, worker ports and React handlers are written here (each catches its own errors).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  { files: ['**/*.mjs', '**/*.js', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules; the React Compiler rules of v7's preset are not adopted (we don't use the compiler).
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
