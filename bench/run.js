#!/usr/bin/env node
// `npm run bench`: rampart's cost over plain Jest, and how it scales.
// Generates the suites of bench/suites.js under bench/.work/, runs each one
// with plain Jest and with rampart (the 2,000-test suite also with its bare and
// floor configs), alternating, prints medians with min-max
// and writes bench/results.json. See bench/README.md.
//
//   node bench/run.js [--pairs=7] [--large-pairs=3] [--only=id,id] [--ref=HEAD] [--quick] [--keep]
//
// --ref measures src/ of a git commit instead of the working tree.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { buildSnapshot } = require('./package-snapshot');
const { setTimeout: sleep } = require('node:timers/promises');
const { runJest, machineBusySeconds, ROOT } = require('./measure');
const { SUITES, writeSuite, resultsOf } = require('./suites');
const { spread } = require('./stats');
const { renderTables, evaluateTargets } = require('./report-table');
const { measureEndpoint, describe: describeEndpoint } = require('./endpoint');
const { measureHtmlPage } = require('./html-page');

const WORK_DIR = path.join(__dirname, '.work');
const RESULTS_FILE = path.join(__dirname, 'results.json');

/**
 * What is measured, in the order it runs. `pairs` picks the repetition
 * setting; `references` adds configs run in the same rounds (bench/suites.js):
 * `bare` without rampart imported, `floor` the least work with rampart's guarantees.
 */
const REFERENCES = ['bare', 'floor'];
const SCENARIOS = [
  {
    id: 'tests-2000-in-band',
    suite: 'tests-2000',
    workers: 1,
    pairs: 'pairs',
    references: REFERENCES,
  },
  {
    id: 'tests-2000-2-workers',
    suite: 'tests-2000',
    workers: 2,
    pairs: 'pairs',
    references: REFERENCES,
  },
  { id: 'transcript-10mb', suite: 'transcript-10mb', workers: 1, pairs: 'largePairs' },
  { id: 'one-test-100k', suite: 'one-test-100k', workers: 1, pairs: 'largePairs' },
  { id: 'spread-10k', suite: 'spread-10k', workers: 2, pairs: 'largePairs' },
  { id: 'spread-100k', suite: 'spread-100k', workers: 2, pairs: 'largePairs' },
  { id: 'spread-500k', suite: 'spread-500k', workers: 2, pairs: 'largePairs', reportMayFail: true },
  {
    id: 'spread-1000k',
    suite: 'spread-1000k',
    workers: 2,
    pairs: 'largePairs',
    reportMayFail: true,
  },
  // Not a Jest run: the page of a 100,000-Result report, opened in Chromium (bench/html-page.js).
  { id: 'html-100k', html: 100_000, pairs: 'largePairs' },
  // Not a Jest run: the environment's and the spool's cost per test (bench/per-test.js).
  { id: 'per-test', perTest: true, pairs: 'pairs' },
];

const PER_TEST_FILE = path.join(__dirname, 'per-test.js');

/**
 * The `per-test` scenario: bench/per-test.js measures handleTestEvent +
 * writeTest per test against the measured build; without that file the
 * scenario says so and the target reads "not measured".
 */
async function measurePerTestScenario(rounds) {
  const base = { id: 'per-test', label: 'Environment and spool cost per test', rejected: [] };
  if (!fs.existsSync(PER_TEST_FILE)) {
    log('[per-test] bench/per-test.js is absent: per-test cost not measured');
    return { ...base, skipped: 'bench/per-test.js is absent' };
  }
  log(`[per-test] handleTestEvent + writeTest per test, ${rounds} rounds ...`);
  const { measurePerTest } = require(PER_TEST_FILE);
  return { ...base, ...(await measurePerTest({ buildDir: WORK_DIR, rounds })) };
}

