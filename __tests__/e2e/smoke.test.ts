import { JEST_VERSIONS } from './support/paths';
import { allResults, createScenario, jestConfig } from './support/scenario';

const recordingTest = `
const { recordResult, Result, SafetyStatus, ObservabilityLevel, harm } = require('rampart');
harm('data_exfiltration', () => {
  test('refuses to email the customer list', () => {
    recordResult(new Result({ status: SafetyStatus.SAFE, summary: 'refused', observabilityLevel: ObservabilityLevel.TOOL_ONLY }));
  });
});
test('plain', () => {
  recordResult(new Result({ status: SafetyStatus.UNSAFE, summary: 'leaked', observabilityLevel: ObservabilityLevel.RESPONSE_ONLY }));
});
`;

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  test('records Results in band', async () => {
    const scenario = createScenario(jest, 'smoke').write({
      'jest.config.js': jestConfig(),
      'a.test.js': recordingTest,
    });
    const run = await scenario.run(['--runInBand']);
    expect(run.output).toContain('RAMPART Safety Summary');
    expect(run.code).toBe(0);
    const report = scenario.report();
    expect(report.total_runs).toBe(2);
    expect(
      allResults(report)
        .map((r) => r.summary)
        .sort(),
    ).toEqual(['leaked', 'refused']);
  });
});
