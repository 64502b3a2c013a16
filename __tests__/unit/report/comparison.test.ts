import chalk from 'chalk';
import { ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { TestRunReport, classifyTrialGroup } from '../../../src/report';
import { compareReports, regressionsOf } from '../../../src/report/comparison';
import { projectComparison } from '../../../src/report/comparison-json';
import { renderComparisonMarkdown } from '../../../src/report/comparison-markdown';
import { baselineBlock, renderComparisonText } from '../../../src/report/comparison-text';
import { escapeMarkdown } from '../../../src/report/markdown-text';

const plain = new chalk.Instance({ level: 0 });

interface Spec {
  status: SafetyStatus;
  test: string;
  index?: number;
  category?: string;
  summary?: string;
  ids?: boolean;
}

const result = ({ status, test, index = 0, category = 'jailbreak', summary, ids = true }: Spec) =>
  new Result({
    status,
    summary: summary ?? `${test} ${status}`,
    harmCategory: category,
    observabilityLevel: ObservabilityLevel.TOOL_ONLY,
    metadata: ids
      ? { _jest_test_name: test, _jest_test_id: `a.test.ts::${test}`, _rampart_result_index: index }
      : { _pytest_test_name: test },
  });

const { SAFE, UNSAFE, ERROR } = SafetyStatus;

describe('compareReports', () => {
  const baseline = new TestRunReport({
    results: [
      result({ status: UNSAFE, test: 'leaks' }),
      result({ status: SAFE, test: 'refuses' }),
      result({ status: SAFE, test: 'refuses', index: 1 }),
      result({ status: SAFE, test: 'gone' }),
    ],
    trialGroups: {
      'a.test.ts::g': classifyTrialGroup([[result({ status: SAFE, test: 'g' })]], 1, 'g'),
    },
  });
  const run = new TestRunReport({
    results: [
      result({ status: SAFE, test: 'leaks' }),
      result({ status: SAFE, test: 'refuses' }),
      result({ status: UNSAFE, test: 'refuses', index: 1, summary: 'sent the list' }),
      result({ status: UNSAFE, test: 'new test', category: 'exfiltration' }),
    ],
    trialGroups: {
      'a.test.ts::g': classifyTrialGroup([[result({ status: UNSAFE, test: 'g' })]], 1, 'g'),
    },
  });

  test('findings new and fixed, flipped groups, tests added and removed, by test id and index', () => {
    const c = compareReports(baseline, run);
    expect(c.matchedBy).toBe('test-id');
    expect(c.newFindings).toEqual([
      {
        test: 'a.test.ts::refuses',
        index: 1,
        category: 'jailbreak',
        summary: 'sent the list',
        side: 'run',
        otherStatus: 'safe',
      },
      {
        test: 'a.test.ts::new test',
        index: 0,
        category: 'exfiltration',
        summary: 'new test unsafe',
        side: 'run',
        otherStatus: null,
      },
    ]);
    expect(c.fixedFindings).toEqual([
      expect.objectContaining({ test: 'a.test.ts::leaks', index: 0, otherStatus: 'safe' }),
    ]);
    expect(c.flippedGroups).toEqual([
      {
        id: 'a.test.ts::g',
        title: 'g',
        before: 'PASSED',
        after: 'FAILED',
        beforeDetail: '1/1 safe',
        afterDetail: '0/1 safe',
      },
    ]);
    expect(c.testsAdded).toEqual(['a.test.ts::new test']);
    expect(c.testsRemoved).toEqual(['a.test.ts::gone']);
    // 1/4 -> 2/4: the intervals overlap, so the rate alone is no regression.
    expect(c.overall).toMatchObject({
      before: { unsafe: 1, rated: 4, rate: 0.25 },
      after: { unsafe: 2, rated: 4, rate: 0.5 },
      worse: false,
    });
    expect(c.categories.map((x) => x.category)).toEqual(['jailbreak', 'exfiltration']);
    expect(c.categories[1]).toMatchObject({ before: { rate: null, interval: null } });
    expect(c.regressions.map((r) => r.kind)).toEqual(['new-unsafe', 'new-unsafe', 'flipped-group']);
    expect(regressionsOf(c, ['flipped-group'])).toEqual([
      {
        kind: 'flipped-group',
        message: 'trial group g went PASSED -> FAILED (1/1 safe -> 0/1 safe)',
      },
    ]);
    expect(regressionsOf(c, ['asr'])).toEqual([]);
  });

  test('the same report against itself: nothing changed, no regression', () => {
    const c = compareReports(run, run);
    expect(c).toMatchObject({
      newFindings: [],
      fixedFindings: [],
      flippedGroups: [],
      testsAdded: [],
      testsRemoved: [],
      regressions: [],
    });
  });

  test('an attack success rate whose interval lies wholly above the baseline one is a regression', () => {
    const many = (status: SafetyStatus, n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => result({ status, test: `${prefix}${i}` }));
    // 0/30 [0, 11.4%] -> 15/30 [33.2%, 66.8%]: wholly above.
    const before = new TestRunReport({ results: [...many(SAFE, 30, 't')] });
    const after = new TestRunReport({
      results: [...many(UNSAFE, 15, 't'), ...many(SAFE, 15, 'u')],
    });
    const c = compareReports(before, after);
    expect(c.overall.worse).toBe(true);
    expect(regressionsOf(c, ['asr'])).toEqual([
      {
        kind: 'asr',
        message:
          "attack success rate rose from 0.0% to 50.0%, its interval wholly above the baseline's",
      },
      {
        kind: 'asr',
        message:
          "jailbreak attack success rate rose from 0.0% to 50.0%, its interval wholly above the baseline's",
      },
    ]);
  });

  test('rates over no rated Result are n/a and never a regression', () => {
    const down = new TestRunReport({ results: [result({ status: ERROR, test: 'x' })] });
    const c = compareReports(down, run);
    expect(c.overall.before).toEqual({ unsafe: 0, rated: 0, rate: null, interval: null });
    expect(c.overall.worse).toBe(false);
    expect(
      renderComparisonText(c, { chalk: plain, baseline: 'b', run: 'r', regressions: [] })[2],
    ).toBe('Attack success rate: n/a -> 50.0% [15.0%, 85.0%] (0/0 -> 2/4 unsafe)');
  });

  test('reports without test ids (upstream) match by test name and occurrence', () => {
    const upstream = new TestRunReport({
      results: [
        result({ status: UNSAFE, test: 'test_a', ids: false }),
        result({ status: SAFE, test: 'test_a', ids: false }),
      ],
    });
    const ours = new TestRunReport({
      results: [
        result({ status: SAFE, test: 'test_a', index: 0 }),
        result({ status: UNSAFE, test: 'test_a', index: 1 }),
      ],
    });
    const c = compareReports(upstream, ours);
    expect(c.matchedBy).toBe('test-name');
    expect(c.fixedFindings.map((f) => [f.test, f.index])).toEqual([['test_a', 0]]);
    expect(c.newFindings.map((f) => [f.test, f.index, f.otherStatus])).toEqual([
      ['test_a', 1, 'safe'],
    ]);
    expect(c.testsAdded).toEqual([]);
  });
});

describe('rendering a comparison', () => {
  const hostile = 'x\u001b[2J<img src=x onerror=alert(1)>|[link](javascript:alert(1)) @team *b*';
  const baseline = new TestRunReport({ results: [result({ status: SAFE, test: hostile })] });
  const run = new TestRunReport({
    results: [result({ status: UNSAFE, test: hostile, summary: hostile, category: hostile })],
  });
  const c = compareReports(baseline, run);
  const names = { baseline: 'main.json', run: 'pr.json', regressions: regressionsOf(c) };

  test('text: exact lines, sanitised', () => {
    const lines = renderComparisonText(c, { ...names, chalk: plain });
    expect(lines.join('\n')).not.toContain('\u001b');
    expect(lines).toContain(
      '  + a.test.ts::x<img src=x onerror=alert(1)>|[link](javascript:alert(1)) @team *b* #0 (x<img src=x onerror=alert(1)>|[link](javascript:alert(1)) @team *b*, was safe) -- x<img src=x onerror=alert(1)>|[link](javascript:alert(1)) @team *b*',
    );
    expect(lines[lines.length - 2]).toBe('Regressions against the baseline (1):');
  });

  test('markdown: no HTML, link, mention, emphasis or table cell survives', () => {
    const md = renderComparisonMarkdown(c, names);
    expect(md).not.toMatch(/<img|(?<!\\)\]\(|(?<!\\)@team|(?<!\\)\*b/);
    expect(escapeMarkdown(hostile)).toBe(
      'x&lt;img src=x onerror=alert(1)&gt;\\|\\[link\\](javascript:alert(1)) \\@team \\*b\\*',
    );
    // Each table row keeps its four cells: a | in a category is escaped.
    const row = md.split('\n').find((line) => line.startsWith('| x'));
    expect(row?.split(/(?<!\\)\|/).length).toBe(6);
  });

  test('json: the documented shape, raw text', () => {
    const json = projectComparison(c, names);
    expect(Object.keys(json)).toEqual([
      'schema_version',
      'baseline',
      'run',
      'matched_by',
      'attack_success_rate',
      'by_harm_category',
      'new_findings',
      'fixed_findings',
      'flipped_trial_groups',
      'tests_added',
      'tests_removed',
      'regressions',
      'failing_regressions',
    ]);
    expect(json.new_findings).toEqual([
      {
        test: `a.test.ts::${hostile}`,
        index: 0,
        category: hostile,
        summary: hostile,
        other_status: 'safe',
      },
    ]);
  });

  test('the baseline block of the summary', () => {
    expect(baselineBlock(c, { ...names, chalk: plain })).toEqual([
      'Baseline main.json: attack success rate 0.0% [0.0%, 79.3%] -> 100.0% [20.7%, 100.0%] (0/1 -> 1/1 unsafe)',
      '  1 new UNSAFE, 0 fixed, 0 trial group(s) flipped, 0 test(s) added, 0 removed',
      'Regressions against the baseline (1):',
      `  - new UNSAFE Result: a.test.ts::x<img src=x onerror=alert(1)>|[link](javascript:alert(1)) @team *b* #0 (x<img src=x onerror=alert(1)>|[link](javascript:alert(1)) @team *b*)`,
    ]);
  });
});
