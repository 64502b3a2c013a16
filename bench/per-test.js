// What the environment costs per test: the measured build's `rampart/env`
// driven directly (no Jest run) with the circus events one test goes through,
// in a real spool folder, as jest-circus 30 dispatches them. Each test file
// gets a fresh environment instance and its own sandbox, in which the
// `rampart` package is loaded (a small CommonJS loader standing in for
// jest-runtime) and the file's tests are defined by a stand-in of circus's
// `describe`/`test`, so the `asyncError` of each test is created where
// circus creates it, in the sandbox, with the test file's frames on its stack.
// Jest's own source-map-aware stack formatter is installed as jest-runner
// installs it, and Error.stackTraceLimit is 100 as there.
//
// Per test it times: add_test (at definition), test_start, test_started,
// test_fn_start, the test body (three recordResult calls of prebuilt Results,
// inside the environment's attribution wrapper), test_fn_success and
// test_done (which writes the test's spool line); `writeTest` is also timed
// alone, inside test_done. The Results are built before the clock runs: that
// is the test's own work, paid in plain Jest too. The total is the sum of
// these parts, less the cost of reading the clock. Per file (shown apart):
// constructor, setup, teardown, against jest-environment-node alone.
//
// What it cannot see: Jest's own work per test (circus's state handler, the
// test-case reporter messages, expect), the test file's transform and module
// loading, worker scheduling, and the reporter in the parent process.
//
// usPerTest is the median over rounds of each round's mean per test (GC and
// slow writes included); usPerTestTypical, of each round's median test
// (robust when other processes take the CPU). `floor` gives the same two for
// rounds, alternating with rampart's, in which the test's Results are only
// stringified and written with one write at test_done: the least any
// collector with rampart's guarantee does per test.
//
//   node bench/per-test.js [--rounds=20] [--files=40] [--tests=50] [--build=<dir>] [--no-build]
//                          [--control] [--show-line] [--instructions]   (bench/README.md)
//
// exports measurePerTest({ buildDir, rounds }) for bench/run.js.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const { builtinModules } = require('node:module');
const { spread } = require('./stats');

const ROOT = path.resolve(__dirname, '..');
const RESULTS_PER_TEST = 3;
/** Where the stand-in of circus says it lives: frames there are "installed", as circus's are. */
const CIRCUS_FILE = require.resolve('jest-circus', { paths: [ROOT] });

// ------------------------------------------------------------- the sandbox

/**
 * A CommonJS loader inside `context`: what jest-runtime does for a test
 * file's `require('rampart')` (a registry per file, modules compiled in the
 * sandbox, Node's builtins shared).
 */
function sandboxRequire(context, from) {
  const cache = new Map();
  function load(file) {
    const known = cache.get(file);
    if (known) return known.exports;
    const module = { exports: {} };
    cache.set(file, module);
    const source = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      module.exports = JSON.parse(source);
      return module.exports;
    }
    const fn = vm.compileFunction(
      source,
      ['exports', 'require', 'module', '__filename', '__dirname'],
      { parsingContext: context, filename: file },
    );
    fn.call(
      module.exports,
      module.exports,
      requireFrom(path.dirname(file)),
      module,
      file,
      path.dirname(file),
    );
    return module.exports;
  }
  function requireFrom(dir) {
    return (specifier) => {
      const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
      if (builtinModules.includes(bare)) return require(specifier);
      return load(require.resolve(specifier, { paths: [dir] }));
    };
  }
  return requireFrom(from);
}

/**
 * circus's `describe` and `test` as far as the environment sees them: the
 * test entry (jest-circus makeTest), its `asyncError` captured at the
 * `test()` call, pushed to the current block, then `add_test` dispatched
 * synchronously. Compiled in the sandbox under circus's file name.
 */
