/**
 * The reporter removes a test file's spool folder once it has read it, off
 * the main thread, and the run's folder at the end; `keepTransport` keeps
 * both (docs/reliability.md, "Isolation and privacy").
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RampartReporter } from '../../../src/jest/reporter';
import { RUN_ENV_VAR } from '../../../src/jest/transport/channel';
import { spoolDirFor } from '../../../src/jest/transport/spool-files';

let dir: string;
const savedChannel = process.env[RUN_ENV_VAR];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-spool-removal-'));
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  jest.restoreAllMocks();
  if (savedChannel === undefined) delete process.env[RUN_ENV_VAR];
  else process.env[RUN_ENV_VAR] = savedChannel;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A run of one test file that wrote no spool line, through a reporter with `options`. */
async function runOneFile(options: { keepTransport?: boolean }) {
  const reporter = new RampartReporter(
    { rootDir: dir },
    { outputDir: path.join(dir, 'out'), json: false, html: false, ...options },
  );
  const runDir = (reporter as unknown as { runDir: string }).runDir;
  const testPath = path.join(dir, 'a.test.js');
  const spool = spoolDirFor(runDir, '', testPath);
  fs.mkdirSync(spool);
  const rm = jest.spyOn(fs.promises, 'rm');
  reporter.onRunStart();
  reporter.onTestFileResult({ path: testPath }, { testResults: [] });
  // Only this run's: the sweep of abandoned runs' folders may remove others.
  const removedWhileRunning = rm.mock.calls
    .map(([target]) => String(target))
    .filter((target) => target.startsWith(runDir));
  await reporter.onRunComplete([], { numTotalTestSuites: 1, testResults: [{}] });
  return { runDir, spool, removedWhileRunning };
}

test("a test file's spool folder is removed once read, the run's folder at the end", async () => {
  const { runDir, spool, removedWhileRunning } = await runOneFile({});
  expect(removedWhileRunning).toEqual([spool]);
  expect(fs.existsSync(runDir)).toBe(false);
});

test('keepTransport keeps them', async () => {
  const { runDir, spool, removedWhileRunning } = await runOneFile({ keepTransport: true });
  expect(removedWhileRunning).toEqual([]);
  expect(fs.existsSync(spool)).toBe(true);
  fs.rmSync(runDir, { recursive: true, force: true });
});
