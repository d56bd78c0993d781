import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** libs/domain is pure TypeScript: no framework, database, queue or Node I/O may leak into it. */
const DOMAIN_FORBIDDEN = ['kysely', 'pg', 'bullmq', 'ioredis', 'fs', 'http', 'https', 'net', 'child_process'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', '.flotilla/**', '.tmp/**', 'bench/results/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Kysely's migration signature is `up(db: Kysely<any>)`: a migration must not depend on today's schema type.
    files: ['migrations/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // `_`-prefixed names mark parameters kept for a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', '**/test/**/*.ts'],
    rules: {
      // Tests reach into fixtures with require(), read untyped JSON answers and match terminal escapes.
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...DOMAIN_FORBIDDEN.map((name) => ({ name, message: 'libs/domain does no I/O (see docs/architecture.md).' })),
            { name: '@flotilla/persistence', message: 'libs/domain must not depend on persistence.' },
          ],
          patterns: [
            { group: ['@nestjs/*'], message: 'libs/domain is framework-free: no NestJS.' },
            { group: ['node:*'], message: 'libs/domain does no I/O: no Node built-ins.' },
            { group: DOMAIN_FORBIDDEN.map((name) => `${name}/*`), message: 'libs/domain does no I/O.' },
            { group: ['@flotilla/persistence/*'], message: 'libs/domain must not depend on persistence.' },
          ],
        },
      ],
    },
  },
);