const CIRCUS_STAND_IN = `
const state = { rootDescribeBlock: null, currentDescribeBlock: null, currentlyRunningTest: null, testTimeout: 5000, hasFocusedTests: false, unhandledErrors: [] };
const root = { type: 'describeBlock', name: 'ROOT_DESCRIBE_BLOCK', mode: undefined, children: [], hooks: [], tests: [] };
state.rootDescribeBlock = root;
state.currentDescribeBlock = root;
function _dispatchDescribe(blockFn, blockName, describeFn) {
  const asyncError = new Error();
  Error.captureStackTrace(asyncError, describeFn);
  const parent = state.currentDescribeBlock;
  const block = { type: 'describeBlock', name: blockName, mode: undefined, children: [], hooks: [], parent, tests: [] };
  parent.children.push(block);
  state.currentDescribeBlock = block;
  dispatchSync({ name: 'start_describe_definition', blockName, mode: undefined, asyncError }, state);
  blockFn();
  dispatchSync({ name: 'finish_describe_definition', blockName, mode: undefined }, state);
  state.currentDescribeBlock = parent;
}
function describe(blockName, blockFn) {
  return _dispatchDescribe(blockFn, blockName, describe);
}
function _addTest(testName, fn, testFn) {
  const asyncError = new Error();
  Error.captureStackTrace(asyncError, testFn);
  const parent = state.currentDescribeBlock;
  const test = { type: 'test', asyncError, concurrent: false, duration: null, errors: [], failing: false, fn, invocations: 0, mode: undefined, name: testName, numPassingAsserts: 0, parent, retryReasons: [], seenDone: false, startedAt: null, status: null, timeout: undefined, unhandledRejectionErrorByPromise: new Map() };
  parent.children.push(test);
  parent.tests.push(test);
  dispatchSync({ name: 'add_test', testName, fn, mode: undefined, concurrent: false, timeout: undefined, failing: false, asyncError }, state);
}
function test(testName, fn) {
  return _addTest(testName, fn, test);
}
({ describe, test, state });
`;

/** The test file of the bench's 2,000-test suite, recording prebuilt Results. */
function testFileSource(fileIndex, tests) {
  return `describe('bench file ${fileIndex}', () => {
  for (let t = 0; t < ${tests}; t += 1) {
    const results = prebuilt(t);
    test(\`case \${t}\`, () => {
      for (const result of results) recordResult(result);
    });
  }
});
`;
}

const RESULT_SOURCE = `(rampart, fileIndex) => (testIndex) => {
  const { ObservabilityLevel, Result, SafetyStatus } = rampart;
  const STATUSES = [SafetyStatus.SAFE, SafetyStatus.SAFE, SafetyStatus.SAFE, SafetyStatus.UNSAFE];
  const CATEGORIES = ['prompt_injection', 'data_exfiltration', 'jailbreak'];
  const results = [];
  for (let i = 0; i < ${RESULTS_PER_TEST}; i += 1)
    results.push(new Result({
      status: STATUSES[(testIndex + i) % STATUSES.length],
      summary: \`probe \${i} of case \${testIndex}: the agent refused the injected instruction\`,
      observabilityLevel: ObservabilityLevel.RESPONSE_ONLY,
      harmCategory: CATEGORIES[i % CATEGORIES.length],
      strategy: 'bench',
      durationSeconds: 0.01,
      turns: [],
      metadata: { probe: i, file: fileIndex },
    }));
  return results;
}`;

// ------------------------------------------------------------- the clock

const now = () => process.hrtime.bigint();

