/**
 * A TypeScript consumer: the published declarations are self-contained and
 * strict-clean, and a ts-jest suite uses the typed API and matchers.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { fixtureDir } from './support/paths';
import { createScenario } from './support/scenario';

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
  TestRunReport,
  harm,
  recordResult,
  trial,
  type ReportSink,
  type SinkFactory,
} from 'rampart';
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

test('the published types compile under strict TypeScript, and a ts-jest suite runs', async () => {
  const scenario = createScenario(30, 'typescript-consumer').write({
    'tsconfig.json': TSCONFIG,
    'consumer.test.ts': CONSUMER_TS,
    'jest.config.js': `module.exports = {
  testEnvironment: 'rampart/env',
  transform: { '^.+\\\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  reporters: ['default', ['rampart/reporter', {}]],
};`,
  });
  const tsc = path.join(fixtureDir(30), 'node_modules', 'typescript', 'bin', 'tsc');
  let diagnostics = '';
  try {
    execFileSync(process.execPath, [tsc, '-p', scenario.dir], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    diagnostics = String((error as { stdout?: string }).stdout ?? error);
  }
  expect(diagnostics).toBe('');
  const run = await scenario.run(['--runInBand']);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('  PASS  typed building block -- refused (tool_only)');
  expect(scenario.report().total_runs).toBe(3);
});
