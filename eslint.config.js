import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const runtimeModules = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'electron', 'electron/*', 'lowdb', 'lowdb/*', 'react', 'react-dom', 'react-dom/*'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Layering (see ARCHITECTURE.md): common is pure and shared by every runtime.
    files: ['src-main/common/**/*.ts'],
    ignores: ['src-main/common/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: runtimeModules, message: 'src-main/common is pure: no Node, Electron, DOM or store imports.' }, { group: ['../store/*', '../services/*', '../hosts/*', '../../src-renderer/*'], message: 'common may not import from higher layers.' }] }],
    },
  },
  {
    files: ['src-main/store/**/*.ts', 'src-main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*', '**/hosts/*', '**/src-renderer/*'], message: 'store and services run in both hosts: no Electron, no hosts, no renderer.' }] }],
    },
  },
  {
    files: ['src-main/hosts/browser/**/*.ts', 'src-main/serve.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*', '**/hosts/electron/*'], message: 'browser mode runs on plain Node: never import Electron.' }] }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'electron', 'electron/*', '**/src-main/store/*', '**/src-main/services/*', '**/src-main/hosts/*', '**/src-main/preload/*'], message: 'The renderer may import only src-main/common.' }] }],
    },
  },
);
