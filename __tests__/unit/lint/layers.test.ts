/**
 * The layer rule of eslint.config.js (docs/architecture.md, "Layers") fires
 * on a wrong import and stays quiet on a right one, so that it cannot stop
 * working unnoticed: each case lints a file that does not exist at a path
 * inside src/, with the project's own configuration.
 */
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../../..');

// The project's configuration, passed as an object (ESLint would load the file
// with a dynamic import, which Jest's module sandbox refuses). Type
// information is for the promise rules; these files exist only here.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  baseConfig: require(path.join(ROOT, 'eslint.config.js')) as ESLint.Options['baseConfig'],
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
});

/** The layer-rule messages ESLint reports for `code` written at `file`. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${file} did not parse: ${fatal[0]?.message}`);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** ESLint's message: the specifier, then the rule's own words from eslint.config.js. */
const refused = (specifier: string, why: string) =>
  `'${specifier}' import is restricted from being used by a pattern. ${why}`;

const down = (specifier: string, layer: string, other: string) =>
  refused(
    specifier,
    `src/${layer} must not import src/${other}: imports only point down (docs/architecture.md, "Layers").`,
  );

// What the architecture requires; eslint.config.js may forbid more, never less.
const WRONG: Array<[file: string, specifier: string, layer: string, other: string]> = [
  ['src/model/check.ts', '../agent/protocol/adapter', 'model', 'agent'],
  ['src/model/check.ts', '../report/summary', 'model', 'report'],
  ['src/model/check.ts', '../jest/harm', 'model', 'jest'],
  ['src/model/check.ts', '../cli/main', 'model', 'cli'],
  ['src/jest/check.ts', '../agent/attacks/attacks', 'jest', 'agent'],
  ['src/jest/transport/check.ts', '../../agent/protocol/payload', 'jest', 'agent'],
  ['src/report/check.ts', '../agent/evaluators/tool-called', 'report', 'agent'],
  ['src/report/check.ts', '../jest/reporter', 'report', 'jest'],
  ['src/cli/check.ts', '../agent/llm/client', 'cli', 'agent'],
  ['src/cli/check.ts', '../jest/reporter-options', 'cli', 'jest'],
  ['src/agent/attacks/check.ts', '../../report/summary', 'agent', 'report'],
  ['src/agent/payloads/library/check.ts', '../../../jest/test-api', 'agent', 'jest'],
  ['src/suites/check.ts', '../report/summary', 'suites', 'report'],
];

test.each(WRONG)('%s importing %s is refused', async (file, specifier, layer, other) => {
  expect(await layerErrors(file, `import { x } from '${specifier}';\nvoid x;\n`)).toEqual([
    down(specifier, layer, other),
  ]);
});

test('a type-only import and a re-export are refused too', async () => {
  const code = `import type { X } from '../agent/protocol/adapter';\nexport { y } from '../agent/protocol/request';\nexport type { X };\n`;
  expect(await layerErrors('src/model/check.ts', code)).toEqual([
    down('../agent/protocol/adapter', 'model', 'agent'),
    down('../agent/protocol/request', 'model', 'agent'),
  ]);
});

test('no layer imports an entry point', async () => {
  expect(
    await layerErrors('src/jest/check.ts', `import { x } from '../index';\nvoid x;\n`),
  ).toEqual([
    refused(
      '../index',
      'src/jest must not import an entry point; import the module that holds the name (docs/architecture.md, "Layers").',
    ),
  ]);
});

test('the model, the agent layer and the outputs do not import Jest', async () => {
  for (const [file, specifier] of [
    ['src/model/check.ts', '@jest/globals'],
    ['src/agent/protocol/check.ts', 'jest-environment-node'],
    ['src/report/check.ts', 'expect'],
  ] as const) {
    const layer = file.split('/')[1];
    expect(await layerErrors(file, `import { x } from '${specifier}';\nvoid x;\n`)).toEqual([
      refused(
        specifier,
        `src/${layer} must not import Jest: it works under any test runner (docs/architecture.md, "Layers").`,
      ),
    ]);
  }
});

const RIGHT: Array<[file: string, specifier: string]> = [
  ['src/model/check.ts', './result'],
  ['src/agent/attacks/check.ts', '../protocol/adapter'],
  ['src/agent/attacks/check.ts', '../../model/result'],
  ['src/report/check.ts', '../model/run-report'],
  ['src/jest/check.ts', '../report/summary'],
  ['src/jest/transport/check.ts', '../../model/result-codec'],
  ['src/cli/check.ts', '../report/merge'],
  ['src/suites/check.ts', '../agent/protocol/payload'],
  ['src/suites/check.ts', '../jest/test-api'],
  ['src/index.ts', './agent/attacks'],
  ['src/jest/check.ts', 'jest-environment-node'],
];

test.each(RIGHT)('%s may import %s', async (file, specifier) => {
  expect(await layerErrors(file, `import { x } from '${specifier}';\nvoid x;\n`)).toEqual([]);
});
