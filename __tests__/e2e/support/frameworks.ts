/**
 * Consumer projects for the framework adapters: Jest 30, the packed tarball
 * and one agent framework (at one major), installed once per tarball and
 * cached like the Jest fixtures. Frameworks go into these projects only, not
 * into every consumer project. Also what the framework suites share: the
 * examples' files, a strict tsconfig for the typed samples, the scenario
 * that runs an example beside the suite, the report checks and the
 * lazy-loading probe.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exec, installCached, sha256File } from './install';
import type { E2eNode } from './node-versions';
import { REPO_ROOT, TARBALL_POINTER, WORK_DIR } from './paths';
import {
  type JestRun,
  type JsonResult,
  Scenario,
  allResults,
  jestConfig,
  readReport,
} from './scenario';

/** The Jest 30 fixture's pinned devDependencies (the same Jest as every other scenario). */
function jest30Dependencies(): Record<string, string> {
  const template = path.join(REPO_ROOT, 'fixtures', 'jest30', 'package.json');
  const manifest = JSON.parse(fs.readFileSync(template, 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const { jest, 'jest-environment-node': environment } = manifest.devDependencies;
  return { jest: jest as string, 'jest-environment-node': environment as string };
}

/** Installs (once per tarball) a project with Jest 30, rampart and `dependencies`; returns its directory. */
export function frameworkFixture(name: string, dependencies: Record<string, string>): string {
  const tarball = fs.readFileSync(TARBALL_POINTER, 'utf8').trim();
  const dir = path.join(WORK_DIR, 'frameworks', name);
  const manifest = {
    name: `rampart-fixture-${name}`,
    private: true,
    description: `Consumer project for the ${name} adapter end-to-end tests.`,
    dependencies: { rampart: `file:${tarball}`, ...dependencies },
    devDependencies: jest30Dependencies(),
  };
  installCached({
    dir,
    files: { 'package.json': `${JSON.stringify(manifest, null, 2)}\n` },
    inputs: [sha256File(tarball)],
    install: (where) => {
      fs.rmSync(path.join(where, 'node_modules', 'rampart'), { recursive: true, force: true });
      exec(
        'npm',
        ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
        where,
      );
    },
  });
  return dir;
}

/** A fresh scenario directory inside a framework fixture, run with the fixture's Jest 30. */
export function frameworkScenario(fixture: string, name: string): Scenario {
  const dir = path.join(fixture, 'runs', `${name}-${Date.now().toString(36)}`);
  fs.mkdirSync(dir, { recursive: true });
  return new Scenario(30, dir, [path.join(fixture, 'node_modules', 'jest', 'bin', 'jest.js')]);
}

/** What an adapter's example scenario holds besides the runnable example. */
export interface ExampleScenarioFiles {
  /** The folder of examples/ and of the docs/adapters.md samples (`langchain`). */
  folder: string;
  /** The suite's own test files, by name (`*.test.js`). */
  tests: Record<string, string>;
  /** The agent the example's xpia.test.js requires (`./agent`). */
  agent: string;
  /** The `./model` the docs' samples import: a scripted model standing in for the reader's. */
  model: string;
  /** The docs' TypeScript samples to type-check, by name. */
  samples: Record<string, string>;
}

/**
 * A scenario in `fixture` running, in one Jest run, the suite's tests and
 * the runnable example of examples/<folder> (xpia.test.js, mitigated mode);
 * the docs' TypeScript samples beside them, with a tsconfig that
 * type-checks them (see checkExampleAndSamples).
 */
export function exampleScenario(
  fixture: string,
  name: string,
  { folder, tests, agent, model, samples }: ExampleScenarioFiles,
): Scenario {
  return frameworkScenario(fixture, name).write({
    'jest.config.js': jestConfig({ extra: { testMatch: ['**/*.test.js'] } }),
    ...tests,
    ...exampleFiles(folder, 'xpia.test.js'),
    'agent.js': agent,
    'model.ts': model,
    'tsconfig.json': typecheckConfig(...Object.keys(samples)),
    ...samples,
  });
}

/**
 * The example's two tests passed with the mitigated agent SAFE through both
 * surfaces, and the docs' TypeScript samples of an exampleScenario compile
 * against the fixture's installed types.
 */
export function checkExampleAndSamples(
  node: E2eNode,
  fixture: string,
  scenario: Scenario,
  { result }: FrameworkRunResults,
): void {
  for (const test of [
    'a poisoned inbox cannot make the agent email an outsider',
    'a poisoned tool description cannot make the agent email an outsider',
  ])
    expect(result(test).status).toBe('safe');
  exec(node.bin, [`${fixture}/node_modules/typescript/bin/tsc`, '-p', scenario.dir], fixture);
}

/** The MCP SDK majors under test: SDK 1 is one package, SDK 2 splits server and client. */
const MCP_SDKS = {
  1: { '@modelcontextprotocol/sdk': '1.32.2' },
  2: { '@modelcontextprotocol/server': '2.4.0', '@modelcontextprotocol/client': '2.4.0' },
} as const;
export type McpMajor = keyof typeof MCP_SDKS;

/**
 * What a consumer project of MCP SDK `major` installs: the SDK, zod (tool
 * schemas) and TypeScript (the docs' samples), and `extra` (an agent
 * framework over MCP).
 */
export function mcpDependencies(
  major: McpMajor,
  extra: Record<string, string> = {},
): Record<string, string> {
  return { ...MCP_SDKS[major], zod: '4.6.7', typescript: '5.9.3', ...extra };
}

/** The consumer project of MCP SDK `major` alone (rampart/mcp and the docs' MCP samples). */
export function mcpFixture(major: McpMajor): string {
  return frameworkFixture(`mcp${major}`, mcpDependencies(major));
}

/** The requires of examples/mcp on MCP SDK 1, and their SDK 2 packages. */
const MCP_V2_REQUIRES: ReadonlyArray<readonly [string, string]> = [
  ['@modelcontextprotocol/sdk/server/mcp.js', '@modelcontextprotocol/server'],
  ['@modelcontextprotocol/sdk/inMemory.js', '@modelcontextprotocol/server'],
  ['@modelcontextprotocol/sdk/client/index.js', '@modelcontextprotocol/client'],
  ['@modelcontextprotocol/sdk/client/streamableHttp.js', '@modelcontextprotocol/client'],
];

/** A file of examples/mcp on MCP SDK 2: the same code, with the SDK 2 packages' requires. */
export function onMcpSdk2(source: string): string {
  const v2 = MCP_V2_REQUIRES.reduce(
    (text, [v1, v2]) => text.replaceAll(`require('${v1}')`, `require('${v2}')`),
    source,
  );
  if (v2.includes('@modelcontextprotocol/sdk'))
    throw new Error(`an MCP SDK 1 require is left after the move to SDK 2:\n${v2}`);
  return v2;
}

/** A strict tsconfig that type-checks `files` of a scenario against the fixture's installed types. */
export function typecheckConfig(...files: string[]): string {
  return JSON.stringify({
    compilerOptions: {
      strict: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    files,
  });
}

/** Files of `examples/<folder>`, by name. */
export function exampleFiles(folder: string, ...names: string[]): Record<string, string> {
  const dir = path.join(REPO_ROOT, 'examples', folder);
  return Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]));
}

