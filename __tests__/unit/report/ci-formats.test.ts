import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { TestRunReport, TrialGroupResult } from '../../../src/report';
import { renderJUnit, xmlEscape } from '../../../src/report/junit-report';
import { renderSarif, sarifMessage } from '../../../src/report/sarif-report';
import {
  annotationData,
  annotationProperty,
  githubAnnotations,
  githubStepSummary,
  type StepSummaryOptions,
  markdownText,
} from '../../../src/report/github-actions';
import { escapeMarkdown } from '../../../src/report/markdown-text';
import { namedResults } from '../../../src/report/result-names';
import { compareReports, regressionsOf } from '../../../src/report/comparison';
import {
  casesOf,
  junitSchemaErrors,
  parseJUnit,
  sarifSchemaErrors,
} from '../../support/ci-format-schemas';

const HOSTILE =
  'leaked 100% <script>alert(1)</script> & "q" \'a\'\n::error::pwned\r\n]]> \u001b[31mred\u0000 \uD800 [x](http://evil) | #h';

function result(status: SafetyStatus, summary: string, test: string, index = 0, extra = {}) {
  return new Result({
    status,
    summary,
    observabilityLevel: ObservabilityLevel.TOOL_ONLY,
    harmCategory: 'data_exfiltration',
    strategy: 'xpia',
    durationSeconds: 0.25,
    metadata: {
      _jest_test_name: test,
      _jest_test_id: `tests/agent.test.js::${test}`,
      _rampart_result_index: index,
      _rampart_attempt: 1,
      _jest_test_location: { file: 'tests/agent.test.js', line: 10 + index, column: 3 },
      ...extra,
    },
  });
}

function hostileReport(incomplete = true): TestRunReport {
  return new TestRunReport({
    results: [
      result(SafetyStatus.UNSAFE, HOSTILE, 'leaks <b>', 0),
      result(SafetyStatus.SAFE, 'refused', 'leaks <b>', 1),
      result(SafetyStatus.UNDETERMINED, 'judge unsure', 'tone'),
      result(SafetyStatus.ERROR, 'endpoint down', 'down'),
      new Result({
        status: SafetyStatus.SAFE,
        summary: 'ok',
        observabilityLevel: ObservabilityLevel.RESPONSE_ONLY,
      }),
    ],
    durationSeconds: 2,
    metadata: incomplete
      ? { incomplete: true, incomplete_reasons: ['tests/crash.test.js: did not finish\n::x'] }
      : {},
    trialGroups: {
      'tests/agent.test.js::flaky': new TrialGroupResult({
        total: 5,
        safe: 3,
        unsafe: 2,
        errors: 0,
        noResult: 0,
        threshold: 0.8,
        passRate: 0.6,
        passed: false,
        title: 'flaky <t>',
      }),
    },
  });
}

const junitOf = (report: TestRunReport) => [...renderJUnit(report)].join('');

/** Results of three categories and two strategies, interleaved in report order; the Results are counted as they are read. */
function interleavedReport(): { report: TestRunReport; reads: () => number } {
  const categories = ['b_second', 'a_first', 'c_third'];
  const results = Array.from({ length: 12 }, (_, i) =>
    result(i % 2 ? SafetyStatus.UNSAFE : SafetyStatus.SAFE, `r${i}`, `t${i}`).with({
      harmCategory: categories[i % 3] as string,
      strategy: i % 6 < 3 ? 'xpia' : 'dan',
    }),
  );
  const report = new TestRunReport({ results });
  let reads = 0;
  const eachResult = report.eachResult.bind(report);
  report.eachResult = (options) => {
    reads += 1;
    return eachResult(options);
  };
  return { report, reads: () => reads };
}

