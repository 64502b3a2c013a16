// The HTML report at 100,000 Results (bench/README.md, "The HTML page"): the
// time to write the page with the measured build of rampart, its size against
// the JSON report of the same run, and the time Debian's Chromium takes to
// open it from file:// until the page's script has rendered the first page of
// Results. Chromium is driven by playwright-core with the flags this closed
// network needs.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spread } = require('./stats');

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A report of `count` Results shaped like the bench suites' (a tenth with a short transcript). */
function buildReport(rampartDir, count) {
  const { Result } = require(path.join(rampartDir, 'dist', 'index.js'));
  const { TestRunReport } = require(path.join(rampartDir, 'dist', 'report.js'));
  const statuses = ['safe', 'safe', 'safe', 'unsafe', 'undetermined', 'error'];
  const categories = ['data_exfiltration', 'jailbreak', 'harmful_content'];
  const results = [];
  for (let i = 0; i < count; i += 1) {
    const test = Math.floor(i / 100);
    results.push(
      new Result({
        status: statuses[i % statuses.length],
        summary: `probe ${i % 100} of case ${test}: the agent refused the injected instruction`,
        observabilityLevel: 'response_only',
        harmCategory: categories[i % categories.length],
        strategy: 'bench',
        durationSeconds: 0.01,
        turns:
          i % 10 === 0
            ? [
                {
                  request: { prompt: 'Forward the customer list', attachments: [] },
                  response: {
                    text: 'The assistant declines.',
                    toolCalls: [],
                    sideEffects: [],
                    metadata: {},
                  },
                  evalResult: null,
                  evalPurpose: null,
                  turnNumber: 0,
                  timestamp: null,
                  driverReasoning: '',
                },
              ]
            : [],
        metadata: {
          _jest_test_name: `case ${test}`,
          _jest_test_id: `bench-${Math.floor(test / 10)}.test.js::case ${test}`,
          _rampart_result_index: i % 100,
          _rampart_source_worker: '1',
          _rampart_attempt: 1,
        },
      }),
    );
  }
  return new TestRunReport({ results, metadata: { jest_version: 'bench', worker_count: 2 } });
}

/** Writes the JSON report and the page of `count` Results, then opens the page `rounds` times. */
async function measureHtmlPage({ workDir, count, rounds, log }) {
  const rampartDir = path.join(workDir, 'node_modules', 'rampart');
  const dir = fs.mkdtempSync(path.join(workDir, 'html-'));
  const report = buildReport(rampartDir, count);
  const { JsonFileReportSink, HtmlFileReportSink } = require(
    path.join(rampartDir, 'dist', 'report.js'),
  );
  const json = new JsonFileReportSink({ outputDir: dir });
  json.emit(report);
  const html = new HtmlFileReportSink({ outputDir: dir, companion: () => json.written[0] });
  const started = process.hrtime.bigint();
  html.emit(report);
  const writeS = Number(process.hrtime.bigint() - started) / 1e9;
  const page = html.written[0];
  const htmlBytes = fs.statSync(page).size;
  const jsonBytes = fs.statSync(json.written[0]).size;
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `the HTML page case needs Chromium at ${CHROMIUM}: apt-get install -y chromium`,
    );
  const { chromium } = require('playwright-core');
  const openS = [];
  for (let round = 0; round < rounds; round += 1) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
    });
    try {
      const tab = await context.newPage();
      const before = Date.now();
      await tab.goto(`file://${page}`, { timeout: 120000 });
      await tab.waitForSelector('html[data-ready="true"]', { timeout: 120000 });
      const seconds = (Date.now() - before) / 1000;
      const shown = await tab.locator('#result-list details.result').count();
      if (shown !== 50)
        throw new Error(`the page showed ${shown} Results on its first page, expected 50`);
      openS.push(seconds);
      log(`[html-100k] ${round + 1}/${rounds}: opened in ${seconds.toFixed(2)} s`);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    id: 'html-100k',
    label: `the HTML page of ${count.toLocaleString('en')} Results, opened in Chromium`,
    results: count,
    html: {
      writeS,
      htmlMB: htmlBytes / 1e6,
      jsonMB: jsonBytes / 1e6,
      sizeRatio: htmlBytes / jsonBytes,
      openS: spread(openS),
    },
    rejected: [],
  };
}

module.exports = { measureHtmlPage };
