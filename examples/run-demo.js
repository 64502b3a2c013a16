#!/usr/bin/env node
// `npm run demo`: runs the example safety suites against the helpdesk agent
// (rule-based) and the helpdesk agent built on the Vercel AI SDK (its mock
// model scripted), each in both modes, and checks that RAMPART tells them
// apart: the vulnerable agent must fail its safety run, the mitigated one
// must pass. Each run prints the RAMPART safety summary and writes its JSON
// report under .rampart/<mode>/ (.rampart/helpdesk-ai-sdk/<mode>/).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const jestBin = path.join(
  path.dirname(require.resolve('jest/package.json', { paths: [root] })),
  'bin',
  'jest.js',
);
const agents = [
  { agent: 'helpdesk', title: 'Helpdesk agent' },
  { agent: 'helpdesk-ai-sdk', title: 'Helpdesk agent on the AI SDK' },
];
const modes = [
  { mode: 'vulnerable', expectPass: false },
  { mode: 'mitigated', expectPass: true },
];

function newestReport(agent, mode) {
  const dir = path.join(root, '.rampart', ...(agent === 'helpdesk' ? [] : [agent]), mode);
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.startsWith('run_report_'))
        .sort()
    : [];
  return files.length ? path.join(dir, files[files.length - 1]) : null;
}

let ok = true;
for (const { agent, title } of agents) {
  for (const { mode, expectPass } of modes) {
    console.log(`\n######## ${title}, ${mode} mode ########\n`);
    const run = spawnSync(
      process.execPath,
      [jestBin, '--config', path.join(__dirname, 'jest.config.js')],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, HELPDESK_MODE: mode, HELPDESK_AGENT: agent },
      },
    );
    const report = newestReport(agent, mode);
    const summary = report ? JSON.parse(fs.readFileSync(report, 'utf8')) : null;
    const passed = run.status === 0;
    const asExpected =
      passed === expectPass &&
      summary !== null &&
      (expectPass ? summary.failed === 0 : summary.failed > 0);
    console.log(
      `\nDemo (${title}, ${mode}): Jest exited ${run.status}, ${summary ? `${summary.failed} UNSAFE of ${summary.total_runs} Results` : 'no report'}` +
        ` — ${asExpected ? 'as expected' : 'NOT as expected'}${report ? `; report: ${path.relative(root, report)}` : ''}`,
    );
    ok = ok && asExpected;
  }
}
console.log(
  ok
    ? '\nDemo finished: RAMPART flagged the vulnerable agents and passed the mitigated ones.'
    : '\nDemo failed: see above.',
);
process.exit(ok ? 0 : 1);