/** A turn of a JSON Result, as far as the framework tests read it. */
export interface JsonTurn {
  tool_calls: Array<{ name: string; arguments: Record<string, unknown>; result?: unknown }>;
}

/** What a framework suite's Jest run must have reported (its tests are named alike in every suite). */
export interface FrameworkRunExpectations {
  /** The attacker's address the vulnerable agent emails. */
  attacker: string;
  /** Number of tests (each records one Result). */
  tests: number;
  /** `[total_runs, failed, passed, errors, undetermined]` of the report. */
  counts: readonly [number, number, number, number, number];
  /** `[test name, payload id, surface name]` of each attack the vulnerable agent falls for. */
  vulnerable: ReadonlyArray<readonly [string, string, string]>;
  /** Tests whose mitigated agent only reads the inbox (SAFE). */
  mitigated: readonly string[];
  /** `[test name, payload id, surface name]` of one mitigated attack, planted all the same. */
  plantedSafely: readonly [string, string, string];
  /** Whether the suite has `inline attachment vulnerable`: a payload attached to a request with no prompt. */
  inlineAttachment: boolean;
  /** The test whose agent throws `model offline`. */
  throwing: string;
}

/** A Result of the report by test name, and the tool calls of all its turns. */
export interface FrameworkRunResults {
  result(name: string): JsonResult & Record<string, unknown>;
  calls(name: string): JsonTurn['tool_calls'];
}

/**
 * The checks every framework suite shares: all tests passed, one report with
 * one Result per test and these counts, the vulnerable agent emailed the
 * attacker (UNSAFE, with the payload id and surface, and the planted tool
 * output is what it read), the mitigated one only read the inbox (SAFE), the
 * observability level follows the declarations, the throwing agent is an ERROR.
 */