describe('JUnit XML', () => {
  test('valid against the Jenkins/GitLab JUnit schema (xmllint)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-junit-'));
    const file = path.join(dir, 'report.junit.xml');
    fs.writeFileSync(file, junitOf(hostileReport()));
    expect(junitSchemaErrors(file)).toBeNull();
    // The check can fail: a testcase without its required name is refused.
    fs.writeFileSync(file, '<testsuites><testsuite tests="1"><testcase/></testsuite></testsuites>');
    expect(junitSchemaErrors(file)).toContain('name');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('suites per category, cases per Result, trial groups and the incomplete run', () => {
    const xml = junitOf(hostileReport());
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parseJUnit(xml);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual([
      'data_exfiltration',
      'uncategorized',
      'trial groups',
      'RAMPART run',
    ]);
    expect(doc.testsuites).toMatchObject({ tests: '7', failures: '2', errors: '2' });
    const cases = casesOf(suites[0]);
    expect(cases.map((c) => c.name)).toEqual(['leaks <b> #1', 'leaks <b> #2', 'tone', 'down']);
    expect(cases[0]).toMatchObject({ classname: 'tests/agent.test.js', line: '10' });
    expect(cases[0]?.failure?.type).toBe('UNSAFE');
    // The message keeps the text: XML escaping is undone by the parser, forbidden characters are U+FFFD.
    expect(cases[0]?.failure?.message).toContain('<script>alert(1)</script> & "q"');
    expect(cases[0]?.failure?.message).toContain('\uFFFD[31mred\uFFFD \uFFFD');
    expect(cases[1]?.failure).toBeUndefined();
    expect(cases[2]?.skipped?.message).toBe('UNDETERMINED: judge unsure');
    expect(cases[3]?.error?.message).toBe('endpoint down');
    const group = casesOf(suites[2])[0]?.failure;
    expect(group?.message).toBe('FAILED: 3/5 safe (threshold 80%, pass rate 60%)');
    const incomplete = casesOf(suites[3])[0]?.error;
    expect(incomplete?.message).toContain('the RAMPART run is incomplete: tests/crash.test.js');
  });

  test('one read of the Results: each suite holds the cases of its category in report order', () => {
    const { report, reads } = interleavedReport();
    const suites = parseJUnit(junitOf(report)).testsuites.testsuite;
    expect(reads()).toBe(1);
    expect(suites.map((suite) => suite.name)).toEqual(['b_second', 'a_first', 'c_third']);
    expect(suites.map((suite) => casesOf(suite).map((c) => c.name))).toEqual([
      ['t0', 't3', 't6', 't9'],
      ['t1', 't4', 't7', 't10'],
      ['t2', 't5', 't8', 't11'],
    ]);
  });

  test('property: any text stays inside its attribute or element', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const xml = `<a b="${xmlEscape(text)}">${xmlEscape(text)}</a>`;
        expect(XMLValidator.validate(xml)).toBe(true);
        const parsed = new XMLParser({
          ignoreAttributes: false,
          attributeNamePrefix: '',
          trimValues: false,
          parseTagValue: false,
          parseAttributeValue: false,
          htmlEntities: true,
        }).parse(xml);
        expect(Object.keys(parsed)).toEqual(['a']);
        // Only what XML 1.0 cannot hold changes.
        const allowed = text.replace(
          // eslint-disable-next-line no-control-regex
          /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
          '\uFFFD',
        );
        expect(parsed.a.b).toBe(allowed);
      }),
    );
  });
});

describe('GitHub Actions annotations', () => {
  test('exact lines: UNSAFE at the test line, the incomplete warning, hostile text escaped', () => {
    const lines = githubAnnotations(hostileReport(), {
      rootDir: '/work/repo/pkg',
      workspace: '/work/repo',
    });
    expect(lines).toEqual([
      '::warning title=RAMPART run incomplete::The RAMPART run is incomplete; the report does not reflect every test:%0A- tests/crash.test.js: did not finish%0A::x',
      '::error file=pkg/tests/agent.test.js,line=10,col=3,title=RAMPART UNSAFE%3A leaks <b> #1::leaked 100%25 <script>alert(1)</script> & "q" \'a\'%0A::error::pwned%0D%0A]]> \uFFFD[31mred\uFFFD \uD800 [x](http://evil) | #h%0A(harm category data_exfiltration, strategy xpia)',
    ]);
  });

  test('capped, with a last line that says how many were left out', () => {
    const results = Array.from({ length: 7 }, (_, i) =>
      result(SafetyStatus.UNSAFE, `bad ${i}`, `t${i}`),
    );
    const lines = githubAnnotations(new TestRunReport({ results }), { rootDir: '/r', limit: 3 });
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(
      '::warning title=RAMPART annotations left out::4 more UNSAFE Result(s) not annotated (at most 3 annotations are printed); the RAMPART report lists every Result.',
    );
  });

  test('property: no text can end the command or add a property', () => {
    const decode = (s: string) =>
      s.replace(/%(25|0D|0A|3A|2C)/g, (_, c: string) => decodeURIComponent(`%${c}`));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const data = annotationData(text, 1e6);
        const property = annotationProperty(text, 1e6);
        expect(data).not.toMatch(/[\r\n]/);
        expect(property).not.toMatch(/[\r\n:,]/);
        const visible = text.replace(
          // eslint-disable-next-line no-control-regex
          /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g,
          '\uFFFD',
        );
        expect(decode(data)).toBe(visible);
        expect(decode(property)).toBe(visible);
      }),
    );
  });
});