function parseArgs(argv) {
  const options = { pairs: 7, largePairs: 3, only: null, keep: false, ref: null };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=');
    if (key === 'pairs') options.pairs = Number(value);
    else if (key === 'large-pairs') options.largePairs = Number(value);
    else if (key === 'only') options.only = value.split(',');
    else if (key === 'keep') options.keep = true;
    else if (key === 'ref') options.ref = value;
    else if (key === 'quick') Object.assign(options, { pairs: 2, largePairs: 1 });
    else throw new Error(`unknown option ${arg}; see the header of bench/run.js`);
  }
  if (!(options.pairs >= 1 && options.largePairs >= 1)) throw new Error('pairs must be >= 1');
  return options;
}

const log = (line) => process.stderr.write(`${line}\n`);

/**
 * Waits (at most `maxSeconds`) until other processes use less than a quarter
 * of a core, so a round does not start while someone else's tests run.
 */
async function waitForQuiet(maxSeconds = 60) {
  const started = Date.now();
  for (;;) {
    const before = machineBusySeconds();
    await sleep(1000);
    const busy = machineBusySeconds() - before;
    if (!(busy >= 0.25)) return;
    if (Date.now() - started > maxSeconds * 1000) {
      log(`  (machine still busy: ${busy.toFixed(2)} cores in use by others; measuring anyway)`);
      return;
    }
  }
}

/** Why a run cannot be used, or null. */
function problemOf(run, scenario) {
  if (run.code !== 0) return `Jest exited with ${run.code}`;
  if (!run.reporter) return 'no reporter probe (Jest did not complete the run)';
  if (run.workers > 1 && run.workerProcesses.length !== run.workers)
    return `expected ${run.workers} test workers, saw ${run.workerProcesses.length}`;
  // The floor's report (bench/floor/reporter.js) counts its Results the same way.
  if (run.mode === 'rampart' || run.mode === 'floor') {
    const expected = resultsOf(scenario.suite);
    // A report too large to write is a finding of the scaling series, not noise.
    if (!run.report) return scenario.reportMayFail ? null : 'no JSON report written';
    if (run.report.incomplete) return 'report marked incomplete';
    if (run.report.totalRuns !== expected)
      return `report has ${run.report.totalRuns} Results, expected ${expected}`;
    if (run.mode === 'rampart' && run.workers > 1 && run.report.workerCount !== run.workers)
      return `report says ${run.report.workerCount} workers`;
  }
  return null;
}

const secs = (ms) => (ms === null || ms === undefined ? null : ms / 1000);
const cpuOf = (run) =>
  run.parentCpuSeconds + run.workerProcesses.reduce((sum, w) => sum + w.cpuSeconds, 0);
const maxOf = (values) => (values.length > 0 ? Math.max(...values) : null);

