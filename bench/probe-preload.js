// Loaded into every Node process of a benchmarked Jest run (the parent and
// its workers) through NODE_OPTIONS=--require. On exit it writes one JSON
// file into BENCH_PROBE_DIR: who the process was, its peak RSS (getrusage
// ru_maxrss, exact), CPU time and when it exited. Nothing in src/ is touched.
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const dir = process.env.BENCH_PROBE_DIR;
if (dir) {
  process.on('exit', (code) => {
    const usage = process.resourceUsage();
    const probe = {
      pid: process.pid,
      ppid: process.ppid,
      worker: process.env.JEST_WORKER_ID ?? null,
      script: process.argv[1] ?? null,
      code,
      maxRssKiB: usage.maxRSS,
      cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      exitAt: performance.timeOrigin + performance.now(),
    };
    try {
      fs.writeFileSync(path.join(dir, `process-${process.pid}.json`), JSON.stringify(probe));
    } catch {
      // The benchmark reports a missing probe as n/a.
    }
  });
}
