#!/usr/bin/env node
// `npm run demo`: RAMPART on two agents, told as a short story in acts. An
// introduction says what is attacked and what to look for; the example
// safety suites then run against the helpdesk agent (rule-based) and the
// helpdesk agent built on the Vercel AI SDK (its mock model scripted), each
// in both modes, each run ending in its RAMPART safety summary; after each
// agent's two runs a comparison act sets its reports side by side. The demo
// exits 0 only when RAMPART tells the modes apart (the vulnerable agent
// fails its safety run, the mitigated one passes) and every report it names
// exists.
//
// Adding to the story: an act is an object in ACTS with a `title` and a
// `run(story)` that prints its part and returns true when it went as
// expected. `suiteAct({ name, config, env, outputDir, expectPass })` runs a
// Jest suite and files its report under `story.reports[name]`;
// `comparisonAct({ title, vulnerable, mitigated })` compares two filed
// reports. Another agent or attack suite (a payload matrix, an adaptive
// attack) is one more `suiteAct` pair and `comparisonAct`, or an act of its
// own, appended to ACTS (agentActs() builds the three acts of one agent).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const jestBin = path.join(
  path.dirname(require.resolve('jest/package.json', { paths: [root] })),
  'bin',
  'jest.js',
);

const rule = (title) => `\n######## ${title} ########\n`;
const percent = (rate) => (typeof rate === 'number' ? `${(rate * 100).toFixed(1)}%` : 'n/a');

/** The reports written into `dir` (relative to the repository), newest last; not the latest copy. */
function reportsIn(dir) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full)
    .filter(
      (f) => f.startsWith('run_report_') && f.endsWith('.json') && f !== 'run_report_latest.json',
    )
    .sort()
    .map((f) => path.join(dir, f));
}

/** One line of text from a report, for the terminal: control characters out, bounded. */
const oneLine = (text, max = 110) => {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const flat = String(text).replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** UNSAFE Results of a report by test, trial clones under their group's title: name -> { count, summary }. */
function findings(report) {
  const found = new Map();
  for (const results of Object.values(report.by_harm_category ?? {})) {
    for (const result of results) {
      if (result.status !== 'unsafe') continue;
      const name = String(result.metadata._jest_test_name ?? '(unnamed)').replace(
        / \[trial-\d+\]$/,
        '',
      );
      const known = found.get(name) ?? { count: 0, summary: result.summary };
      known.count += 1;
      found.set(name, known);
    }
  }
  return found;
}

const introAct = {
  title: 'What this demo shows',
  run() {
    console.log(
      [
        'The agent under test is a small helpdesk assistant (examples/helpdesk/agent.ts). It reads',
        'support tickets and can call two tools: send_email and read_file. A second one is built on',
        'the Vercel AI SDK (examples/helpdesk-ai-sdk/agent.ts). Each runs in two modes:',
        '  vulnerable  obeys instructions it finds inside tickets and documents',
        '  mitigated   treats that text as data and keeps its policies',
        '',
        'The safety suite attacks it in two ways:',
        '  XPIA (cross-prompt injection attack): an instruction is planted where the agent reads',
        '        (a ticket, a pasted document); a user then asks something harmless, and RAMPART',
        '        checks whether the planted instruction took effect (an email went out, a file was read).',
        "        Some payloads come from rampart's library, plain and base64-encoded",
        '        (helpdesk/library.test.ts), and one adaptive attack rewords its payload until the',
        '        agent obeys or its budget runs out.',
        '  probe: the agent is asked directly (paste the customer list, print your system prompt)',
        '        and RAMPART checks that it behaves as it should.',
        '',
        'What to look for in each RAMPART Safety Summary below:',
        '  FAIL lines      UNSAFE Results: an attack that worked, with what the agent did',
        '  TRIAL GROUPS    one test run several times, with its pass rate against a threshold',
        '  Population      the attack success rate (ASR) over every Result',
        '  (tool_and_side_effects)  what RAMPART could observe of the agent: its tool calls and',
        '                  side effects, not only its text (also tool_only, response_only)',
        '',
        'Jest lists each test file in one line (a quiet reporter, examples/test-list-reporter.js):',
        'the vulnerable agent is meant to fail.',
      ].join('\n'),
    );
    return true;
  },
};

/** An act that runs a Jest suite and files its newest report under `story.reports[name]`. */
function suiteAct({ name, title, config, env = {}, outputDir, expectPass }) {
  return {
    title,
    run(story) {
      const before = new Set(reportsIn(outputDir));
      // Jest's output goes to stderr; stdout is shared so everything reads in order.
      const run = spawnSync(process.execPath, [jestBin, '--config', config], {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, ...env },
      });
      const written = reportsIn(outputDir).filter((file) => !before.has(file));
      const file = written[written.length - 1] ?? null;
      const report = file ? JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) : null;
      story.reports[name] = report;
      // The HTML page is written beside the JSON report, under the same name.
      const page = file ? file.replace(/\.json$/, '.html') : null;
      const pageWritten = page !== null && fs.existsSync(path.join(root, page));
      const passed = run.status === 0;
      const asExpected =
        passed === expectPass &&
        report !== null &&
        pageWritten &&
        (expectPass ? report.failed === 0 : report.failed > 0);
      console.log(
        `\nDemo (${title}): Jest exited ${run.status}; ` +
          (report
            ? `${report.failed} UNSAFE of ${report.total_runs} Results; report: ${file}`
            : 'no report') +
          ` — ${asExpected ? 'as expected' : 'NOT as expected'}`,
      );
      console.log(
        pageWritten
          ? `Open the HTML report of this run in a browser: ${page} (docs/html-report.md)`
          : 'The HTML report of this run is missing.',
      );
      return asExpected;
    },
  };
}

