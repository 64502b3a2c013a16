// Renders bench/results.json as text tables and checks the performance targets.
const { growthExponent } = require('./stats');

// The targets of docs/performance.md: overhead over plain Jest, import and
// adoption cost, the reporter's memory and growth with 1,000,000 Results,
// and the environment's cost per test.
const TARGET_OVERHEAD = 1.03;
const TARGET_IMPORT = 1.03;
const TARGET_ADOPTION = 1.05;
const TARGET_RSS_1000K_MIB = 512;
const TARGET_REPORTER_EXPONENT = 1.05;
const TARGET_PER_TEST_US = 15;
// Further checks, reported when their scenario ran.
const TARGET_REPORTER_S = 5;
const TARGET_RSS_MIB = 1024;
const TARGET_PAGE_OPEN_S = 5;
const TARGET_PAGE_SIZE_RATIO = 2;
// Growth exponent above which a cost no longer counts as linear.
const LINEAR_EXPONENT = 1.1;
const SCALING = ['spread-10k', 'spread-100k', 'spread-500k', 'spread-1000k'];

/** `median (min–max)` of a spread, or n/a. */
function cell(s, digits) {
  if (!s) return 'n/a';
  const f = (v) => v.toFixed(digits);
  return s.n > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median);
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) =>
    r
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const median = (s) => (s ? s.median : null);

function scalingPoints(scenarios) {
  return SCALING.map((id) => scenarios[id])
    .filter((s) => s && s.summary)
    .map((s) => ({
      results: s.results,
      n: s.summary.ratio.n,
      addedCpuS: median(s.summary.addedCpuS),
      reporterS: median(s.summary.reporterTotalS),
      rssGrowthMiB: median(s.summary.rampartParentRssMiB) - median(s.summary.plainParentRssMiB),
      summary: s.summary,
    }));
}

function exponents(points, key) {
  const out = [];
  for (let i = 1; i < points.length; i += 1) {
    const [a, b] = [points[i - 1], points[i]];
    out.push(growthExponent(a.results, a[key], b.results, b[key]));
  }
  return out;
}

/**
 * One target: `measured` is a spread ({ median, min, max, n }) or null when
 * its scenario did not run; met when the median is at most `limit`.
 */
function limitTarget(id, target, measured, limit, format, noisyRounds = 0) {
  return {
    id,
    group: 'targets',
    target,
    limit: `<= ${limit}`,
    measured,
    value: measured ? format(measured) : 'n/a',
    status: !measured ? 'not measured' : measured.median <= limit ? 'met' : 'not met',
    // Rounds taken while other processes used the machine: the status is not to be trusted.
    noisyRounds,
  };
}

/** The growth exponent of the reporter time from spread-100k to spread-1000k, as a spread of one. */
function reporterExponent(scenarios) {
  const [a, b] = ['spread-100k', 'spread-1000k'].map((id) => scenarios[id]);
  if (!a?.summary?.reporterTotalS || !b?.summary?.reporterTotalS) return null;
  const [ya, yb] = [a.summary.reporterTotalS.median, b.summary.reporterTotalS.median];
  const exponent = growthExponent(a.results, ya, b.results, yb);
  return exponent === null
    ? null
    : { median: exponent, min: exponent, max: exponent, n: 1, from: ya, to: yb };
}

