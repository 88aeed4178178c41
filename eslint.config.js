// Lint: typescript-eslint's recommended rules, plus the layering rule of STYLE.md:
// the analytics core (src/core) does no I/O and imports nothing from the outer layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'web/dist/**', 'test-results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'zlib', 'stream', 'http', 'child_process'], message: 'src/core is pure: no I/O.' },
          { group: ['**/ingest/**', '**/cli/**', '**/store/**', '**/server/**', '**/synthetic/**', '**/calibration/**'], message: 'Layers point one way: core imports nothing from outer layers.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'Date', message: 'src/core reads no clock: pass time in (epoch ms).' },
        { name: 'process', message: 'src/core does no I/O.' },
        { name: 'console', message: 'src/core does no I/O.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'src/core is deterministic: pass a seeded generator.' }],
    },
  },
  {
    files: ['src/ingest/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/cli/**', '**/store/**', '**/server/**'], message: 'Layers point one way: ingest must not import outer layers.' }],
      }],
    },
  },
  {
    // The dashboard (issue 7) runs in the browser and talks to the server over HTTP only. (Browser globals need
    // no list: typescript-eslint turns no-undef off for TypeScript, whose DOM lib checks them.)
    files: ['web/**/*.{ts,tsx}'],
    ignores: ['web/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/src/server/**', '**/src/store/**', '**/src/cli/**', '**/src/ingest/**', 'node:*'], message: 'The dashboard talks to the server over HTTP only.' }],
      }],
    },
  },
);
