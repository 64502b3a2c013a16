// Lint rules: typescript-eslint's recommended set, formatting left to prettier,
// promise rules that need type information, and the layers of src/: imports
// only point down (docs/architecture.md, "Layers").
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const prettier = require('eslint-config-prettier');

/**
 * The folders of src/ each layer must not import. The model is at the
 * bottom; the agent layer (protocol, attacks, probes, evaluators, ...) and
 * the report outputs each stand on the model alone; the Jest layer on the
 * model and the outputs; the CLI on the outputs; src/suites (Jest suites
 * generated from the agent layer) on the Jest and agent layers. The entry
 * points (src/*.ts, src/env/) may import any layer; no layer imports them.
 */
const FORBIDDEN = {
  model: ['agent', 'report', 'jest', 'suites', 'cli'],
  agent: ['report', 'jest', 'suites', 'cli'],
  report: ['agent', 'jest', 'suites', 'cli'],
  jest: ['agent', 'suites', 'cli'],
  suites: ['report', 'cli'],
  cli: ['agent', 'jest', 'suites'],
};
const ENTRY_POINTS = [
  'index',
  'env',
  'reporter',
  'matchers',
  'report',
  'trace',
  'integration',
  'ai-sdk',
  'langchain',
  'openai-agents',
  'mcp',
];
/** Layers that must work under any test runner: no Jest package either. */
const RUNNER_FREE = ['model', 'agent', 'report'];

const layerRules = Object.entries(FORBIDDEN).map(([layer, forbidden]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((other) => ({
            regex: `^(\\.\\./)+${other}(/|$)`,
            message: `src/${layer} must not import src/${other}: imports only point down (docs/architecture.md, "Layers").`,
          })),
          {
            regex: `^(\\.\\./)+(${ENTRY_POINTS.join('|')})$`,
            message: `src/${layer} must not import an entry point; import the module that holds the name (docs/architecture.md, "Layers").`,
          },
          ...(RUNNER_FREE.includes(layer)
            ? [
                {
                  regex: '^(@jest/|jest($|-)|expect$)',
                  message: `src/${layer} must not import Jest: it works under any test runner (docs/architecture.md, "Layers").`,
                },
              ]
            : []),
        ],
      },
    ],
  },
}));

module.exports = tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'fixtures/', 'coverage/', 'bench/.work/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      // A promise nobody awaits loses its rejection, and with it a Result or an error.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  ...layerRules,
);
