// A Jest reporter used twice in every benchmark config, once right before and
// once right after rampart/reporter ({ role: 'before' } / { role: 'after' }).
// Jest awaits reporters one after the other, so the gap between the two
// timestamps of a callback is the time rampart's reporter spent in it (in the
// plain config nothing sits between them). The 'after' instance writes the
// timings to BENCH_PROBE_DIR/reporter.json when the run completes. With
// BENCH_HEAP_SNAPSHOT_DIR set (bench/profile.js), 'before' also writes a heap
// snapshot when the run completes, before rampart builds its report.
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const v8 = require('node:v8');

const now = () => performance.timeOrigin + performance.now();
const shared = { before: [], after: [], runCompleteBefore: null, runCompleteAfter: null };

class ProbeReporter {
  constructor(_globalConfig, options) {
    this.role = options && options.role === 'after' ? 'after' : 'before';
  }

  onTestFileResult() {
    shared[this.role].push(now());
  }

  onRunComplete() {
    if (this.role === 'before') {
      // bench/profile.js: what the reporter holds before it builds the report.
      const snapshotDir = process.env.BENCH_HEAP_SNAPSHOT_DIR;
      if (snapshotDir) v8.writeHeapSnapshot(path.join(snapshotDir, 'run-complete.heapsnapshot'));
      shared.heapAtRunComplete = process.memoryUsage().heapUsed;
      shared.runCompleteBefore = now();
      return;
    }
    shared.runCompleteAfter = now();
    const dir = process.env.BENCH_PROBE_DIR;
    if (dir) fs.writeFileSync(path.join(dir, 'reporter.json'), JSON.stringify(shared));
  }
}

module.exports = ProbeReporter;
