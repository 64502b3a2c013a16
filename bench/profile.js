#!/usr/bin/env node
// Profiles rampart on the benchmark suites:
// `node --cpu-prof` on the Jest parent (and, through execArgv, its workers),
// `--trace-gc` for the parent's heap over time, and a heap snapshot of the
// reporter's state when the run completes (small case). Prints where the time
// and memory go; the raw profiles stay in bench/.work/profiles/.
//
//   node bench/profile.js [--only=id,id] [--ref=HEAD]
const fs = require('node:fs');
const path = require('node:path');
const { buildSnapshot } = require('./package-snapshot');
const { runJest } = require('./measure');
const { writeSuite } = require('./suites');
const { summarizeProfile, renderProfile } = require('./cpu-profile');
const { summarizeHeapSnapshot } = require('./heap-snapshot');

const WORK_DIR = path.join(__dirname, '.work');
const OUT_DIR = path.join(WORK_DIR, 'profiles');

const CASES = [
  {
    id: 'tests-2000-in-band',
    suite: 'tests-2000',
    workers: 1,
    modes: ['plain', 'floor', 'rampart'],
  },
  {
    id: 'tests-2000-2-workers',
    suite: 'tests-2000',
    workers: 2,
    modes: ['plain', 'floor', 'rampart'],
  },
  { id: 'one-test-100k', suite: 'one-test-100k', workers: 1, modes: ['rampart'] },
  { id: 'spread-100k-in-band', suite: 'spread-100k', workers: 1, modes: ['rampart'] },
  { id: 'spread-100k-2-workers', suite: 'spread-100k', workers: 2, modes: ['rampart'] },
  { id: 'spread-1000k-2-workers', suite: 'spread-1000k', workers: 2, modes: ['rampart'] },
  { id: 'spread-10k-heap', suite: 'spread-10k', workers: 2, modes: ['rampart'], snapshot: true },
  { id: 'spread-100k-heap', suite: 'spread-100k', workers: 2, modes: ['rampart'], snapshot: true },
];

const GC_LINE =
  /^\[(\d+):0x[0-9a-f]+\]\s+(\d+) ms: (Scavenge|Mark-Compact|Mark-sweep)\S*(?: \([^)]*\))? ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ ([\d.]+) ms/;

/** Peak heap and GC pauses of one process, from --trace-gc lines. */
function gcSummary(stdoutFile, pid) {
  const summary = { peakHeapUsedMiB: 0, peakHeapCommittedMiB: 0, gcs: 0, fullGcs: 0, pauseMs: 0 };
  for (const line of fs.readFileSync(stdoutFile, 'utf8').split('\n')) {
    const m = GC_LINE.exec(line);
    if (!m || Number(m[1]) !== pid) continue;
    summary.gcs += 1;
    if (m[3] !== 'Scavenge') summary.fullGcs += 1;
    summary.peakHeapUsedMiB = Math.max(summary.peakHeapUsedMiB, Number(m[4]));
    summary.peakHeapCommittedMiB = Math.max(summary.peakHeapCommittedMiB, Number(m[5]));
    summary.pauseMs += Number(m[8]);
  }
  return summary;
}

function profilesOf(dir, pid) {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile') && name.split('.')[3] === String(pid))
    .map((name) => path.join(dir, name));
}

async function profileCase(c) {
  const suiteDir = writeSuite(WORK_DIR, c.suite);
  const lines = [];
  for (const mode of c.modes) {
    const dir = path.join(OUT_DIR, `${c.id}-${mode}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const run = await runJest({
      suiteDir,
      mode,
      workers: c.workers,
      workDir: WORK_DIR,
      nodeArgs: c.snapshot
        ? []
        : ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=250', '--trace-gc'],
      extraEnv: c.snapshot ? { BENCH_HEAP_SNAPSHOT_DIR: dir } : {},
    });
    const title = `${c.id} ${mode} (${c.workers === 1 ? 'in band' : `${c.workers} workers`})`;
    lines.push(
      '',
      `=== ${title}: exit ${run.code}, wall ${(run.wallMs / 1000).toFixed(2)} s, parent peak RSS ${run.parentPeakRssMiB?.toFixed(0)} MiB, reporter ${run.reporter ? (run.reporter.totalMs / 1000).toFixed(2) : 'n/a'} s (run complete ${run.reporter ? (run.reporter.runCompleteMs / 1000).toFixed(2) : 'n/a'} s), heap used at run complete ${run.reporter?.heapAtRunCompleteMiB.toFixed(0)} MiB`,
    );
    if (c.snapshot) {
      const heap = summarizeHeapSnapshot(path.join(dir, 'run-complete.heapsnapshot'));
      lines.push(
        `heap snapshot of the parent when the run completes (before rampart builds the report): ${heap.totalMiB.toFixed(1)} MiB`,
        ...heap.top.map(
          (r) =>
            `    ${r.mib.toFixed(1).padStart(8)} MiB  ${String(r.count).padStart(9)} x  ${r.kind}`,
        ),
      );
      fs.rmSync(path.join(dir, 'run-complete.heapsnapshot'), { force: true });
    } else {
      const gc = gcSummary(path.join(run.logDir, 'stdout.txt'), run.parentPid);
      lines.push(
        `parent heap (--trace-gc): peak used ${gc.peakHeapUsedMiB.toFixed(0)} MiB, peak committed ${gc.peakHeapCommittedMiB.toFixed(0)} MiB, ${gc.gcs} GCs (${gc.fullGcs} full), ${gc.pauseMs.toFixed(0)} ms paused`,
        ...renderProfile('parent CPU profile', summarizeProfile(profilesOf(dir, run.parentPid))),
      );
      const workerFiles = run.workerProcesses.flatMap((w) => profilesOf(dir, w.pid));
      if (workerFiles.length > 0)
        lines.push(
          ...renderProfile(
            `test workers' CPU profiles (${workerFiles.length}, merged)`,
            summarizeProfile(workerFiles, { top: 10 }),
          ),
        );
    }
    fs.rmSync(run.logDir, { recursive: true, force: true });
    process.stdout.write(`${lines.join('\n')}\n`);
    lines.length = 0;
  }
}

async function main() {
  const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const only = arg('only')?.split(',');
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const build = buildSnapshot(WORK_DIR, { ref: arg('ref') ?? null });
  const changes = build.srcLocalChanges
    ? ` + ${build.srcLocalChanges} local change(s) in src/`
    : '';
  process.stdout.write(
    `Profiling ${build.source} at ${String(build.commit).slice(0, 7)}${changes}\n`,
  );
  for (const c of CASES.filter((x) => !only || only.includes(x.id))) await profileCase(c);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