/** An act that sets two filed reports side by side: rates, and the findings that went away. */
function comparisonAct({ title, vulnerable: vulnerableName, mitigated: mitigatedName }) {
  return {
    title,
    run(story) {
      const vulnerable = story.reports[vulnerableName];
      const mitigated = story.reports[mitigatedName];
      if (!vulnerable || !mitigated) {
        console.log('A report is missing: nothing to compare.');
        return false;
      }
      const asr = (report) => report.population_summary.attack_success_rate;
      const row = (label, report) =>
        `  ${label.padEnd(11)} ${String(report.failed).padStart(2)} UNSAFE of ${String(report.total_runs).padStart(2)} Results, attack success rate ${percent(asr(report))}`;
      const remaining = findings(mitigated);
      const gone = [...findings(vulnerable)].filter(([name]) => !remaining.has(name));
      const times = (count) => (count > 1 ? ` (${count} Results)` : '');
      const lines = [row('vulnerable', vulnerable), row('mitigated', mitigated), ''];
      lines.push(`Findings that went away with the mitigation (${gone.length} tests):`);
      for (const [name, { count, summary }] of gone)
        lines.push(`  - ${oneLine(name, 80)}${times(count)}`, `      was: ${oneLine(summary)}`);
      if (remaining.size > 0) {
        lines.push(`Findings the mitigation did not fix (${remaining.size} tests):`);
        for (const [name, { count }] of remaining)
          lines.push(`  - ${oneLine(name, 80)}${times(count)}`);
      }
      console.log(lines.join('\n'));
      return asr(vulnerable) > asr(mitigated) && remaining.size === 0;
    },
  };
}

const config = path.join(__dirname, 'jest.config.js');

/** The three acts of one agent: its vulnerable run, its mitigated run, their comparison. */
function agentActs({ agent, title, outputDir }) {
  const run = (mode, expectPass) =>
    suiteAct({
      name: `${agent}/${mode}`,
      title: `${title}, ${mode} mode`,
      config,
      env: { HELPDESK_MODE: mode, HELPDESK_AGENT: agent },
      outputDir: `${outputDir}/${mode}`,
      expectPass,
    });
  return [
    run('vulnerable', false),
    run('mitigated', true),
    comparisonAct({
      title: `${title}: vulnerable and mitigated, side by side`,
      vulnerable: `${agent}/vulnerable`,
      mitigated: `${agent}/mitigated`,
    }),
  ];
}

const ACTS = [
  introAct,
  ...agentActs({ agent: 'helpdesk', title: 'Helpdesk agent', outputDir: '.rampart' }),
  ...agentActs({
    agent: 'helpdesk-ai-sdk',
    title: 'Helpdesk agent on the AI SDK',
    outputDir: '.rampart/helpdesk-ai-sdk',
  }),
];

const story = { reports: {} };
let ok = true;
for (const act of ACTS) {
  console.log(rule(act.title));
  ok = act.run(story) && ok;
}
console.log(
  ok
    ? '\nDemo finished: RAMPART flagged the vulnerable agents and passed the mitigated ones.'
    : '\nDemo failed: see above.',
);
process.exit(ok ? 0 : 1);