/** The issue's targets, one line each, measured or not (docs/performance.md). */
function mainTargets(scenarios) {
  const summary = (id) => scenarios[id]?.summary ?? null;
  const noisy = (...ids) => Math.max(0, ...ids.map((id) => scenarios[id]?.noisyRoundsUsed ?? 0));
  const ratio = (s) => cell(s, 3);
  const lines = [];
  // The three ratio targets of the 2,000-test suite, each in both layouts.
  const ratioTargets = [
    ['overhead', '(1) overhead rampart/plain', 'ratio', TARGET_OVERHEAD],
    ['import', '(2) import rampart plain/bare', 'importRatio', TARGET_IMPORT],
    ['adoption', '(2) adoption rampart/bare', 'rampartToBareRatio', TARGET_ADOPTION],
  ];
  for (const [key, label, field, limit] of ratioTargets)
    for (const [id, layout] of [
      ['tests-2000-in-band', 'in band'],
      ['tests-2000-2-workers', '2 workers'],
    ])
      lines.push(
        limitTarget(
          `${key}-${layout.replace(' ', '-')}`,
          key === 'overhead' ? `${label}, 2,000 tests, ${layout}` : `${label}, ${layout}`,
          summary(id)?.[field] ?? null,
          limit,
          ratio,
          noisy(id),
        ),
      );
  lines.push(
    limitTarget(
      'reporter-rss-1000k',
      '(3) parent peak RSS MiB, spread-1000k',
      summary('spread-1000k')?.rampartParentRssMiB ?? null,
      TARGET_RSS_1000K_MIB,
      (s) => cell(s, 0),
      noisy('spread-1000k'),
    ),
    limitTarget(
      'reporter-exponent',
      '(3) reporter time exponent, spread-100k to 1000k',
      reporterExponent(scenarios),
      TARGET_REPORTER_EXPONENT,
      (s) => `${s.median.toFixed(2)} (${s.from.toFixed(2)} s to ${s.to.toFixed(2)} s)`,
      noisy('spread-100k', 'spread-1000k'),
    ),
    limitTarget(
      'per-test-us',
      '(4) handleTestEvent + writeTest, us per test',
      scenarios['per-test']?.usPerTest ?? null,
      TARGET_PER_TEST_US,
      // The floor (bench/per-test.js) beside it: the least any collector with the same guarantee does.
      (s) => {
        const floor = scenarios['per-test']?.floor?.usPerTest;
        return floor ? `${cell(s, 1)}; floor ${cell(floor, 1)}` : cell(s, 1);
      },
    ),
  );
  return lines;
}

/** Each target: the issue's first (met, not met, not measured), then the further checks that ran. */
function evaluateTargets(scenarios) {
  const targets = mainTargets(scenarios);
  const check = (target, value, met) =>
    targets.push({ group: 'checks', target, value, status: met ? 'met' : 'not met' });
  for (const id of ['one-test-100k', 'spread-100k']) {
    const s = scenarios[id]?.summary;
    if (!s) continue;
    check(
      `100,000 Results (${id}): reporter time < ${TARGET_REPORTER_S} s`,
      `${cell(s.reporterTotalS, 2)} s`,
      s.reporterTotalS.median < TARGET_REPORTER_S,
    );
    const rss = Math.max(median(s.rampartParentRssMiB), median(s.rampartWorkerRssMiB) ?? 0);
    check(
      `100,000 Results (${id}): peak RSS < 1 GiB (parent and workers)`,
      `parent ${cell(s.rampartParentRssMiB, 0)} MiB, ${s.rampartWorkerRssMiB ? `workers ${cell(s.rampartWorkerRssMiB, 0)} MiB` : 'no workers (in band)'}`,
      rss < TARGET_RSS_MIB,
    );
  }
  const page = scenarios['html-100k']?.html;
  if (page) {
    check(
      `HTML page of 100,000 Results opens in Chromium in < ${TARGET_PAGE_OPEN_S} s`,
      `${cell(page.openS, 2)} s`,
      page.openS.median < TARGET_PAGE_OPEN_S,
    );
    check(
      `HTML page of 100,000 Results within ${TARGET_PAGE_SIZE_RATIO}x the JSON report`,
      `${page.htmlMB.toFixed(1)} MB vs ${page.jsonMB.toFixed(1)} MB (${page.sizeRatio.toFixed(2)}x), written in ${page.writeS.toFixed(2)} s`,
      page.sizeRatio <= TARGET_PAGE_SIZE_RATIO,
    );
  }
  const points = scalingPoints(scenarios);
  if (points.length >= 2) {
    const worst = {};
    // A cost within noise of zero (null exponent) does not count against linearity.
    for (const key of ['reporterS', 'addedCpuS', 'rssGrowthMiB'])
      worst[key] = Math.max(...exponents(points, key).map((e) => e ?? -Infinity));
    const largest = points[points.length - 1].results.toLocaleString('en-US');
    const written = points.filter((p) => !p.summary.reportsNotWritten);
    const largestWritten = written.length ? written[written.length - 1].results : 0;
    check(
      `cost linear in Results (growth exponent <= ${LINEAR_EXPONENT}, up to ${largest})`,
      `worst exponent: reporter time ${worst.reporterS.toFixed(2)}, added CPU ${worst.addedCpuS.toFixed(2)}, parent RSS growth ${worst.rssGrowthMiB.toFixed(2)}`,
      Object.values(worst).every((e) => e <= LINEAR_EXPONENT),
    );
    check(
      `a report for every size of the series (up to ${largest} Results)`,
      `largest size with its JSON report written: ${largestWritten.toLocaleString('en-US')}`,
      written.length === points.length,
    );
  }
  return targets;
}

