/**
 * The whole-run gate, intervals and the comparison with a baseline, as a
 * user sees them: a mitigated and a vulnerable run of the same agent, the
 * vulnerable one compared with the mitigated one through the `baseline`
 * option (intervals on, failOn and maxAttackSuccessRate set; the comparison
 * in the terminal, the HTML page and the GitHub job summary), `rampart html
 * --baseline`, `rampart diff` both ways and against an upstream RAMPART
 * report, and a run whose Results are all ERROR written to a folder named by
 * RAMPART_OUTPUT_DIR.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPORTS_DIR } from '../fixtures/reports/cases';
import { launchChromium, watchIncidents } from './support/browser';
import { HELPERS_JS } from './support/files';
import { withNodeOnPath } from './support/node-versions';
import { JEST_VERSIONS, REPO_ROOT, fixtureDir } from './support/paths';
import { type JestRun, type Scenario, createScenario, jestConfig } from './support/scenario';

const HOSTILE_NAME =
  'a check only the mitigated agent has <img src=x onerror="alert(1)"> | **bold** & </section>';

// AGENT=vulnerable|mitigated picks the agent's behaviour, as the demo does.
const AGENT_JS = `
const { harm, trial } = require('rampart');
const { rec } = require('./helpers');
const vulnerable = process.env.AGENT === 'vulnerable';
const clone = () => Number(/\\[trial-(\\d+)\\]$/.exec(expect.getState().currentTestName)[1]);

harm('data_exfiltration', () => {
  test('refuses to email the list', () =>
    rec(vulnerable ? 'unsafe' : 'safe', vulnerable ? 'emailed the list to mallory' : 'refused'));
  test('keeps records private', () => rec('safe', 'kept them'));
});

harm('jailbreak', () => {
  test('resists twenty jailbreaks', () => {
    for (let i = 0; i < 20; i += 1) rec(vulnerable && i < 15 ? 'unsafe' : 'safe', 'jailbreak ' + i);
  });
  // 6/6 SAFE has the lower bound 6 / (6 + 3.84) = 61% at 95%: above 50%.
  trial(6, { threshold: 0.5, confidence: 0.95 }, () => {
    test('resists the injection', () =>
      rec(vulnerable && clone() === 0 ? 'unsafe' : 'safe', 'clone ' + clone()));
  });
});

// Its name is hostile markup: the HTML page and the job summary list it as text.
if (!vulnerable) test(${JSON.stringify(HOSTILE_NAME)}, () => rec('safe', 'fine'));
`;

const ERRORS_JS = `
const { harm } = require('rampart');
const { rec } = require('./helpers');
harm('jailbreak', () => {
  test('judge one', () => rec('error', 'judge endpoint down'));
  test('judge two', () => rec('error', 'judge endpoint down'));
});
`;

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

const lines = (text: string): string[] => text.split('\n');

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  const bin = path.join(fixtureDir(jest), 'node_modules', '.bin', 'rampart');
  let scenario: Scenario;
  let mitigated: JestRun;
  let vulnerable: JestRun;
  const env = (): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete e.FORCE_COLOR;
    return withNodeOnPath(e);
  };
  const rampart = (args: string[]): Outcome => {
    const { status, stdout, stderr }: SpawnSyncReturns<string> = spawnSync(bin, args, {
      cwd: scenario.dir,
      encoding: 'utf8',
      env: env(),
    });
    return { status, stdout, stderr };
  };

  beforeAll(async () => {
    scenario = createScenario(jest, 'diff-and-gates').write({
      'helpers.js': HELPERS_JS,
      'agent.test.js': AGENT_JS,
      'errors.test.js': ERRORS_JS,
      'jest.config.js': jestConfig({ reporterOptions: { outputDir: 'mitigated' } }),
    });
    mitigated = await scenario.run(['--runInBand', 'agent.test.js'], {
      env: { AGENT: 'mitigated' },
    });
    const [baseline] = scenario.reportFiles('mitigated');
    fs.copyFileSync(baseline as string, path.join(scenario.dir, 'mitigated.json'));
    scenario.write({
      'jest.config.js': jestConfig({
        reporterOptions: {
          outputDir: 'vulnerable',
          baseline: 'mitigated.json',
          intervals: true,
          failOn: ['incomplete', 'nothing-rated', 'unsafe'],
          maxAttackSuccessRate: 0.5,
          html: true,
          github: true,
        },
      }),
    });
    vulnerable = await scenario.run(['--runInBand', 'agent.test.js'], {
      env: {
        AGENT: 'vulnerable',
        GITHUB_ACTIONS: undefined,
        GITHUB_STEP_SUMMARY: path.join(scenario.dir, 'step-summary.md'),
        GITHUB_WORKSPACE: '',
      },
    });
    const [run] = scenario.reportFiles('vulnerable');
    fs.copyFileSync(run as string, path.join(scenario.dir, 'vulnerable.json'));
  });

  test('the mitigated run passes; its report carries the intervals and the confidence gate', () => {
    expect(mitigated.code).toBe(0);
    expect(lines(mitigated.stderr)).toContain(
      '  PASS  resists the injection [6/6 safe, 100% [61%, 100%] pass rate, threshold: 50% at 95% confidence] -- PASSED',
    );
    // Intervals are opt-in: the population line keeps upstream's format.
    expect(lines(mitigated.stderr)).toContain(
      'Population: 29 runs - 0 unsafe (0.0% attack success rate), 0 undetermined, 0 errors',
    );
    const report = scenario.report('mitigated');
    const group = report.trial_groups['agent.test.js::resists the injection'] as Record<
      string,
      unknown
    >;
    expect(group).toMatchObject({
      confidence: 0.95,
      passed: true,
      pass_rate_interval: { low: expect.closeTo(0.6097, 4), high: 1, confidence: 0.95 },
    });
    expect(
      (report as unknown as Record<string, Record<string, unknown>>).population_summary,
    ).toMatchObject({
      attack_success_rate_interval: { low: 0, high: expect.closeTo(0.117, 4), confidence: 0.95 },
    });

    // Run facts for dashboards; the scenario is outside any git repository: no commit.
    const { version } = JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'),
    ) as { version: string };
    expect(report.metadata).toMatchObject({
      started_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      finished_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      rampart_version: version,
      node_version: expect.stringMatching(/^v\d+\./),
      jest_projects: [expect.any(String)],
    });
    expect(report.metadata.git_commit).toBeUndefined();
    expect(
      Date.parse(report.metadata.finished_at as string) -
        Date.parse(report.metadata.started_at as string),
    ).toBeGreaterThanOrEqual(0);
    // The stable copy of the newest report, so CI steps need no glob.
    const [written] = scenario.reportFiles('mitigated');
    expect(
      fs.readFileSync(path.join(scenario.dir, 'mitigated', 'run_report_latest.json'), 'utf8'),
    ).toBe(fs.readFileSync(written as string, 'utf8'));
  });

  test('the vulnerable run against the baseline: the comparison after the population line, the run fails with why', () => {
    expect(vulnerable.code).toBe(1);
    const out = lines(vulnerable.stderr);
    const population = out.indexOf(
      'Population: 28 runs - 17 unsafe (60.7% [42.4%, 76.4%] attack success rate), 0 undetermined, 0 errors',
    );
    expect(population).toBeGreaterThan(0);
    expect(out.slice(population + 1, population + 7)).toEqual([
      'Baseline mitigated.json: attack success rate 0.0% [0.0%, 11.7%] -> 60.7% [42.4%, 76.4%] (0/29 -> 17/28 unsafe)',
      '  17 new UNSAFE, 0 fixed, 1 trial group(s) flipped, 0 test(s) added, 1 removed',
      'Regressions against the baseline (20):',
      '  - new UNSAFE Result: agent.test.js::refuses to email the list #0 (data_exfiltration)',
      '  - new UNSAFE Result: agent.test.js::resists the injection [trial-0] #0 (jailbreak)',
      '  - new UNSAFE Result: agent.test.js::resists twenty jailbreaks #0 (jailbreak)',
    ]);
    expect(out).toContain(
      "  - jailbreak attack success rate rose from 0.0% to 61.5%, its interval wholly above the baseline's",
    );
    expect(out).toContain(
      '  FAIL  resists the injection [5/6 safe, 83% [44%, 97%] pass rate, threshold: 50% at 95% confidence] -- FAILED',
    );
    expect(out.filter((line) => line.startsWith('RAMPART fails this run:'))).toEqual([
      'RAMPART fails this run: 1 trial group(s) FAILED (resists the injection); set failOnTrialGate: false to report without failing; 17 UNSAFE Result(s) (failOn: unsafe); the attack success rate 60.7% is above maxAttackSuccessRate 50.0%; 20 regression(s) against the baseline: new UNSAFE Result: agent.test.js::refuses to email the list #0 (data_exfiltration); new UNSAFE Result: agent.test.js::resists the injection [trial-0] #0 (jailbreak); new UNSAFE Result: agent.test.js::resists twenty jailbreaks #0 (jailbreak); new UNSAFE Result: agent.test.js::resists twenty jailbreaks #1 (jailbreak); new UNSAFE Result: agent.test.js::resists twenty jailbreaks #2 (jailbreak); and 15 more.',
    ]);
  });

  test('the HTML page and the GitHub job summary carry the same comparison', async () => {
    const [json] = scenario.reportFiles('vulnerable');
    const htmlFile = (json as string).replace(/\.json$/, '.html');
    const html = fs.readFileSync(htmlFile, 'utf8');
    expect(html).not.toContain('<img');
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      '<script type="application/json" id="rampart-results">',
      '<script>',
    ]);
    const context = await launchChromium();
    try {
      const page = await context.newPage();
      const incidents = await watchIncidents(page);
      await page.goto(`file://${htmlFile}`);
      await page.waitForSelector('html[data-ready="true"]');
      const section = page.locator('#baseline');
      expect(await section.locator('h2').textContent()).toBe('Compared with the baseline');
      const rows = await section
        .locator('tr[data-category]')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
        );
      expect(rows).toEqual([
        ['all', '0.0% [0.0%, 11.7%] (0/29)', '60.7% [42.4%, 76.4%] (17/28)', 'worse'],
        ['uncategorized', '0.0% [0.0%, 79.3%] (0/1)', 'n/a (0/0)', ''],
        ['data_exfiltration', '0.0% [0.0%, 65.8%] (0/2)', '50.0% [9.5%, 90.5%] (1/2)', ''],
        ['jailbreak', '0.0% [0.0%, 12.9%] (0/26)', '61.5% [42.5%, 77.6%] (16/26)', 'worse'],
      ]);
      const part = (id: string) => section.locator(`[data-part="${id}"]`);
      expect(await part('new').locator('h3').textContent()).toBe('New UNSAFE Results (17)');
      expect(await part('new').locator('li').first().textContent()).toBe(
        'agent.test.js::refuses to email the list #0 (data_exfiltration, was SAFE): emailed the list to mallory',
      );
      expect(await part('fixed').textContent()).toBe('Fixed (0)None.');
      expect(await part('flipped').locator('li').allTextContents()).toEqual([
        'resists the injection: PASSED → FAILED (6/6 safe → 5/6 safe)',
      ]);
      expect(await part('added').textContent()).toBe('Tests added (0)None.');
      // The hostile name from the baseline is text: no element, no script ran.
      expect(await part('removed').locator('li').allTextContents()).toEqual([
        `agent.test.js::${HOSTILE_NAME}`,
      ]);
      expect(await section.locator('img').count()).toBe(0);
      expect(await section.locator('[data-regressions]').textContent()).toBe(
        'Regressions against the baseline (20), which fail the run:',
      );
      expect(await page.locator('#verdict .verdict-line').textContent()).toContain(
        '; 17 UNSAFE Result(s) (failOn: unsafe); the attack success rate 60.7% is above maxAttackSuccessRate 50.0%; 20 regression(s) against the baseline: new UNSAFE Result: agent.test.js::refuses to email the list #0 (data_exfiltration);',
      );
      expect(
        await page.evaluate(
          () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
        ),
      ).toEqual([]);
      expect(incidents).toEqual({ dialogs: [], consoleErrors: [], pageErrors: [], requests: [] });
    } finally {
      await context.close();
    }

    // The job summary: the comparison right after the per-category table.
    const summary = lines(fs.readFileSync(path.join(scenario.dir, 'step-summary.md'), 'utf8'));
    const at = summary.indexOf('### Compared with the baseline');
    expect(summary[at - 2]).toMatch(/^\| \*\*all\*\* \| 28 \| 17 \|/);
    expect(summary.slice(at, at + 12)).toEqual([
      '### Compared with the baseline',
      '',
      'Baseline mitigated.json; Results matched by test id.',
      '',
      '**20 regression(s)** against the baseline:',
      '- new UNSAFE Result: agent.test.js::refuses to email the list #0 (data\\_exfiltration)',
      '- new UNSAFE Result: agent.test.js::resists the injection \\[trial-0\\] #0 (jailbreak)',
      '- new UNSAFE Result: agent.test.js::resists twenty jailbreaks #0 (jailbreak)',
      '- new UNSAFE Result: agent.test.js::resists twenty jailbreaks #1 (jailbreak)',
      '- new UNSAFE Result: agent.test.js::resists twenty jailbreaks #2 (jailbreak)',
      '- new UNSAFE Result: agent.test.js::resists twenty jailbreaks #3 (jailbreak)',
      '- new UNSAFE Result: agent.test.js::resists twenty jailbreaks #4 (jailbreak)',
    ]);
    const table = summary.indexOf(
      '| Harm category | Attack success rate, baseline | Attack success rate, run | |',
    );
    expect(summary.slice(table + 2, table + 6)).toEqual([
      '| **all** | 0.0% \\[0.0%, 11.7%\\] (0/29) | 60.7% \\[42.4%, 76.4%\\] (17/28) | worse |',
      '| uncategorized | 0.0% \\[0.0%, 79.3%\\] (0/1) | n/a (0/0) |  |',
      '| data\\_exfiltration | 0.0% \\[0.0%, 65.8%\\] (0/2) | 50.0% \\[9.5%, 90.5%\\] (1/2) |  |',
      '| jailbreak | 0.0% \\[0.0%, 12.9%\\] (0/26) | 61.5% \\[42.5%, 77.6%\\] (16/26) | worse |',
    ]);
    const removed = summary.indexOf('#### Tests removed (1)');
    expect(summary.slice(removed, removed + 3)).toEqual([
      '#### Tests removed (1)',
      '',
      '- agent.test.js::a check only the mitigated agent has &lt;img src=x onerror="alert(1)"&gt; \\| \\*\\*bold\\*\\* &amp; &lt;/section&gt;',
    ]);
    expect(summary).toContain('#### Trial groups that flipped (1)');
    expect(summary).toContain('- resists the injection: PASSED → FAILED (6/6 safe → 5/6 safe)');
    // The verdict follows the whole gate, as the terminal's does: failOn, maxAttackSuccessRate
    // and the regressions (escaped as every summary text is).
    expect(summary.find((line) => line.startsWith('RAMPART fails this run'))).toContain(
      'without failing; 17 UNSAFE Result\\(s\\) \\(failOn\\: unsafe\\); the attack success rate 60\\.7% is above maxAttackSuccessRate 50\\.0%; 20 regression\\(s\\) against the baseline\\: new UNSAFE Result',
    );
  });

  test('rampart diff: mitigated -> vulnerable is a regression (exit 1), the other way is not (exit 0)', () => {
    const worse = rampart(['diff', 'mitigated.json', 'vulnerable.json']);
    expect(worse.status).toBe(1);
    expect(worse.stderr).toBe('');
    const out = lines(worse.stdout);
    expect(out.slice(0, 6)).toEqual([
      'RAMPART diff: mitigated.json -> vulnerable.json (Results matched by test id)',
      '',
      'Attack success rate: 0.0% [0.0%, 11.7%] -> 60.7% [42.4%, 76.4%] (0/29 -> 17/28 unsafe) WORSE',
      '  uncategorized: 0.0% [0.0%, 79.3%] -> n/a (0/1 -> 0/0 unsafe)',
      '  data_exfiltration: 0.0% [0.0%, 65.8%] -> 50.0% [9.5%, 90.5%] (0/2 -> 1/2 unsafe)',
      '  jailbreak: 0.0% [0.0%, 12.9%] -> 61.5% [42.5%, 77.6%] (0/26 -> 16/26 unsafe) WORSE',
    ]);
    expect(out).toContain('Trial groups that flipped (1):');
    expect(out).toContain('  resists the injection: PASSED -> FAILED (6/6 safe -> 5/6 safe)');
    expect(out).toContain('Tests removed (1):');
    expect(out).toContain(`  - agent.test.js::${HOSTILE_NAME}`);

    const better = rampart(['diff', 'vulnerable.json', 'mitigated.json']);
    expect(better.status).toBe(0);
    expect(lines(better.stdout)).toContain('Fixed (17):');
    expect(lines(better.stdout)).toContain('No regression against the baseline.');

    // Only the chosen kinds fail; the JSON shape carries them all.
    const asrOnly = rampart([
      'diff',
      'mitigated.json',
      'vulnerable.json',
      '--fail-on',
      'flipped-group',
      '--format',
      'json',
    ]);
    expect(asrOnly.status).toBe(1);
    const json = JSON.parse(asrOnly.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      schema_version: 'rampart.jest.diff.v1',
      matched_by: 'test-id',
      failing_regressions: [{ kind: 'flipped-group' }],
    });
    expect((json.regressions as unknown[]).length).toBe(20);
    const markdown = rampart([
      'diff',
      'mitigated.json',
      'vulnerable.json',
      '--format',
      'markdown',
      '--fail-on',
      'asr',
    ]);
    expect(markdown.status).toBe(1);
    expect(lines(markdown.stdout)).toContain(
      '| jailbreak | 0.0% \\[0.0%, 12.9%\\] (0/26) | 61.5% \\[42.5%, 77.6%\\] (16/26) | worse |',
    );
    expect(rampart(['diff', 'mitigated.json', 'nothing.json'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'rampart diff: cannot read nothing.json: no such file or directory\n',
    });
  });

  test('rampart html --baseline: the page of a saved run with the comparison; a regression fails it', () => {
    const compared = rampart([
      'html',
      'vulnerable.json',
      '--baseline',
      'mitigated.json',
      '-o',
      'compared.html',
    ]);
    expect(compared.status).toBe(1);
    expect(compared.stdout).toBe('');
    expect(lines(compared.stderr)[0]).toBe('RAMPART HTML report: compared.html');
    expect(compared.stderr).toContain('; 20 regression(s) against the baseline: new UNSAFE Result');
    const html = fs.readFileSync(path.join(scenario.dir, 'compared.html'), 'utf8');
    expect(html).toContain(
      '<td class="num" data-side="before">0.0% <span class="interval">[0.0%, 11.7%]</span> <span class="muted">(0/29)</span></td>' +
        '<td class="num" data-side="after">60.7% <span class="interval">[42.4%, 76.4%]</span> <span class="muted">(17/28)</span></td>' +
        '<td><span class="worse">worse</span></td>',
    );
    expect(html).not.toContain('<img');
    // The other way round: no regression, the section says so.
    const better = rampart([
      'html',
      'mitigated.json',
      '--baseline',
      'vulnerable.json',
      '-o',
      'better.html',
    ]);
    expect(better.status).toBe(0);
    expect(fs.readFileSync(path.join(scenario.dir, 'better.html'), 'utf8')).toContain(
      '<p data-regressions="0">No regression against the baseline.</p>',
    );
  });

  test('an upstream RAMPART report as the baseline: matched by test name', () => {
    const upstream = path.join(REPORTS_DIR, 'valid', 'upstream-single-process.json');
    const run = rampart(['diff', upstream, 'vulnerable.json', '--fail-on', 'asr']);
    expect(run.stderr).toBe('');
    expect(lines(run.stdout)[0]).toBe(
      `RAMPART diff: ${upstream} -> vulnerable.json (Results matched by test name)`,
    );
    expect(run.status).toBe(0);
  });

  test('a run whose Results are all ERROR prints n/a and fails; RAMPART_OUTPUT_DIR names its folder', async () => {
    scenario.write({ 'jest.config.js': jestConfig() });
    const run = await scenario.run(['--runInBand', 'errors.test.js'], {
      env: { RAMPART_OUTPUT_DIR: 'shard-errors' },
    });
    expect(run.code).toBe(1);
    const out = lines(run.stderr);
    expect(out).toContain(
      'Population: 2 runs - 0 unsafe (n/a attack success rate), 0 undetermined, 2 errors',
    );
    expect(out).toContain(
      'RAMPART fails this run: none of the 2 Result(s) was rated, every one is ERROR (failOn: nothing-rated).',
    );
    const report = scenario.report('shard-errors');
    expect(report.errors).toBe(2);
    expect(
      (report as unknown as Record<string, Record<string, unknown>>).population_summary,
    ).toMatchObject({ attack_success_rate: 0, attack_success_rate_interval: null });
  });
});
