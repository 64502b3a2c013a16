#!/usr/bin/env node
// The reporter's own work, without Jest: a suite is run once with Jest (the
// measured build, transport kept), its spool and the file results Jest handed
// the reporter are saved; each round then feeds them to a fresh
// `rampart/reporter` (onRunStart, onTestFileResult per file, onRunComplete)
// in a process of its own, cold as in a Jest run, and prints the CPU time of
// each phase (medians, min-max). Jest's own work and the test workers are not
// in it, so CPU profiles name the reporter's functions.
//
//   node bench/reporter-replay.js --suite=tests-2000 [--rounds=5] [--no-build] [--ref=HEAD]
//   node bench/reporter-replay.js --suite=one-test-100k --replay-only --rounds=1 --cpu-prof
//   node bench/reporter-replay.js --suite=tests-2000 --build=bench/.work/builds/main --ref=main
//   valgrind --tool=callgrind node bench/reporter-replay.js --suite=tests-2000 --child
//
// --replay-only replays what an earlier call captured (same suite), with the
// build in bench/.work; --build=<dir> (relative to the repository) builds (or,
// with --no-build, takes) another build there and replays the capture with it;
// --child is one round in this process (what callgrind should count: compare
// two builds' totals, process start and the spool copy are the same in both);
// --json=false / --html=false / --junit / --sarif set the reporter's outputs.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { jestArgs, jestEnv } = require('./measure');
const { buildSnapshot } = require('./package-snapshot');
const { writeSuite } = require('./suites');
const { spread } = require('./stats');
const { renderProfile, summarizeProfile } = require('./cpu-profile');

const ROOT = path.resolve(__dirname, '..');
const WORK_DIR = path.join(__dirname, '.work');
const CAPTURE_REPORTER = path.join(__dirname, 'reporter-capture.js');

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const flag = (name) => process.argv.includes(`--${name}`);
/** The measured build: bench/.work (what the captured suites run), or --build=<dir> to compare another. */
const BUILD_DIR = path.resolve(ROOT, arg('build') ?? WORK_DIR);

