/**
 * Watch mode: a summary per run, and no endless re-runs caused by the report
 * file itself (Jest watches .json files).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HELPERS_JS } from './support/files';
import { e2eNode, withNodeOnPath } from './support/node-versions';
import { JEST_VERSIONS, fixtureDir } from './support/paths';
import { createScenario, jestConfig, readReport } from './support/scenario';

const SUMMARY = 'RAMPART Safety Summary';

/** Starts `jest --watchAll`; `waitFor(n)` resolves once n summaries were printed. */
function watch(dir: string, jest: 29 | 30) {
  const bin = path.join(fixtureDir(jest), 'node_modules', 'jest', 'bin', 'jest.js');
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  for (const key of Object.keys(env)) if (key.startsWith('JEST_') || key === 'CI') delete env[key];
  const child: ChildProcess = spawn(
    e2eNode().bin,
    [bin, '--watchAll', '--cacheDirectory', path.join(dir, '.cache')],
    {
      cwd: dir,
      env: withNodeOnPath(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const waitFor = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (output.split(SUMMARY).length - 1 >= count) {
          clearInterval(poll);
          resolve();
        } else if (Date.now() - started > 60_000) {
          clearInterval(poll);
          reject(new Error(`no ${count} summaries after 60 s:\n${output}`));
        }
      }, 100);
    });
  return { waitFor, output: () => output, stop: () => child.kill('SIGKILL') };
}

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  test.each([
    ['not ignored: the report is skipped with a warning', {}, 0],
    [
      'ignored by watchPathIgnorePatterns: one report per run',
      { watchPathIgnorePatterns: ['<rootDir>/\\.rampart/'] },
      2,
    ],
  ])('report directory %s', async (_name, extra, expectedReports) => {
    const scenario = createScenario(jest, 'watch').write({
      'jest.config.js': jestConfig({ extra }),
      'helpers.js': HELPERS_JS,
      'watched.test.js':
        "const { rec } = require('./helpers');\ntest('watched', () => rec('safe', 'run'));\n",
    });
    const session = watch(scenario.dir, jest);
    try {
      await session.waitFor(1);
      fs.appendFileSync(path.join(scenario.dir, 'watched.test.js'), '// edited\n');
      await session.waitFor(2);
    } finally {
      session.stop();
    }
    expect(scenario.reportFiles()).toHaveLength(expectedReports);
    for (const file of scenario.reportFiles()) expect(readReport(file, jest).total_runs).toBe(1);
    const warned = session.output().includes('The JSON report is not written in watch mode');
    expect(warned).toBe(expectedReports === 0);
  });
});
