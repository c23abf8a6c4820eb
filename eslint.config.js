import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // Below the store layer nothing may read a clock, draw randomness, set a timer or touch the DOM:
    // time and randomness enter through the World (DESIGN.md section 2).
    files: ['src/{lib,kernel,docker,shell,sim,lessons}/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'Time comes from World.clock (layer rule: no clock below store/).' },
        { name: 'performance', message: 'Time comes from World.clock (layer rule: no clock below store/).' },
        { name: 'setTimeout', message: 'No timers below store/: schedule kernel events instead.' },
        { name: 'setInterval', message: 'No timers below store/: schedule kernel events instead.' },
        { name: 'requestAnimationFrame', message: 'No DOM below store/.' },
        { name: 'window', message: 'No DOM below store/.' },
        { name: 'document', message: 'No DOM below store/.' },
        { name: 'localStorage', message: 'No DOM below store/.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness comes from World.rng (layer rule).' },
        { object: 'Date', property: 'now', message: 'Time comes from World.clock (layer rule).' },
        { object: 'performance', property: 'now', message: 'Time comes from World.clock (layer rule).' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'Time comes from World.clock (layer rule).',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'e2e/**/*.{ts,js,mjs}', '*.config.{js,ts}', 'src/cli/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    // Browser scripts outside src: the service worker template and the e2e page that embeds the app.
    files: ['scripts/offline/sw.template.js', 'e2e/embed-host/**/*.js'],
    languageOptions: { globals: { ...globals.serviceworker, ...globals.browser } },
  },
);