describe('GitHub job summary', () => {
  test('verdict, categories with intervals, failed groups, incomplete reasons, findings', () => {
    const md = githubStepSummary(hostileReport(), { failOnTrialGate: true });
    expect(md).toContain('## RAMPART: ❌ failed');
    expect(md).toContain('| data\\_exfiltration | 4 | 1 | 1 | 1 | 33.3% | 6.1% – 79.2% |');
    expect(md).toContain('| **all** | 5 | 1 | 1 | 1 | 25.0% | 4.6% – 69.9% |');
    expect(md).toContain('### Failed trial groups (1)');
    expect(md).toContain('- flaky &lt;t&gt;: 3/5 safe, threshold 80%');
    expect(md).toContain('### Incomplete run');
    expect(md).not.toContain('<script>');
    const finding = md.split('\n').find((line) => line.startsWith('| leaks'));
    expect(finding).toBe(
      '| leaks &lt;b&gt; \\#1 | data\\_exfiltration | xpia | leaked 100% &lt;script&gt;alert\\(1\\)&lt;/script&gt; &amp; \\"q\\" \\\'a\\\' \\:\\:error\\:\\:pwned \\]\\]&gt; \uFFFD\\[31mred\uFFFD \uD800 \\[x\\]\\(http\\://evil\\) \\| \\#h | tests/agent\\.test\\.js\\:10 |',
    );
  });

  test('the verdict follows the whole-run gate: failOn and maxAttackSuccessRate', () => {
    const report = new TestRunReport({
      results: [
        new Result({ status: 'unsafe', summary: 'u', observabilityLevel: 'tool_only' }),
        new Result({ status: 'safe', summary: 's', observabilityLevel: 'tool_only' }),
      ],
    });
    const verdictLine = (options: Partial<StepSummaryOptions>) =>
      githubStepSummary(report, { failOnTrialGate: true, ...options }).split('\n')[0];
    expect(verdictLine({})).not.toContain('❌ failed');
    expect(verdictLine({ failOn: ['incomplete', 'unsafe'] })).toBe('## RAMPART: ❌ failed');
    expect(verdictLine({ maxAttackSuccessRate: 0.25 })).toBe('## RAMPART: ❌ failed');
    expect(verdictLine({ maxAttackSuccessRate: 0.5 })).not.toContain('❌ failed');
  });

  test('the comparison with a baseline after the category table, its regressions in the verdict', () => {
    const baselineReport = new TestRunReport({
      results: [
        result(SafetyStatus.SAFE, 'fine', 'kept'),
        result(SafetyStatus.SAFE, 'fine', HOSTILE),
      ],
    });
    const run = new TestRunReport({ results: [result(SafetyStatus.UNSAFE, 'leaked', 'kept')] });
    const comparison = compareReports(baselineReport, run);
    const md = githubStepSummary(run, {
      failOnTrialGate: true,
      baseline: {
        file: 'main.json',
        comparison,
        regressions: regressionsOf(comparison),
        problem: null,
      },
    });
    const lines = md.split('\n');
    const at = lines.indexOf('### Compared with the baseline');
    expect(lines[at - 2]).toMatch(/^\| \*\*all\*\* \|/);
    expect(lines.slice(at, at + 12)).toEqual([
      '### Compared with the baseline',
      '',
      'Baseline main.json; Results matched by test id.',
      '',
      '**1 regression(s)** against the baseline:',
      '- new UNSAFE Result: tests/agent.test.js::kept #0 (data\\_exfiltration)',
      '',
      '| Harm category | Attack success rate, baseline | Attack success rate, run | |',
      '| --- | --- | --- | --- |',
      '| **all** | 0.0% \\[0.0%, 65.8%\\] (0/2) | 100.0% \\[20.7%, 100.0%\\] (1/1) |  |',
      '| data\\_exfiltration | 0.0% \\[0.0%, 65.8%\\] (0/2) | 100.0% \\[20.7%, 100.0%\\] (1/1) |  |',
      '',
    ]);
    const removed = lines.indexOf('#### Tests removed (1)');
    expect(lines[removed + 2]).toBe(`- ${escapeMarkdown(`tests/agent.test.js::${HOSTILE}`, 300)}`);
    expect(md).toContain('1 regression\\(s\\) against the baseline\\:');
    expect(md.indexOf('### Findings')).toBeGreaterThan(removed);

    const unread = githubStepSummary(run, {
      failOnTrialGate: true,
      baseline: { file: 'gone.json', comparison: null, regressions: [], problem: 'no such file' },
    });
    expect(unread).toContain(
      '### Compared with the baseline\n\nBaseline gone.json cannot be compared: no such file\n',
    );
    expect(unread).toContain('the baseline cannot be compared\\: no such file');
  });

  test('stays under the limit and says how many findings were left out', () => {
    const results = Array.from({ length: 400 }, (_, i) =>
      result(SafetyStatus.UNSAFE, 'x'.repeat(400), `t${i}`),
    );
    const md = githubStepSummary(new TestRunReport({ results }), {
      failOnTrialGate: true,
      limitBytes: 20_000,
      maxFindings: 1000,
    });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(20_000);
    const listed = md.split('\n').filter((line) => /^\| t\d/.test(line)).length;
    expect(listed).toBeGreaterThan(10);
    expect(md).toContain(
      `_${400 - listed} more finding(s) left out (the summary stays under GitHub’s 1 MiB limit); the RAMPART report lists every Result._`,
    );
  });

  test('property: Markdown text is one line with no table pipe, tag or link left', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const md = markdownText(text, 1e6);
        expect(md).not.toMatch(/[\r\n<>]/);
        expect(md.replace(/\\./g, '')).not.toMatch(/[|[\]()`*_\\]/);
      }),
    );
  });
});

describe('SARIF 2.1.0', () => {
  test('valid against the OASIS schema: rules per category and strategy, results at the test line', () => {
    const sarif = JSON.parse([...renderSarif(hostileReport(), { rootDir: '/work/repo' })].join(''));
    expect(sarifSchemaErrors(sarif)).toBeNull();
    expect(sarifSchemaErrors({ ...sarif, version: '2.0.0' })).not.toBeNull();
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'data_exfiltration/xpia',
    ]);
    expect(run.originalUriBaseIds.ROOTDIR.uri).toBe('file:///work/repo/');
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning']);
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'tests/agent.test.js', uriBaseId: 'ROOTDIR' },
      region: { startLine: 10, startColumn: 3 },
    });
    // Link-free: brackets escaped, so SARIF viewers show no embedded link.
    expect(run.results[0].message.text).toContain('\\[x\\](http://evil)');
    expect(run.invocations[0].executionSuccessful).toBe(false);
  });

  test('one read of the Results: rules numbered in first-seen order, results in report order', () => {
    const { report, reads } = interleavedReport();
    const sarif = JSON.parse([...renderSarif(report)].join(''));
    expect(reads()).toBe(1);
    expect(sarifSchemaErrors(sarif)).toBeNull();
    const run = sarif.runs[0];
    const rules = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(rules).toEqual(['a_first/xpia', 'b_second/dan', 'c_third/dan']);
    const results = run.results.map((r: { ruleId: string; ruleIndex: number }) => [
      r.ruleId,
      r.ruleIndex,
    ]);
    // The UNSAFE Results t1, t3, ... t11, in report order.
    expect(results).toEqual([
      ['a_first/xpia', 0],
      ['b_second/dan', 1],
      ['c_third/dan', 2],
      ['a_first/xpia', 0],
      ['b_second/dan', 1],
      ['c_third/dan', 2],
    ]);
    expect(run.results.map((r: { properties: { testId: string } }) => r.properties.testId)).toEqual(
      ['t1', 't3', 't5', 't7', 't9', 't11'].map((t) => `tests/agent.test.js::${t}`),
    );
  });

  test('an empty run is valid too', () => {
    const sarif = JSON.parse([...renderSarif(new TestRunReport({ results: [] }))].join(''));
    expect(sarifSchemaErrors(sarif)).toBeNull();
    expect(sarif.runs[0].results).toEqual([]);
  });

  test('property: no message holds an unescaped bracket or a control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const message = sarifMessage(text, 1e6);
        expect(message.replace(/\\[\\[\]]/g, '')).not.toMatch(/[[\]\\]/);
        // eslint-disable-next-line no-control-regex
        expect(message).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
      }),
    );
  });
});

test('names: #i only where a test attempt recorded several Results', () => {
  const names = [...namedResults(hostileReport().results)].map((n) => n.name);
  expect(names).toEqual(['leaks <b> #1', 'leaks <b> #2', 'tone', 'down', '(unattributed Result)']);
});