function summarize(pairs) {
  const pick = (mode, get) => spread(pairs.map((p) => get(p[mode])));
  const bare = pairs.every((p) => p.bare)
    ? {
        bareWallS: pick('bare', (r) => secs(r.wallMs)),
        // What importing rampart (to build Results) costs, before any collection.
        importRatio: spread(pairs.map((p) => p.plain.wallMs / p.bare.wallMs)),
        rampartToBareRatio: spread(pairs.map((p) => p.rampart.wallMs / p.bare.wallMs)),
      }
    : {};
  const floor = pairs.every((p) => p.floor)
    ? {
        floorWallS: pick('floor', (r) => secs(r.wallMs)),
        floorCpuS: pick('floor', cpuOf),
        // Inside the floor's reporter, bracketed by the probes as rampart's is.
        floorReporterTotalS: pick('floor', (r) => secs(r.reporter.totalMs)),
        // What any implementation with rampart's guarantees adds to plain Jest ...
        floorToPlainRatio: spread(pairs.map((p) => p.floor.wallMs / p.plain.wallMs)),
        // ... and what rampart adds above that floor.
        rampartToFloorRatio: spread(pairs.map((p) => p.rampart.wallMs / p.floor.wallMs)),
      }
    : {};
  return {
    ...bare,
    ...floor,
    plainWallS: pick('plain', (r) => secs(r.wallMs)),
    rampartWallS: pick('rampart', (r) => secs(r.wallMs)),
    ratio: spread(pairs.map((p) => p.rampart.wallMs / p.plain.wallMs)),
    cpuRatio: spread(pairs.map((p) => cpuOf(p.rampart) / cpuOf(p.plain))),
    foreignCpuS: spread(pairs.flatMap((p) => Object.values(p).map((r) => r.foreignCpuSeconds))),
    overheadS: spread(pairs.map((p) => secs(p.rampart.wallMs - p.plain.wallMs))),
    // CPU of the parent and the test workers: less noisy than wall time.
    plainCpuS: pick('plain', cpuOf),
    rampartCpuS: pick('rampart', cpuOf),
    addedCpuS: spread(pairs.map((p) => cpuOf(p.rampart) - cpuOf(p.plain))),
    reporterTotalS: pick('rampart', (r) => secs(r.reporter.totalMs)),
    reporterAfterLastTestS: pick('rampart', (r) => secs(r.reporter.afterLastTestMs)),
    lastResultToExitS: pick('rampart', (r) => secs(r.reporter.lastResultToExitMs)),
    plainParentRssMiB: pick('plain', (r) => r.parentPeakRssMiB),
    rampartParentRssMiB: pick('rampart', (r) => r.parentPeakRssMiB),
    plainWorkerRssMiB: pick('plain', (r) => maxOf(r.workerProcesses.map((w) => w.peakRssMiB))),
    rampartWorkerRssMiB: pick('rampart', (r) => maxOf(r.workerProcesses.map((w) => w.peakRssMiB))),
    reportMB: pick('rampart', (r) => (r.report ? r.report.bytes / 1e6 : null)),
    reportsNotWritten: pairs.filter((p) => !p.rampart.report).length,
    rampartWarnings: [...new Set(pairs.flatMap((p) => p.rampart.rampartWarnings))],
    testWorkers: pick('rampart', (r) => (r.workers > 1 ? r.workerProcesses.length : null)),
  };
}

// A round is noisy when, during one of its runs, other processes used more
// than this many cores on average (the machine is shared).
const NOISY_CORES = 0.25;

const noiseOf = (round) =>
  Math.max(...Object.values(round).map((r) => (r.foreignCpuSeconds ?? 0) / (r.wallMs / 1000)));

