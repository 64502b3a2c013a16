/**
 * The consumer's Jest, its workers and the reporter run on the Node this run
 * was asked for (RAMPART_E2E_NODE; .ci/run runs the suite on Node 20, 22 and
 * 24), in band, with worker processes and with worker threads.
 */
import { HELPERS_JS } from './support/files';
import { e2eNode } from './support/node-versions';
import { JEST_VERSIONS } from './support/paths';
import { allResults, createScenario, jestConfig } from './support/scenario';

const suite = (name: string) => `
const { harm } = require('rampart');
const { rec } = require('./helpers');
const { isMainThread } = require('node:worker_threads');
harm('jailbreak', () => {
  test('${name} reports its runtime', () =>
    rec('safe', '${name} runtime', {
      metadata: { node: process.version, main_thread: isMainThread },
    }));
});
`;

const RUNS: Array<[string, string[], Record<string, unknown>]> = [
  ['in band', ['--runInBand'], {}],
  ['2 worker processes', ['--maxWorkers=2'], {}],
  ['2 worker threads', ['--maxWorkers=2'], { workerThreads: true }],
];

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  test.each(RUNS)('%s: tests run on the chosen Node', async (name, args, extra) => {
    const expected = e2eNode().version;
    const scenario = createScenario(jest, `node-${name}`).write({
      'jest.config.js': jestConfig({ extra }),
      'helpers.js': HELPERS_JS,
      'a.test.js': suite('a'),
      'b.test.js': suite('b'),
    });
    const run = await scenario.run(args);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('  PASS  a reports its runtime -- a runtime (tool_only)');
    const results = allResults(scenario.report());
    expect(results.map((r) => [r.summary, r.metadata.node, r.metadata.main_thread]).sort()).toEqual(
      ['a', 'b'].map((file) => [`${file} runtime`, expected, name !== '2 worker threads']),
    );
  });
});
