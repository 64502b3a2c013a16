/**
 * `rampart/reporter` (src/reporter.ts) loads the outputs a run may not use
 * (the JSON and HTML writers, JUnit, SARIF, GitHub Actions, the baseline's
 * reader and text) when a run uses them: the parent of every Jest run loads
 * the reporter (docs/architecture.md, "Layers loaded on first use").
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../../src');

/** The modules loaded on first use, under src/. */
const ON_FIRST_USE = [
  'report/json-file-sink',
  'report/html-file-sink',
  'report/html-report',
  'report/ci-file-sinks',
  'report/github-actions-sink',
  'report/report-reader',
  'report/comparison-text',
];

type Reporter = {
  onRunStart(): void;
  onRunComplete(
    contexts: [],
    aggregated: { numTotalTestSuites: number; testResults: [] },
  ): Promise<void>;
  getLastError(): Error | undefined;
};
type ReporterClass = new (config: { rootDir: string }, options: object) => Reporter;

/**
 * A fresh `rampart/reporter` in a fresh module registry (what it loads later
 * goes there too), each module of ON_FIRST_USE recording its loading.
 */
function freshReporter(): { RampartReporter: ReporterClass; loaded: string[] } {
  const loaded: string[] = [];
  jest.resetModules();
  for (const name of ON_FIRST_USE) {
    const file = path.join(SRC, name);
    jest.doMock(file, () => {
      loaded.push(name);
      return jest.requireActual<object>(file);
    });
  }
  const entry = jest.requireActual<{ RampartReporter: ReporterClass }>(path.join(SRC, 'reporter'));
  return { RampartReporter: entry.RampartReporter, loaded };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-reporter-entry-'));
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  jest.restoreAllMocks();
  jest.resetModules();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs an empty Jest run through a fresh reporter with `options`; the modules it loaded. */
async function run(options: object): Promise<string[]> {
  const { RampartReporter, loaded } = freshReporter();
  expect(loaded).toEqual([]);
  const reporter = new RampartReporter(
    { rootDir: dir },
    { outputDir: path.join(dir, 'out'), ...options },
  );
  reporter.onRunStart();
  await reporter.onRunComplete([], { numTotalTestSuites: 0, testResults: [] });
  return loaded;
}

test('requiring rampart/reporter loads no output', () => {
  expect(freshReporter().loaded).toEqual([]);
});

test('a run loads the outputs it writes, and only those', async () => {
  expect(await run({ json: false, html: false })).toEqual([]);
  // The CI files are written as the JSON report is.
  expect((await run({ json: false, html: false, junit: true })).sort()).toEqual([
    'report/ci-file-sinks',
    'report/json-file-sink',
  ]);
  // The page's baseline section shares its limits with the summary's text.
  expect((await run({})).sort()).toEqual([
    'report/comparison-text',
    'report/html-file-sink',
    'report/html-report',
    'report/json-file-sink',
  ]);
  expect(
    fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.junit.xml')),
  ).toHaveLength(1);
});
