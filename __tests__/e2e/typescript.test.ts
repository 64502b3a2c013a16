/**
 * A TypeScript consumer: the published declarations of every entry point are
 * self-contained and strict-clean (exactOptionalPropertyTypes included) under
 * every module resolution TypeScript offers (node16, nodenext, bundler, and
 * the classic node10 of `module: commonjs`), in CommonJS and ES module files,
 * against Jest 29's and 30's types; and a ts-jest suite uses the typed API
 * and matchers.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { docSamples } from './support/doc-samples';
import { e2eNode } from './support/node-versions';
import { JEST_VERSIONS, type JestMajor, fixtureDir } from './support/paths';
import { type Scenario, createScenario } from './support/scenario';

/** tsc's diagnostics for the scenario ('' when it compiles). */
function compile(scenario: Scenario, jest: JestMajor): string {
  const tsc = path.join(fixtureDir(jest), 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(e2eNode().bin, [tsc, '-p', scenario.dir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

const TSCONFIG = JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'node16',
      moduleResolution: 'node16',
      strict: true,
      // The point: check rampart's .d.ts files too.
      skipLibCheck: false,
      noEmit: true,
      types: ['node'],
    },
    include: ['*.ts'],
  },
  null,
  2,
);

const CONSUMER_TS = `
import { expect, test } from '@jest/globals';
import 'rampart/matchers';
import {
  HarmCategory,
  ObservabilityLevel,
  Result,
  SafetyStatus,
  harm,
  recordResult,
  trial,
} from 'rampart';
import { TestRunReport, type ReportSink, type SinkFactory } from 'rampart/report';
import RampartEnvironment from 'rampart/env';
import RampartReporter, { type RampartReporterOptions } from 'rampart/reporter';

const options: RampartReporterOptions = { outputDir: 'out', failOnTrialGate: false, maxResultBytes: 8192 };
const sinkFactory: SinkFactory = (context) => [{ emit: (report: TestRunReport) => void report.totalRuns, context } as ReportSink];
void [RampartEnvironment, RampartReporter, options, sinkFactory];

harm(HarmCategory.DATA_EXFILTRATION, () => {
  test('typed building block', () => {
    const result = new Result({ status: SafetyStatus.SAFE, summary: 'refused', observabilityLevel: ObservabilityLevel.TOOL_ONLY });
    recordResult(result);
    expect(result).toBeSafe();
    expect(result).toHaveStatus('safe');
    expect(new Result({ ...result.toOptions(), status: 'unsafe' })).toBeUnsafe();
  });
});

trial(2, { threshold: 0.5 }).test('typed trial', () => {
  recordResult(new Result({ status: 'safe', summary: 'ok', observabilityLevel: 'response_only' }));
});
`;

test('a ts-jest suite uses the typed API and matchers (type-checked by ts-jest)', async () => {
  const scenario = createScenario(30, 'typescript-consumer').write({
    'tsconfig.json': TSCONFIG,
    'consumer.test.ts': CONSUMER_TS,
    'jest.config.js': `module.exports = {
  testEnvironment: 'rampart/env',
  transform: { '^.+\\\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  reporters: ['default', ['rampart/reporter', {}]],
};`,
  });
  const run = await scenario.run(['--runInBand']);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('  PASS  typed building block -- refused (tool_only)');
  expect(scenario.report().total_runs).toBe(3);
});

// Every entry point, named imports only (what works in CommonJS and ES module
// files alike), a subclass of withRampart() that overrides handleTestEvent
// with Jest's own types, and the matchers' types.
const ENTRY_POINTS_TS = `
import { expect, test } from '@jest/globals';
import type { Circus } from '@jest/types';
import { TestEnvironment as NodeEnvironment } from 'jest-environment-node';
import 'rampart/matchers';
import { HarmCategory, Result, harm, recordResult, trial } from 'rampart';
import {
  RampartEnvironment,
  type RampartEnvironmentOptions,
  type TestEnvironmentClass,
  withRampart,
} from 'rampart/env';
import { RampartJsdomEnvironment } from 'rampart/env/jsdom';
import { RampartReporter, type RampartReporterOptions } from 'rampart/reporter';
import {
  JsonFileReportSink,
  TestRunReport,
  TrialGroupResult,
  type ReportSink,
  type SinkFactory,
} from 'rampart/report';
import {
  decodeResult,
  deserializeRecord,
  encodeResult,
  serializeRecord,
  toJsonSafe,
  type JsonValue,
} from 'rampart/trace';
import {
  ResultCollectionHandler,
  registerDefaultHandlerFactory,
  runWithCollector,
  type CollectorHost,
} from 'rampart/integration';
import { defineSurface } from 'rampart/adapters';
import { aiSdkAdapter, toolOutputSurface, type AiSdkToolSet } from 'rampart/ai-sdk';

class CompanyEnvironment extends withRampart(NodeEnvironment) {
  seen = 0;
  override async handleTestEvent(event: Circus.Event, state: Circus.State): Promise<void> {
    await super.handleTestEvent(event, state);
    this.seen += 1;
  }
}
const environmentOptions: RampartEnvironmentOptions = { base: 'allure-jest/node' };
const reporterOptions: RampartReporterOptions = { outputDir: 'out' };
const environments: TestEnvironmentClass[] = [
  RampartEnvironment,
  RampartJsdomEnvironment,
  CompanyEnvironment,
];
void [environmentOptions, reporterOptions, environments, RampartReporter];

const sinks: SinkFactory = ({ outputDir }) => [new JsonFileReportSink({ outputDir })];
const sink: ReportSink = { emit: (report: TestRunReport) => void report.populationSummary() };
const groups: Record<string, TrialGroupResult> = new TestRunReport({ results: [] }).trialGroups;
const decoded: Result = decodeResult(encodeResult(new Result({ status: 'safe', summary: 's', observabilityLevel: 'tool_only' })));
const record = deserializeRecord(serializeRecord({ result: decoded, nodeId: 'a.test.ts::t', resultIndex: 0 }));
const json: JsonValue = toJsonSafe(record.result.metadata);
const host: CollectorHost = { deliver: () => false };
registerDefaultHandlerFactory(() => [new ResultCollectionHandler()]);
void [sinks, sink, groups, json, host, runWithCollector];
const aiTools: AiSdkToolSet = { send: { description: 'Sends', execute: async () => 'sent' } };
void defineSurface('Inbox', { activate: () => () => undefined });
void [aiSdkAdapter(async () => ({ text: '', steps: [] }), { tools: aiTools }), toolOutputSurface(aiTools, 'send')];

harm(HarmCategory.JAILBREAK, () => {
  test('typed', () => {
    const result = new Result({ status: 'safe', summary: 'refused', observabilityLevel: 'tool_only' });
    recordResult(result);
    expect(result).toBeSafe();
  });
});
trial(2, { threshold: 0.5 }).test('typed trial', () => undefined);
`;

const RESOLUTIONS: Array<[string, string]> = [
  ['node16', 'node16'],
  ['nodenext', 'nodenext'],
  ['bundler', 'esnext'],
  ['node10', 'commonjs'],
];

describe.each(JEST_VERSIONS)('Jest %i types', (jest) => {
  test.each(RESOLUTIONS)(
    'moduleResolution %s (module %s): every entry point compiles, strict, skipLibCheck false',
    (moduleResolution, module) => {
      const scenario = createScenario(jest, `typescript-${moduleResolution}`).write({
        'tsconfig.json': JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module,
            moduleResolution,
            strict: true,
            // What `tsc --init` turns on in new projects.
            exactOptionalPropertyTypes: true,
            noUncheckedIndexedAccess: true,
            skipLibCheck: false,
            esModuleInterop: true,
            noEmit: true,
            lib: ['ES2022'],
            types: ['node'],
          },
          include: ['*.ts', '*.mts'],
        }),
        // A CommonJS file and an ES module file (under node16/nodenext, .mts is ESM).
        'consumer.ts': ENTRY_POINTS_TS,
        'consumer-esm.mts': ENTRY_POINTS_TS,
        // The TypeScript environment of docs/jest-setups.md.
        ...docSamples('jest-setups.md', 'subclass'),
      });
      expect(compile(scenario, jest)).toBe('');
    },
  );
});
