import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Modules the pure core must never import (STYLE rule 1). */
const impureModules = [
  'next',
  'next/*',
  'react',
  'drizzle-orm',
  'drizzle-orm/*',
  'postgres',
  'ccxt',
  'socket.io',
  'socket.io-*',
  'openai',
  '@google/*',
  'node:*',
  'fs',
  'path',
  'crypto',
  'os',
  'child_process',
  '@/lib/db/*',
  '@/lib/exchange/*',
  '@/lib/ai/*',
  '@/lib/trading/*',
  '@/lib/auth/*',
  '@/lib/realtime/*',
  '@/lib/config',
];

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      '.data/**',
      'node_modules/**',
      'lib/db/migrations/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      '*.config.mjs',
      'postcss.config.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['lib/core/**/*.ts'],
    ignores: ['lib/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: impureModules.map((group) => ({
            group: [group],
            message: 'lib/core is pure: no I/O, framework or outer-layer imports.',
          })),
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'lib/core reads no environment: pass configuration in.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'lib/core reads no clock: pass time in.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'lib/core reads no clock: pass time in.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.int.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