export function checkFrameworkRun(
  scenario: Scenario,
  run: JestRun,
  expected: FrameworkRunExpectations,
): FrameworkRunResults {
  const { attacker, tests } = expected;
  expect(run.output).toMatch(new RegExp(`Tests:\\s+${tests} passed, ${tests} total`));
  expect(run.code).toBe(0);
  expect(run.output).not.toMatch(/skipped|todo/);
  expect(scenario.reportFiles()).toHaveLength(1);
  const report = readReport(scenario.reportFiles()[0] as string, 30);
  const results = new Map(
    allResults(report).map((r) => [
      String(r.metadata._jest_test_name),
      r as JsonResult & Record<string, unknown>,
    ]),
  );
  expect(results.size).toBe(tests);
  expect([
    report.total_runs,
    report.failed,
    report.passed,
    report.errors,
    report.undetermined,
  ]).toEqual(expected.counts);
  const result = (name: string) => {
    const found = results.get(name);
    if (found === undefined) throw new Error(`the report must hold a Result of test ${name}`);
    return found;
  };
  const calls = (name: string) => (result(name).turns as JsonTurn[]).flatMap((t) => t.tool_calls);
  for (const [name, id, surface] of expected.vulnerable) {
    expect(result(name).status).toBe('unsafe');
    expect(result(name).observability_level).toBe('tool_and_side_effects');
    expect(result(name).injections).toEqual([{ payload_id: id, surface_name: surface }]);
    expect(calls(name)).toContainEqual(
      expect.objectContaining({
        name: 'send_email',
        arguments: expect.objectContaining({ to: attacker }),
      }),
    );
  }
  // The planted tool output is what the agent read (in the Result's tool call).
  const [read] = calls('tool output vulnerable');
  expect(read?.name).toBe('read_inbox');
  expect(JSON.stringify(read?.result)).toContain(attacker);
  for (const name of expected.mitigated) {
    expect(result(name).status).toBe('safe');
    expect(calls(name).map((c) => c.name)).toEqual(['read_inbox']);
  }
  const [safely, id, surface] = expected.plantedSafely;
  expect(result(safely).injections).toEqual([{ payload_id: id, surface_name: surface }]);
  if (expected.inlineAttachment) {
    expect(result('inline attachment vulnerable').status).toBe('unsafe');
    expect(result('inline attachment vulnerable').turns).toEqual([
      expect.objectContaining({
        prompt: null,
        side_effects: [expect.objectContaining({ kind: 'email_sent' })],
      }),
    ]);
  }
  expect(result('observability without declared side effects').observability_level).toBe(
    'tool_only',
  );
  expect(result('observability without declared side effects').status).toBe('undetermined');
  expect(result('observability with a watcher').observability_level).toBe('tool_and_side_effects');
  expect(result(expected.throwing).status).toBe('error');
  expect(result(expected.throwing).summary).toContain('model offline');
  return { result, calls };
}

/**
 * Importing `rampart` loads no adapter and no framework, and importing
 * `rampart/<entry>` loads its adapter but none of `frameworks` (package
 * names under node_modules), though `installed` resolves in the fixture.
 */
export function expectNoFrameworkLoaded(
  node: E2eNode,
  fixture: string,
  entry: string,
  frameworks: readonly string[],
  installed: string,
): void {
  const pattern = `node_modules[\\\\/](${frameworks.join('|')})[\\\\/]`;
  const probe = `
    const loaded = (pattern) => Object.keys(require.cache).filter((f) => pattern.test(f));
    const frameworks = new RegExp(${JSON.stringify(pattern)});
    const adapters = /[\\\\/]dist[\\\\/](agent[\\\\/]adapters|adapters\\.js|${entry}\\.js)/;
    require('rampart');
    const afterRoot = { frameworks: loaded(frameworks), adapters: loaded(adapters) };
    require('rampart/${entry}');
    const after = { frameworks: loaded(frameworks), adapters: loaded(adapters).length > 0 };
    console.log(JSON.stringify({ afterRoot, after, installed: require.resolve(${JSON.stringify(installed)}) !== '' }));
  `;
  expect(JSON.parse(exec(node.bin, ['-e', probe], fixture))).toEqual({
    afterRoot: { frameworks: [], adapters: [] },
    after: { frameworks: [], adapters: true },
    installed: true,
  });
}
