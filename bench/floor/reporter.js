// The floor config's reporter (bench/suites.js): the least work a reporter
// with rampart's guarantees must do in Jest's parent process. Options:
// `spoolDir` (where bench/floor/environment.js writes) and `outputDir`.
const fs = require('node:fs');
const path = require('node:path');

/** The spool file of one test file; bench/floor/environment.js names it the same way. */
const spoolFile = (spoolDir, testPath) =>
  path.join(spoolDir, `${encodeURIComponent(testPath)}.jsonl`);

// rampart writes an HTML page by default; its head is fixed, the Results go in as data.
const HTML_HEAD =
  '<!doctype html>\n<html><head><meta charset="utf-8"><title>floor report</title></head>\n' +
  '<body><script type="application/json" id="results">';
const HTML_TAIL = '</script></body></html>\n';

class FloorReporter {
  constructor(_globalConfig, options) {
    this.spoolDir = options.spoolDir;
    this.outputDir = options.outputDir;
    this.results = [];
    this.counts = { total_runs: 0 };
  }

  // A fresh run folder before any test file starts: no spool file of an
  // earlier run can be counted, and the environment's 'wx' opens succeed.
  onRunStart() {
    fs.rmSync(this.spoolDir, { recursive: true, force: true });
    fs.mkdirSync(this.spoolDir, { recursive: true });
  }

  // The parent must decode what it counts: every line of the file's spool.
  onTestFileResult(test) {
    const text = fs.readFileSync(spoolFile(this.spoolDir, test.path), 'utf8');
    for (const line of text.split('\n')) {
      if (line === '') continue;
      for (const result of JSON.parse(line).results) {
        this.results.push(result);
        this.counts.total_runs += 1;
        this.counts[result.status] = (this.counts[result.status] ?? 0) + 1;
      }
    }
  }

  // The outputs a default rampart run writes: the JSON report (2-space
  // indented, as rampart's) and an HTML page, then one summary line.
  onRunComplete() {
    fs.mkdirSync(this.outputDir, { recursive: true });
    const { counts, results } = this;
    fs.writeFileSync(
      path.join(this.outputDir, 'run_report_floor.json'),
      JSON.stringify({ counts, results }, null, 2),
    );
    // `<` escaped so no text of a Result can close the script element.
    const data = JSON.stringify(results).replace(/</g, '\\u003c');
    fs.writeFileSync(path.join(this.outputDir, 'floor.html'), HTML_HEAD + data + HTML_TAIL);
    const statuses = Object.entries(counts)
      .filter(([key]) => key !== 'total_runs')
      .map(([status, n]) => `${status} ${n}`)
      .join(', ');
    process.stderr.write(`floor: ${counts.total_runs} Results (${statuses})\n`);
    fs.rmSync(this.spoolDir, { recursive: true, force: true });
  }
}

module.exports = FloorReporter;
