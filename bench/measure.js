// Runs Jest once on a generated suite and measures it from the outside:
// wall time (spawn to exit), peak RSS and CPU of the parent and of each worker
// (bench/probe-preload.js), time spent inside rampart's reporter
// (bench/probe-reporter.js), and the JSON report's size and head.
const { Buffer } = require('node:buffer');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const ROOT = path.resolve(__dirname, '..');
const JEST_BIN = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const PRELOAD = path.join(__dirname, 'probe-preload.js');

let runCounter = 0;

/**
 * The command line of one bench run of Jest on `config`: in band (`workers`
 * 1) or with N workers, and a fresh `cacheDirectory`, so Jest has no timings
 * and really spreads files over workers.
 */
function jestArgs({ config, cacheDir, workers }) {
  return [
    JEST_BIN,
    '--config',
    config,
    '--cacheDirectory',
    cacheDir,
    workers === 1 ? '--runInBand' : `--maxWorkers=${workers}`,
    '--ci',
  ];
}

/** The environment of a bench run of Jest: without the run channel of a rampart run around the bench. */
function jestEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.RAMPART_RUN;
  return env;
}

/** CPU seconds all processes of the machine have spent busy so far (/proc/stat). */
function machineBusySeconds() {
  try {
    const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
    return (user + nice + system + irq + softirq + steal) / 100; // USER_HZ
  } catch {
    return null;
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// The report can be hundreds of MB: its counts and metadata come first, so
// reading the head is enough to check it.
function reportHead(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString('utf8');
    const int = (key) => {
      const m = new RegExp(`"${key}": (\\d+)`).exec(text);
      return m ? Number(m[1]) : null;
    };
    return {
      totalRuns: int('total_runs'),
      workerCount: int('worker_count'),
      incomplete: /"incomplete": true/.test(text),
    };
  } finally {
    fs.closeSync(fd);
  }
}

// rampart's warnings and banners, from the end of Jest's stderr (which can be
// hundreds of MB: one line per Result).
function rampartWarnings(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 64 * 1024));
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    return tail
      .toString('utf8')
      .split('\n')
      .filter((line) => /RAMPART (warning|could not)|INCOMPLETE RUN|^\s+- /.test(line))
      .map((line) => line.trim().slice(0, 300));
  } finally {
    fs.closeSync(fd);
  }
}

function reporterTimes(probe, parentExitAt) {
  if (!probe || probe.before.length === 0) return null;
  const files = probe.before.map((t, i) => (probe.after[i] ?? t) - t);
  const runComplete = probe.runCompleteAfter - probe.runCompleteBefore;
  const lastFile = files[files.length - 1];
  const lastFileAt = probe.before[probe.before.length - 1];
  return {
    // All time spent inside rampart's reporter callbacks.
    totalMs: files.reduce((a, b) => a + b, 0) + runComplete,
    // Inside rampart's reporter from the last file result on.
    afterLastTestMs: lastFile + runComplete,
    runCompleteMs: runComplete,
    // From the last test file result to the exit of the Jest process.
    lastResultToExitMs: parentExitAt === null ? null : parentExitAt - lastFileAt,
    heapAtRunCompleteMiB: probe.heapAtRunComplete / 2 ** 20,
  };
}

/**
 * One Jest run. `mode` picks the config ('plain' or 'rampart'); `workers` 1
 * means --runInBand, more means --maxWorkers=N. Every run gets a fresh
 * --cacheDirectory so Jest has no timings and really spreads files over workers.
 */
async function runJest({
  suiteDir,
  mode,
  workers,
  workDir,
  nodeArgs = [],
  extraEnv = {},
  keep = false,
}) {
  runCounter += 1;
  const runDir = path.join(workDir, 'runs', `${process.pid}-${runCounter}-${mode}`);
  const probeDir = path.join(runDir, 'probe');
  const reportDir = path.join(suiteDir, 'report');
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.rmSync(reportDir, { recursive: true, force: true });
  fs.mkdirSync(probeDir, { recursive: true });
  const args = [
    ...nodeArgs,
    ...jestArgs({
      config: path.join(suiteDir, `${mode}.config.js`),
      cacheDir: path.join(runDir, 'cache'),
      workers,
    }),
  ];
  const env = jestEnv({ ...extraEnv, BENCH_PROBE_DIR: probeDir });
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim();
  const stdout = fs.openSync(path.join(runDir, 'stdout.txt'), 'w');
  const stderr = fs.openSync(path.join(runDir, 'stderr.txt'), 'w');
  const loadBefore = os.loadavg()[0];
  const busyBefore = machineBusySeconds();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: suiteDir,
    env,
    stdio: ['ignore', stdout, stderr],
  });
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (status, signal) => resolve(status ?? signal));
  });
  const wallMs = performance.now() - started;
  const busyAfter = machineBusySeconds();
  fs.closeSync(stdout);
  fs.closeSync(stderr);

  const probes = fs
    .readdirSync(probeDir)
    .filter((name) => name.startsWith('process-'))
    .map((name) => readJson(path.join(probeDir, name)))
    .filter(Boolean);
  const parent = probes.find((p) => p.pid === child.pid) ?? null;
  const timing = readJson(path.join(probeDir, 'reporter.json'));
  // Jest's haste map may use short-lived workers of its own before any test
  // runs; test workers are the ones still alive after the first file result.
  const firstResultAt = timing?.before[0] ?? Infinity;
  const workerProbes = probes.filter(
    (p) => p.ppid === child.pid && p.worker !== null && p.exitAt > firstResultAt,
  );
  const reportFile = fs.existsSync(reportDir)
    ? fs.readdirSync(reportDir).find((name) => /^run_report_.*\.json$/.test(name))
    : undefined;
  const report = reportFile
    ? {
        bytes: fs.statSync(path.join(reportDir, reportFile)).size,
        ...reportHead(path.join(reportDir, reportFile)),
      }
    : null;
  const run = {
    mode,
    workers,
    code,
    wallMs,
    parentPeakRssMiB: parent ? parent.maxRssKiB / 1024 : null,
    parentCpuSeconds: parent ? parent.cpuSeconds : null,
    parentPid: child.pid,
    workerProcesses: workerProbes.map((p) => ({
      pid: p.pid,
      worker: p.worker,
      peakRssMiB: p.maxRssKiB / 1024,
      cpuSeconds: p.cpuSeconds,
    })),
    reporter: reporterTimes(timing, parent?.exitAt ?? null),
    report,
    rampartWarnings: mode === 'rampart' ? rampartWarnings(path.join(runDir, 'stderr.txt')) : [],
    loadAverage1m: loadBefore,
    // CPU that processes outside this Jest run used meanwhile: the noise.
    foreignCpuSeconds:
      busyBefore === null
        ? null
        : Math.max(0, busyAfter - busyBefore - probes.reduce((sum, p) => sum + p.cpuSeconds, 0)),
    logDir: runDir,
  };
  if (!keep) fs.rmSync(reportDir, { recursive: true, force: true });
  return run;
}

module.exports = { runJest, jestArgs, jestEnv, machineBusySeconds, JEST_BIN, ROOT };