/** Runs the suite once with Jest, the transport kept; returns the capture's folder. */
function capture(suiteName, workers) {
  const suiteDir = writeSuite(WORK_DIR, suiteName);
  const captureDir = path.join(WORK_DIR, 'replay', suiteName);
  fs.rmSync(captureDir, { recursive: true, force: true });
  fs.mkdirSync(captureDir, { recursive: true });
  const config = {
    rootDir: '.',
    testEnvironment: 'rampart/env',
    reporters: [
      [CAPTURE_REPORTER, { out: path.join(captureDir, 'jest.json') }],
      ['rampart/reporter', { outputDir: 'report', keepTransport: true, html: false }],
    ],
    globals: { __RAMPART_BENCH_MODE__: 'rampart' },
    testRegex: '\\.test\\.js$',
    transform: {},
    watchman: false,
  };
  fs.writeFileSync(
    path.join(suiteDir, 'replay.config.js'),
    `module.exports = ${JSON.stringify(config, null, 2)};\n`,
  );
  const run = spawnSync(
    process.execPath,
    jestArgs({
      config: path.join(suiteDir, 'replay.config.js'),
      cacheDir: path.join(captureDir, 'cache'),
      workers,
    }),
    { cwd: suiteDir, env: jestEnv(), encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 },
  );
  const kept = /RAMPART transport kept in (\S+)/.exec(`${run.stdout}${run.stderr}`)?.[1];
  if (run.status !== 0 || !kept)
    throw new Error(`capture run failed (${run.status}):\n${run.stderr.slice(-3000)}`);
  fs.renameSync(kept, path.join(captureDir, 'transport'));
  fs.rmSync(path.join(captureDir, 'cache'), { recursive: true, force: true });
  fs.rmSync(path.join(suiteDir, 'report'), { recursive: true, force: true });
  return captureDir;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** One replay: a fresh reporter over a copy of the captured spool; CPU ms per phase. */
async function replay(captureDir, options) {
  const { RampartReporter } = require(
    path.join(BUILD_DIR, 'node_modules', 'rampart', 'dist', 'jest', 'reporter.js'),
  );
  const jest = JSON.parse(fs.readFileSync(path.join(captureDir, 'jest.json'), 'utf8'));
  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-replay-'));
  const stderrWrite = process.stderr.write;
  const times = {};
  try {
    const reporter = new RampartReporter(jest.globalConfig, {
      outputDir,
      ...options,
    });
    // The reporter reads the spool from its own run directory.
    fs.cpSync(path.join(captureDir, 'transport'), reporter.runDir, { recursive: true });
    process.stderr.write = () => true;
    let t = cpuMs();
    const wall = performance.now();
    reporter.onRunStart({ numTotalTestSuites: jest.files.length });
    for (const file of jest.files) reporter.onTestFileResult(file.test, file.result);
    times.files = cpuMs() - t;
    t = cpuMs();
    await reporter.onRunComplete(jest.contexts, jest.aggregated);
    times.runComplete = cpuMs() - t;
    times.total = times.files + times.runComplete;
    times.wall = performance.now() - wall;
    process.stderr.write = stderrWrite;
    const failure = reporter.getLastError();
    if (failure) throw failure;
    const reports = fs.readdirSync(outputDir).filter((name) => /^run_report_2.*\.json$/.test(name));
    // --json=false writes none: the round still checks that it wrote no other.
    const expected = options.json === false ? 0 : 1;
    if (reports.length !== expected)
      throw new Error(`expected ${expected} JSON report(s), found ${reports.length}`);
  } finally {
    process.stderr.write = stderrWrite;
    fs.rmSync(outputDir, { recursive: true, force: true });
  }
  return times;
}

/** --cpu-prof[=dir]: each round writes a CPU profile (bench/cpu-profile.js reads it). */
const profileDir =
  arg('cpu-prof') ?? (flag('cpu-prof') ? path.join(WORK_DIR, 'profiles', 'replay') : null);

function nodeArgs() {
  if (profileDir === null) return [];
  return ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=250'];
}

async function main() {
  const suiteName = arg('suite') ?? 'tests-2000';
  const rounds = Number(arg('rounds') ?? 5);
  const workers = Number(arg('workers') ?? 1);
  if (!flag('no-build') && !flag('replay-only') && !flag('child'))
    buildSnapshot(BUILD_DIR, { ref: arg('ref') ?? null });
  const captureDir =
    flag('replay-only') || flag('child') || BUILD_DIR !== WORK_DIR
      ? path.join(WORK_DIR, 'replay', suiteName)
      : capture(suiteName, workers);
  const options = {};
  if (arg('json') === 'false') options.json = false;
  if (arg('html') !== undefined) options.html = arg('html') !== 'false';
  if (flag('junit')) options.junit = true;
  if (flag('sarif')) options.sarif = true;
  if (flag('child')) {
    process.stdout.write(`${JSON.stringify(await replay(captureDir, options))}\n`);
    return;
  }
  // Each round in a fresh process: the reporter runs once per Jest run, cold.
  if (profileDir !== null) {
    fs.rmSync(profileDir, { recursive: true, force: true });
    fs.mkdirSync(profileDir, { recursive: true });
  }
  const all = [];
  for (let r = 0; r < rounds; r += 1) {
    const child = spawnSync(
      process.execPath,
      [
        ...nodeArgs(),
        path.join(__dirname, 'reporter-replay.js'),
        '--replay-only',
        '--child',
        ...process.argv.slice(2),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (child.status !== 0) throw new Error(`replay round failed (${child.status})`);
    all.push(JSON.parse(child.stdout.trim().split('\n').at(-1)));
  }
  const show = (key) => {
    const s = spread(all.map((t) => t[key]));
    return `${key} ${s.median.toFixed(1)} ms (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
  };
  process.stdout.write(
    `reporter replay of ${suiteName}, ${rounds} round(s), CPU: ${['files', 'runComplete', 'total'].map(show).join(', ')}; ${show('wall')}\n`,
  );
  if (profileDir !== null) {
    const files = fs.readdirSync(profileDir).map((name) => path.join(profileDir, name));
    const title = `CPU profiles of the ${files.length} replay(s), merged (${profileDir})`;
    process.stdout.write(
      `${renderProfile(title, summarizeProfile(files, { top: 25 })).join('\n')}\n`,
    );
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
