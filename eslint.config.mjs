import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// What libs/domain may never import: it stays plain TypeScript, talking to the world only through ports.
const FORBIDDEN_IN_DOMAIN = [
  { group: ['@nestjs/*', '@nestjs-modules/*'], message: 'The domain is plain TypeScript: bind it in apps/api.' },
  { group: ['typeorm', 'pg', 'pg-*'], message: 'Persistence belongs in libs/infrastructure, behind a port.' },
  {
    group: ['class-validator', 'class-transformer', '@nestjs/swagger'],
    message: 'No framework decorators in the domain.',
  },
  {
    group: ['node:*', 'fs', 'fs/*', 'http', 'https', 'net', 'crypto', 'child_process', 'os', 'path'],
    message: 'No Node I/O in the domain: add a port.',
  },
  {
    group: ['@gatehouse/infrastructure/*', '**/infrastructure/**', '**/apps/**'],
    message: 'The domain never reaches outwards.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'test-results/', '**/*.hbs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': 'off',
    },
  },
  {
    // Nest resolves constructor parameters from their emitted types, so those imports must stay values.
    files: ['apps/api/src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['libs/domain/src/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: FORBIDDEN_IN_DOMAIN }] },
  },
  {
    files: ['**/*.cjs', 'jest.config.js', 'scripts/**/*.mjs', 'apps/api/src/views/assets/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        window: 'writable',
        fetch: 'readonly',
        Set: 'readonly',
        document: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
  {
    // The dashboard runs in the browser (its imports between features are checked by dependency-cruiser).
    files: ['apps/admin/**/*.{ts,tsx}'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        fetch: 'readonly',
        Request: 'readonly',
        Response: 'readonly',
        Headers: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        Blob: 'readonly',
        HTMLElement: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        console: 'readonly',
      },
    },
  },
  {
    files: ['apps/admin/src/**/*.{ts,tsx}'],
    ignores: ['apps/admin/src/lib/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message: "Import z from src/lib/zod.ts: it turns off zod's eval, which the page's CSP refuses.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/admin/scripts/*.mjs'],
    languageOptions: {
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly', fetch: 'readonly' },
    },
  },
);