// The overhead target's scenario for each layout (the ids of mainTargets).
const OVERHEAD_SCENARIOS = {
  'overhead-in-band': 'tests-2000-in-band',
  'overhead-2-workers': 'tests-2000-2-workers',
};

/**
 * Context under target 1, not targets: the floor's own ratio to plain Jest,
 * and rampart's excess over the floor, in the overhead target's layout.
 */
function floorLines(scenarios, targetId) {
  const s = scenarios[OVERHEAD_SCENARIOS[targetId]]?.summary;
  if (!s?.floorWallS) return [];
  const layout = targetId.replace('overhead-', '').replace('-', ' ');
  return [
    [
      `    floor/plain, ${layout}`,
      s.floorToPlainRatio.n,
      cell(s.floorToPlainRatio, 3),
      '-',
      'reference',
    ],
    [
      `    rampart/floor, ${layout}`,
      s.rampartToFloorRatio.n,
      cell(s.rampartToFloorRatio, 3),
      '-',
      'reference',
    ],
  ];
}

/** The tables `npm run bench` prints. */
function renderTables(output) {
  const { machine, measured, scenarios } = output;
  const parts = [
    `rampart benchmark - node ${machine.node}, jest ${machine.jest}, ${machine.cpus} CPUs (${machine.cpuModel}), ` +
      `${measured.source} at ${String(measured.commit).slice(0, 7)}` +
      (measured.srcLocalChanges > 0
        ? ` + ${measured.srcLocalChanges} local change(s) in src/`
        : ''),
    'Medians with (min–max); n = rounds of alternating plain/rampart(/bare/floor) runs. Shared 2-core machine: numbers are noisy.',
  ];
  const overhead = ['tests-2000-in-band', 'tests-2000-2-workers']
    .map((id) => scenarios[id])
    .filter((s) => s && s.summary);
  if (overhead.length > 0) {
    parts.push(
      '',
      `Overhead on ${overhead[0].label}`,
      table(
        [
          'layout',
          'n',
          'plain s',
          'rampart s',
          'ratio rampart/plain',
          'CPU ratio',
          'overhead s',
          'rampart reporter s',
          'test workers',
        ],
        overhead.map((s) => [
          s.layout,
          s.summary.ratio.n,
          cell(s.summary.plainWallS, 2),
          cell(s.summary.rampartWallS, 2),
          cell(s.summary.ratio, 3),
          cell(s.summary.cpuRatio, 3),
          cell(s.summary.overheadS, 2),
          cell(s.summary.reporterTotalS, 3),
          s.workers > 1 ? cell(s.summary.testWorkers, 0) : '-',
        ]),
      ),
    );
    // The reference configs run in the same rounds (bench/suites.js), one table each.
    const references = [
      {
        key: 'floorWallS',
        title:
          "Floor: the same tests through bench/floor/, the least work with rampart's guarantees (one spool write per test; decode, JSON report, HTML page)",
        columns: [
          ['floor s', (s) => cell(s.floorWallS, 2)],
          ['ratio floor/plain', (s) => cell(s.floorToPlainRatio, 3)],
          ['ratio rampart/floor', (s) => cell(s.rampartToFloorRatio, 3)],
          ['floor CPU s', (s) => cell(s.floorCpuS, 2)],
          ['floor reporter s', (s) => cell(s.floorReporterTotalS, 3)],
        ],
      },
      {
        key: 'bareWallS',
        title:
          'Importing rampart: bare = the same tests building look-alike objects without importing rampart',
        columns: [
          ['bare s', (s) => cell(s.bareWallS, 2)],
          ['ratio plain/bare', (s) => cell(s.importRatio, 3)],
          ['ratio rampart/bare', (s) => cell(s.rampartToBareRatio, 3)],
        ],
      },
    ];
    for (const { key, title, columns } of references) {
      const measured = overhead.filter((s) => s.summary[key]);
      if (measured.length > 0)
        parts.push(
          '',
          title,
          table(
            ['layout', 'n', ...columns.map(([header]) => header)],
            measured.map((s) => [
              s.layout,
              s.summary[key].n,
              ...columns.map(([, value]) => value(s.summary)),
            ]),
          ),
        );
    }
  }
  const large = Object.values(scenarios).filter((s) => s.summary && !s.id.startsWith('tests-2000'));
  if (large.length > 0) {
    parts.push(
      '',
      'Large runs (reporter s: total inside rampart/reporter; after last test: from the last file result on)',
      table(
        [
          'case',
          'layout',
          'n',
          'plain s',
          'rampart s',
          'reporter s',
          'after last test s',
          'last result to exit s',
          'parent RSS MiB plain',
          'parent RSS MiB rampart',
          'worker RSS MiB rampart',
          'report MB',
        ],
        large.map((s) => [
          s.id,
          s.layout,
          s.summary.ratio.n,
          cell(s.summary.plainWallS, 2),
          cell(s.summary.rampartWallS, 2),
          cell(s.summary.reporterTotalS, 2),
          cell(s.summary.reporterAfterLastTestS, 2),
          cell(s.summary.lastResultToExitS, 2),
          cell(s.summary.plainParentRssMiB, 0),
          cell(s.summary.rampartParentRssMiB, 0),
          s.workers > 1 ? cell(s.summary.rampartWorkerRssMiB, 0) : '-',
          cell(s.summary.reportMB, 1),
        ]),
      ),
    );
  }
  const points = scalingPoints(scenarios);
  if (points.length > 0) {
    const exp = {
      reporterS: exponents(points, 'reporterS'),
      addedCpuS: exponents(points, 'addedCpuS'),
      rssGrowthMiB: exponents(points, 'rssGrowthMiB'),
    };
    const e = (v) => (v === null || v === undefined ? 'n/a' : v.toFixed(2));
    parts.push(
      '',
      'Scaling (100 files x 10 tests, 2 workers; added CPU = parent + test workers, rampart - plain;\n exponent = log-log growth from the previous row, 1.00 = linear, n/a = cost within noise of 0)',
      table(
        [
          'Results',
          'n',
          'wall overhead s',
          'added CPU s',
          'reporter s',
          'reporter us/Result',
          'parent RSS growth MiB',
          'exponent reporter / CPU / RSS',
        ],
        points.map((p, i) => [
          p.results.toLocaleString('en-US'),
          p.n,
          cell(p.summary.overheadS, 2),
          cell(p.summary.addedCpuS, 2),
          cell(p.summary.reporterTotalS, 2),
          ((p.reporterS * 1e6) / p.results).toFixed(1),
          p.rssGrowthMiB.toFixed(0),
          i === 0
            ? '-'
            : `${e(exp.reporterS[i - 1])} / ${e(exp.addedCpuS[i - 1])} / ${e(exp.rssGrowthMiB[i - 1])}`,
        ]),
      ),
    );
  }
  const notes = Object.values(scenarios).flatMap((s) => [
    ...(s.summary?.reportsNotWritten
      ? [
          `${s.id}: the JSON report was NOT written in ${s.summary.reportsNotWritten} of ${s.summary.ratio.n} runs: ${s.summary.rampartWarnings.join(' | ')}`,
        ]
      : []),
    ...(s.noisyRoundsUsed
      ? [
          `${s.id}: ${s.noisyRoundsUsed} of ${s.summary.ratio.n} rounds ran while others used > 0.25 cores`,
        ]
      : []),
  ]);
  if (notes.length > 0) parts.push('', 'Notes:', ...notes.map((n) => `  ${n}`));
  const noise = Object.values(scenarios)
    .filter((s) => s.summary?.foreignCpuS)
    .map(
      (s) =>
        `${s.id} ${s.summary.foreignCpuS.median.toFixed(2)} (max ${s.summary.foreignCpuS.max.toFixed(2)})`,
    );
  if (noise.length > 0)
    parts.push(
      '',
      `Noise: CPU-s used by other processes during a run, median: ${noise.join(', ')}`,
    );
  const page = scenarios['html-100k']?.html;
  if (page)
    parts.push(
      '',
      scenarios['html-100k'].label,
      table(
        ['n', 'written s', 'HTML MB', 'JSON MB', 'HTML/JSON', 'opened in s'],
        [
          [
            page.openS.n,
            page.writeS.toFixed(2),
            page.htmlMB.toFixed(1),
            page.jsonMB.toFixed(1),
            page.sizeRatio.toFixed(2),
            cell(page.openS, 2),
          ],
        ],
      ),
    );
  const perTest = scenarios['per-test'];
  if (perTest?.usPerTest)
    parts.push(
      '',
      `${perTest.label} (${perTest.method})`,
      table(
        ['part', 'us per test'],
        [
          ['total', cell(perTest.usPerTest, 1)],
          ...(perTest.floor ? [['floor (total)', cell(perTest.floor.usPerTest, 1)]] : []),
          ...Object.entries(perTest.parts ?? {}).map(([name, s]) => [name, cell(s, 1)]),
        ],
      ),
    );
  else if (perTest?.skipped) parts.push('', `${perTest.label}: not measured (${perTest.skipped})`);
  const targets = output.targets ?? [];
  const checks = targets.filter((t) => t.group === 'checks');
  if (checks.length > 0) {
    parts.push('', 'Further checks');
    for (const t of checks) parts.push(`  [${t.status.toUpperCase()}] ${t.target}: ${t.value}`);
  }
  const rejected = Object.values(scenarios).flatMap((s) =>
    (s.rejected ?? []).map((r) => `${s.id}: ${r.why}`),
  );
  if (rejected.length > 0) parts.push('', 'Discarded runs:', ...rejected.map((r) => `  ${r}`));
  const main = targets.filter((t) => t.group === 'targets');
  if (main.length > 0)
    parts.push(
      '',
      'Performance targets (docs/performance.md): median (min–max) of n rounds',
      table(
        ['target', 'n', 'measured', 'limit', 'status'],
        main.flatMap((t) => [
          [
            t.target,
            t.measured?.n ?? '-',
            t.value,
            t.limit,
            t.noisyRounds > 0 ? `${t.status} (${t.noisyRounds} noisy rounds)` : t.status,
          ],
          ...floorLines(scenarios, t.id),
        ]),
      ),
    );
  return parts.join('\n');
}

module.exports = { renderTables, evaluateTargets };