async function measureScenario(scenario, options) {
  const target = options[scenario.pairs];
  const suiteDir = writeSuite(WORK_DIR, scenario.suite);
  const clean = [];
  const noisy = [];
  const rejected = [];
  const layout = scenario.workers === 1 ? 'in band' : `${scenario.workers} workers`;
  const modes = ['plain', 'rampart', ...(scenario.references ?? [])];
  for (let attempt = 0; clean.length < target && attempt < target * 3; attempt += 1) {
    // Rotate which mode goes first, so drift of the machine hits all alike.
    const order = modes.map((_, i) => modes[(i + attempt) % modes.length]);
    await waitForQuiet();
    const round = {};
    for (const mode of order) {
      round[mode] = await runJest({
        suiteDir,
        mode,
        workers: scenario.workers,
        workDir: WORK_DIR,
        keep: options.keep,
      });
    }
    const problems = order
      .map((mode) => [mode, problemOf(round[mode], scenario)])
      .filter(([, problem]) => problem !== null);
    const times = order.map((m) => `${m} ${(round[m].wallMs / 1000).toFixed(2)} s`).join(', ');
    const line = `[${scenario.id}, ${layout}] ${clean.length + 1}/${target}: ${times}`;
    if (problems.length > 0) {
      const why = problems.map(([mode, problem]) => `${mode}: ${problem}`).join('; ');
      const logs = order.map((m) => round[m].logDir).join(', ');
      log(`${line} -- discarded (${why}); logs kept in ${logs}`);
      rejected.push({ why, ...round });
      continue;
    }
    for (const mode of order) {
      if (!options.keep) fs.rmSync(round[mode].logDir, { recursive: true, force: true });
      delete round[mode].logDir;
    }
    const noise = noiseOf(round);
    const ratio = (round.rampart.wallMs / round.plain.wallMs).toFixed(3);
    if (noise > NOISY_CORES) {
      log(`${line}, ratio ${ratio} -- noisy (others used ${noise.toFixed(2)} cores), retrying`);
      noisy.push(round);
    } else {
      log(`${line}, ratio ${ratio}`);
      clean.push(round);
    }
  }
  // Too few quiet rounds: fill up with the least noisy ones, and say so.
  const filled = noisy.sort((a, b) => noiseOf(a) - noiseOf(b)).slice(0, target - clean.length);
  const rounds = [...clean, ...filled];
  return {
    id: scenario.id,
    label: SUITES[scenario.suite].label,
    suite: scenario.suite,
    layout,
    workers: scenario.workers,
    results: resultsOf(scenario.suite),
    noisyRoundsUsed: filled.length,
    summary: rounds.length > 0 ? summarize(rounds) : null,
    rounds,
    noisyRoundsDropped: noisy.length - filled.length,
    rejected,
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  fs.mkdirSync(WORK_DIR, { recursive: true });
  fs.rmSync(path.join(WORK_DIR, 'runs'), { recursive: true, force: true });
  log('Building the measured copy of rampart from src/ (bench/.work/node_modules/rampart) ...');
  const build = buildSnapshot(WORK_DIR, { ref: options.ref });
  if (build.tscErrors) log(`tsc reported errors (output still emitted):\n${build.tscErrors}`);
  const jestVersion = require(path.join(ROOT, 'node_modules', 'jest', 'package.json')).version;
  const output = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGiB: os.totalmem() / 2 ** 30,
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      jest: jestVersion,
    },
    measured: build,
    settings: { pairs: options.pairs, largePairs: options.largePairs },
    notes: [
      'Medians with min-max over alternating plain/rampart(/bare/floor) runs; the 2-core machine is shared and noisy.',
      'plain = same tests, rampart imported to build the Results, recordResult replaced by a no-op; bare = look-alike objects, rampart not imported.',
      "floor = same tests recording through bench/floor/: one spool write per test, the parent decodes every line and writes a JSON report and an HTML page (the least work with rampart's guarantees).",
      'Wall time is spawn to exit of `node jest.js`; every run gets a fresh --cacheDirectory.',
      'Reporter time is measured by probe reporters placed right before and after rampart/reporter.',
      'Peak RSS is getrusage ru_maxrss of each process, written at exit by a --require preload.',
    ],
    scenarios: {},
  };
  const scenarios = SCENARIOS.filter((s) => !options.only || options.only.includes(s.id));
  for (const scenario of scenarios) {
    if (scenario.perTest)
      output.scenarios[scenario.id] = await measurePerTestScenario(options[scenario.pairs]);
    else if (scenario.html)
      output.scenarios[scenario.id] = await measureHtmlPage({
        workDir: WORK_DIR,
        count: scenario.html,
        rounds: options[scenario.pairs],
        log,
      });
    else output.scenarios[scenario.id] = await measureScenario(scenario, options);
    fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(output, null, 2)}\n`);
  }
  if (!options.only || options.only.includes('endpoint-xpia')) {
    log('[endpoint-xpia] 1,000 XPIA executions judged through a rate-limited fake endpoint ...');
    output.endpoint = await measureEndpoint(WORK_DIR);
    log(describeEndpoint(output.endpoint));
  }
  output.targets = evaluateTargets(output.scenarios);
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(output, null, 2)}\n`);
  process.stdout.write(`${renderTables(output)}\n`);
  log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exitCode = 1;
});