/** Nanoseconds one `now()` pair costs (median), taken off every timed part. */
function clockCost() {
  const samples = [];
  for (let i = 0; i < 20000; i += 1) {
    const t0 = now();
    samples.push(Number(now() - t0));
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

// ------------------------------------------------------------- one round

function environmentConfig(rootDir, index) {
  return {
    projectConfig: {
      id: 'bench-per-test',
      rootDir,
      displayName: undefined,
      testEnvironmentOptions: {},
      globals: {},
      fakeTimers: {},
      setupFiles: [],
      setupFilesAfterEnv: [],
      testPath: undefined,
      index,
    },
    globalConfig: { rootDir, collectTests: false, maxWorkers: 1 },
  };
}

const EVENT_PARTS = ['test_start', 'test_started', 'test_fn_start', 'test_fn_success', 'test_done'];
const PARTS = [
  'add_test',
  ...EVENT_PARTS.slice(0, 3),
  'body (3 recordResult)',
  ...EVENT_PARTS.slice(3),
];

/**
 * Runs `files` test files of `tests` tests each; returns ns per part (per
 * test), ns of writeTest alone, and µs per file for the per-file steps.
 */
async function runRound({
  Environment,
  BaseEnvironment,
  rampartDir,
  suiteDir,
  files,
  tests,
  clock,
  timers,
  control,
  floor,
}) {
  // ns per test and part; the test's index is file * tests + its place in the file.
  const ns = Object.fromEntries(PARTS.map((part) => [part, new Float64Array(files * tests)]));
  const timedNs = timers.map(() => new Float64Array(files * tests));
  const perFile = {
    constructor: 0,
    setup: 0,
    teardown: 0,
    'base constructor': 0,
    'base setup': 0,
    'base teardown': 0,
  };
  const { expect } = require(require.resolve('expect', { paths: [ROOT] }));
  // `require('rampart')` as the package's exports map resolves it.
  const rampartMain = path.join(
    rampartDir,
    require(path.join(rampartDir, 'package.json')).exports['.'].require,
  );
  for (let f = 0; f < files; f += 1) {
    const testPath = path.join(suiteDir, `file-${f}.test.js`);
    const context = { console, docblockPragmas: {}, testPath };
    // jest-environment-node alone, for the per-file comparison.
    let t0 = now();
    const base = new BaseEnvironment(environmentConfig(suiteDir, f), context);
    perFile['base constructor'] += Number(now() - t0);
    t0 = now();
    await base.setup();
    perFile['base setup'] += Number(now() - t0);
    t0 = now();
    await base.teardown();
    perFile['base teardown'] += Number(now() - t0);

    t0 = now();
    const env = new Environment(environmentConfig(suiteDir, f), context);
    perFile.constructor += Number(now() - t0);
    t0 = now();
    await env.setup();
    perFile.setup += Number(now() - t0);

    const sandbox = env.getVmContext();
    const rampart = sandboxRequire(sandbox, rampartDir)(rampartMain);
    const circus = vm.runInContext(CIRCUS_STAND_IN, sandbox, { filename: CIRCUS_FILE });
    const { state } = circus;
    // --control: the same driving with rampart's work left out (for instruction counts).
    // `floor` (a folder): rampart's work left out too, and test_done does the
    // least a collector with rampart's guarantee must: the test's Results as
    // one JSON line, written with one synchronous write to a file opened per
    // test file (no location, no envelope, no sanitising of hostile values).
    const handle =
      control || floor ? () => undefined : (event) => env.handleTestEvent(event, state);
    let floorResults = [];
    const floorFd = floor ? fs.openSync(path.join(floor, `file-${f}.jsonl`), 'a') : -1;
    const floorDone = (entry) => {
      fs.writeSync(floorFd, `${JSON.stringify({ test: entry.name, results: floorResults })}\n`);
      floorResults = [];
    };
    let defined = 0;
    sandbox.dispatchSync = (event) => {
      if (event.name !== 'add_test') return handle(event);
      const t = now();
      handle(event);
      ns.add_test[f * tests + defined] = Number(now() - t) - clock;
      defined += 1;
      return undefined;
    };
    handle({
      name: 'setup',
      runtimeGlobals: { expect },
      testNamePattern: undefined,
      parentProcess: process,
    });
    const prebuilt = vm.runInContext(RESULT_SOURCE, sandbox)(rampart, f);
    const define = vm.compileFunction(
      testFileSource(f, tests),
      ['describe', 'test', 'recordResult', 'prebuilt'],
      { parsingContext: sandbox, filename: testPath },
    );
    const record = floor
      ? (result) => {
          floorResults.push(result);
        }
      : control
        ? () => {}
        : rampart.recordResult;
    define(circus.describe, circus.test, record, prebuilt);

    handle({ name: 'run_start' });
    const block = state.rootDescribeBlock.children[0];
    handle({ name: 'run_describe_start', describeBlock: state.rootDescribeBlock });
    handle({ name: 'run_describe_start', describeBlock: block });
    const testContext = {};
    block.children.forEach((entry, i) => {
      const index = f * tests + i;
      const timed = (name) => {
        const t = now();
        if (floor && name === 'test_done') floorDone(entry);
        else handle({ name, test: entry });
        ns[name][index] = Number(now() - t) - clock;
      };
      state.currentlyRunningTest = entry;
      entry.startedAt = Date.now();
      entry.invocations += 1;
      timed('test_start');
      timed('test_started');
      timed('test_fn_start');
      const t = now();
      entry.fn.call(testContext);
      ns['body (3 recordResult)'][index] = Number(now() - t) - clock;
      timed('test_fn_success');
      entry.status = 'done';
      entry.duration = 0;
      state.currentlyRunningTest = null;
      for (const timer of timers) timer.take();
      timed('test_done');
      timers.forEach((timer, k) => {
        timedNs[k][index] = timer.take();
      });
    });
    handle({ name: 'run_describe_finish', describeBlock: block });
    handle({ name: 'run_describe_finish', describeBlock: state.rootDescribeBlock });
    handle({ name: 'run_finish' });
    handle({ name: 'teardown' });
    if (floor) fs.closeSync(floorFd);
    t0 = now();
    await env.teardown();
    perFile.teardown += Number(now() - t0);
  }
  const totals = new Float64Array(files * tests);
  for (const part of PARTS) for (let i = 0; i < totals.length; i += 1) totals[i] += ns[part][i];
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const median = (xs) => Float64Array.from(xs).sort()[xs.length >> 1];
  const both = (xs) => ({ mean: mean(xs), median: median(xs) });
  return {
    total: both(totals),
    perTest: Object.fromEntries(PARTS.map((part) => [part, both(ns[part])])),
    timed: timedNs.map(both),
    perFile: Object.fromEntries(Object.entries(perFile).map(([k, v]) => [k, v / files / 1000])),
  };
}

/** Methods of the measured build timed alone, per test (inside test_done). */
const TIMED_METHODS = [
  {
    label: 'writeTest (inside test_done)',
    file: 'jest/file-run.js',
    name: 'FileRun',
    method: 'writeTest',
  },
  {
    label: 'the write (inside writeTest)',
    file: 'jest/transport/spool-writer.js',
    name: 'SpoolWriter',
    method: 'writeLine',
  },
];

/** Wraps each of TIMED_METHODS the build has with a clock; `take()` gives ns since the last take. */
function timeMethods(rampartDir, clock) {
  return TIMED_METHODS.flatMap(({ label, file, name, method }) => {
    const modulePath = path.join(rampartDir, 'dist', file);
    const owner = fs.existsSync(modulePath) ? require(modulePath)[name] : undefined;
    const original = owner?.prototype?.[method];
    if (typeof original !== 'function') return [];
    let total = 0;
    owner.prototype[method] = function timed(...args) {
      const t = now();
      try {
        return original.apply(this, args);
      } finally {
        total += Number(now() - t) - clock;
      }
    };
    return [
      {
        label,
        take() {
          const value = total;
          total = 0;
          return value;
        },
        restore() {
          owner.prototype[method] = original;
        },
      },
    ];
  });
}

/**
 * µs per test of the environment (all its circus events, the three
 * recordResult calls and writeTest), median over `rounds` rounds of
 * `files` x `tests` tests; see the file header for what is measured.
 */
async function measurePerTest({ buildDir, rounds = 20, files = 40, tests = 50, control = false }) {
  const rampartDir = path.join(buildDir, 'node_modules', 'rampart');
  if (!fs.existsSync(path.join(rampartDir, 'dist', 'env.js')))
    throw new Error(`per-test: no build of rampart under ${rampartDir}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-per-test-'));
  const runDir = path.join(work, 'run');
  const suiteDir = path.join(work, 'suite');
  // Beside rampart's rounds, alternating with them: the floor (runRound's `floor`).
  const floorDir = control ? null : path.join(work, 'floor');
  fs.mkdirSync(runDir, { mode: 0o700 });
  fs.mkdirSync(suiteDir);
  const saved = {
    run: process.env.RAMPART_RUN,
    limit: Error.stackTraceLimit,
    prepare: Error.prepareStackTrace,
  };
  // What the reporter publishes for its run (src/jest/transport/channel.ts).
  process.env.RAMPART_RUN = JSON.stringify({
    v: 1,
    dir: runDir,
    ownerPid: process.pid,
    maxResultBytes: 16 * 1024 * 1024,
  });
  // What jest-runner does before running a file.
  Error.stackTraceLimit = 100;
  const { SourceMapSupport } = require(require.resolve('@jest/source-map', { paths: [ROOT] }));
  new SourceMapSupport().install(new Map());
  const clock = clockCost();
  const timers = timeMethods(rampartDir, clock);
  try {
    const { TestEnvironment: Environment } = require(path.join(rampartDir, 'dist', 'env.js'));
    const { TestEnvironment: BaseEnvironment } = require(
      require.resolve('jest-environment-node', { paths: [rampartDir] }),
    );
    const args = {
      Environment,
      BaseEnvironment,
      rampartDir,
      suiteDir,
      files,
      tests,
      clock,
      timers,
      control,
      floor: null,
    };
    const fresh = (dir) => {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { mode: 0o700 });
    };
    const floorArgs = { ...args, timers: [], floor: floorDir };
    if (floorDir) {
      fresh(floorDir);
      await runRound({ ...floorArgs, files: Math.min(files, 4) }); // warm-up, not counted
    }
    await runRound({ ...args, files: Math.min(files, 4) }); // warm-up, not counted
    for (const timer of timers) timer.take();
    const samples = [];
    const floorSamples = [];
    for (let round = 0; round < rounds; round += 1) {
      fresh(runDir);
      samples.push(await runRound(args));
      if (floorDir) {
        fresh(floorDir);
        floorSamples.push(await runRound(floorArgs));
      }
    }
    const sample = control ? '' : checkSpool(runDir, files, tests);
    if (floorDir) checkFloor(floorDir, files, tests);
    const us = (values) => spread(values.map((v) => v / 1000));
    const parts = {};
    const typicalParts = {};
    for (const part of PARTS) {
      parts[part] = us(samples.map((s) => s.perTest[part].mean));
      typicalParts[part] = us(samples.map((s) => s.perTest[part].median));
    }
    timers.forEach(({ label }, k) => {
      parts[label] = us(samples.map((s) => s.timed[k].mean));
      typicalParts[label] = us(samples.map((s) => s.timed[k].median));
    });
    const perFile = {};
    for (const key of Object.keys(samples[0].perFile))
      perFile[key] = spread(samples.map((s) => s.perFile[key]));
    return {
      usPerTest: us(samples.map((s) => s.total.mean)),
      // The median test of each round: what a test costs when no GC, no
      // preemption by other processes, no slow write falls on it (robust
      // under load; the mean above is the honest cost on a quiet machine).
      usPerTestTypical: us(samples.map((s) => s.total.median)),
      partsTypical: typicalParts,
      parts,
      perFileUs: perFile,
      // The same driving with the least a collector with rampart's guarantee
      // does per test (runRound's `floor`), in rounds alternating with rampart's.
      floor: floorDir
        ? {
            usPerTest: us(floorSamples.map((s) => s.total.mean)),
            usPerTestTypical: us(floorSamples.map((s) => s.total.median)),
          }
        : null,
      sampleLine: sample.slice(0, 400),
      method: `rampart/env of the measured build driven with jest-circus 30's events (no Jest run); ${rounds} rounds of ${files} files x ${tests} tests x ${RESULTS_PER_TEST} Results; total = add_test + test_start + test_started + test_fn_start + body (3 recordResult) + test_fn_success + test_done (with writeTest), clock cost (${clock} ns) taken off each part; Jest's own per-test work is not included`,
    };
  } finally {
    for (const timer of timers) timer.restore();
    if (saved.run === undefined) delete process.env.RAMPART_RUN;
    else process.env.RAMPART_RUN = saved.run;
    Error.stackTraceLimit = saved.limit;
    Error.prepareStackTrace = saved.prepare;
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The last round's spool must hold every test and Result, or the numbers measured nothing. */
function checkSpool(runDir, files, tests) {
  let testLines = 0;
  let results = 0;
  let sampleLine;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else
        for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
          if (!line) continue;
          const record = JSON.parse(line);
          if (record.type === 'test') {
            sampleLine ??= line;
            testLines += 1;
            results += record.results.length;
          }
        }
    }
  };
  walk(runDir);
  const expected = files * tests;
  if (testLines !== expected || results !== expected * RESULTS_PER_TEST)
    throw new Error(
      `per-test: the spool holds ${testLines} test lines and ${results} Results, expected ${expected} and ${expected * RESULTS_PER_TEST}`,
    );
  return sampleLine;
}

/** The floor's last round must hold every test and Result, as checkSpool for rampart's. */
function checkFloor(floorDir, files, tests) {
  const lines = fs
    .readdirSync(floorDir)
    .flatMap((name) => fs.readFileSync(path.join(floorDir, name), 'utf8').split('\n'))
    .filter(Boolean);
  const results = lines.reduce((n, line) => n + JSON.parse(line).results.length, 0);
  const expected = files * tests;
  if (lines.length !== expected || results !== expected * RESULTS_PER_TEST)
    throw new Error(
      `per-test: the floor wrote ${lines.length} test lines and ${results} Results, expected ${expected} and ${expected * RESULTS_PER_TEST}`,
    );
  return lines[0];
}

function formatRow(name, s) {
  return `    ${name.padEnd(30)} ${s.median.toFixed(2).padStart(8)} µs  (${s.min.toFixed(2)}–${s.max.toFixed(2)}, n=${s.n})`;
}

/** Instructions callgrind counted in one run of this script with `args`. */
function countInstructions(args) {
  const out = path.join(os.tmpdir(), `rampart-per-test-${process.pid}-${Date.now()}.callgrind`);
  const run = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      `--callgrind-out-file=${out}`,
      process.execPath,
      // No compiler or GC threads: their work would be counted as it happens to fall under load.
      '--single-threaded',
      path.join(__dirname, 'per-test.js'),
      ...args,
    ],
    { encoding: 'utf8' },
  );
  try {
    const totals = /^(?:summary|totals): (\d+)/m.exec(fs.readFileSync(out, 'utf8'));
    if (run.status !== 0 || !totals) throw new Error(`callgrind failed:\n${run.stderr}`);
    return Number(totals[1]);
  } finally {
    fs.rmSync(out, { force: true });
  }
}

/**
 * Instructions per test of rampart's part, load-insensitive: callgrind runs
 * of `tests` and 3 x `tests` tests per file, with and without rampart
 * (--control); the growth with tests, less the control's, per added test.
 */
function instructionsPerTest(buildDir, files, tests) {
  const counts = {};
  for (const control of [false, true])
    for (const n of [tests, 3 * tests]) {
      const args = [`--build=${buildDir}`, '--rounds=1', `--files=${files}`, `--tests=${n}`];
      counts[`${control ? 'control' : 'rampart'} x${n}`] = countInstructions(
        control ? [...args, '--control'] : args,
      );
    }
  // (3n - n) more tests in each file of the measured round and of the warm-up.
  const added = 2 * tests * (files + Math.min(files, 4));
  const grow = (kind) => counts[`${kind} x${3 * tests}`] - counts[`${kind} x${tests}`];
  return { perTest: (grow('rampart') - grow('control')) / added, counts };
}

async function main() {
  const option = (name, fallback) => {
    const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
    return arg ? arg.slice(name.length + 3) : fallback;
  };
  const rounds = Number(option('rounds', '20'));
  const files = Number(option('files', '40'));
  const tests = Number(option('tests', '50'));
  let buildDir = option('build', null);
  if (!buildDir) {
    buildDir = path.join(__dirname, '.work', 'per-test');
    if (!process.argv.includes('--no-build')) {
      const built = require('./package-snapshot').buildSnapshot(buildDir, {
        ref: option('ref', null),
      });
      if (built.tscErrors) console.error(`tsc reported errors:\n${built.tscErrors}`);
    }
  }
  if (process.argv.includes('--instructions')) {
    const { perTest, counts } = instructionsPerTest(
      path.resolve(buildDir),
      Number(option('files', '2')),
      tests,
    );
    console.log(counts);
    console.log(`rampart's instructions per test (callgrind): ${Math.round(perTest)}`);
    return;
  }
  const control = process.argv.includes('--control');
  const result = await measurePerTest({
    buildDir: path.resolve(buildDir),
    rounds,
    files,
    tests,
    control,
  });
  console.log(
    `per test (${files} files x ${tests} tests x ${RESULTS_PER_TEST} Results, median of ${rounds} rounds):`,
  );
  console.log('  mean per test (GC and slow writes included):');
  console.log(formatRow('total', result.usPerTest));
  if (result.floor) console.log(formatRow('floor (total)', result.floor.usPerTest));
  for (const [name, s] of Object.entries(result.parts)) console.log(formatRow(name, s));
  console.log('  median test (robust under load):');
  console.log(formatRow('total', result.usPerTestTypical));
  if (result.floor) console.log(formatRow('floor (total)', result.floor.usPerTestTypical));
  for (const [name, s] of Object.entries(result.partsTypical)) console.log(formatRow(name, s));
  console.log('per file:');
  for (const [name, s] of Object.entries(result.perFileUs)) console.log(formatRow(name, s));
  console.log(result.method);
  if (process.argv.includes('--show-line')) console.log(`a test line: ${result.sampleLine}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

module.exports = { measurePerTest };
