/**
 * The HTML report page: every Result text stays text in its context (a
 * property test over hostile strings, checked with a real HTML5 parser), the
 * data block round-trips, the policy's hashes are those of the page's own
 * style and script, the verdict wording, the rows rendered without script,
 * the trial grid, and the size against the JSON report.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { Result } from '../../../src/model/result';
import { TestRunReport } from '../../../src/model/run-report';
import { TrialGroupResult } from '../../../src/model/trial-group';
import {
  HTML_RENDERED_ROWS,
  type HtmlReportOptions,
  htmlReportChunks,
} from '../../../src/report/html-report';
import { compareReports, regressionsOf } from '../../../src/report/comparison';
import { escapeHtml, scriptJson } from '../../../src/report/html-text';
import { serializeReportChunks } from '../../../src/report/json-report';
import { toWellFormed } from '../../../src/model/json-safe';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
  if ('content' in node && node.content) yield* elements(node.content as Node);
}

const textOf = (node: Node): string =>
  'value' in node && node.nodeName === '#text'
    ? node.value
    : 'childNodes' in node
      ? node.childNodes.map(textOf).join('')
      : '';

const attr = (element: Element, name: string): string | undefined =>
  element.attrs.find((a) => a.name === name)?.value;

const byClass = (root: Node, className: string): Element[] =>
  [...elements(root)].filter((el) => (attr(el, 'class') ?? '').split(' ').includes(className));

const page = (report: TestRunReport, options = {}): string =>
  [...htmlReportChunks(report, options)].join('');

/** Every element and attribute name the page itself writes: anything else came from a Result. */
const PAGE_TAGS = new Set(
  'html head body meta title style script header section h1 h2 h4 dl dt dd div details summary pre p ul li strong span table tr th td svg rect line form label input select option button nav ol br tbody mark'.split(
    ' ',
  ),
);

function result(text: string, extra: Partial<ConstructorParameters<typeof Result>[0]> = {}) {
  return new Result({
    status: 'unsafe',
    summary: text,
    observabilityLevel: 'tool_only',
    harmCategory: text.length > 0 ? text : null,
    strategy: text,
    metadata: { _jest_test_name: text, _jest_test_id: `t.test.js::${text}`, note: text },
    turns: [
      {
        request: {
          prompt: text,
          attachments: [
            { id: text, content: `planted ${text}`, format: 'text', artifact: null, metadata: {} },
          ],
        },
        response: {
          text,
          toolCalls: [{ name: text, arguments: { [text]: text }, result: text, timestamp: null }],
          sideEffects: [{ kind: text, details: { text } }],
          metadata: { text },
        },
        evalResult: null,
        evalPurpose: null,
        turnNumber: 0,
        timestamp: null,
        driverReasoning: text,
      },
    ],
    injections: [{ payloadId: text, surfaceName: text }],
    ...extra,
  });
}

const HOSTILE_PIECES = [
  '<script>window.x=1</script>',
  '</script>',
  '<!--',
  '-->',
  '<![CDATA[',
  '"',
  "'",
  '`',
  '</style>',
  '<style>',
  'javascript:alert(1)',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '</textarea>',
  '</title>',
  '&lt;',
  '&',
  '\u2028',
  '\u2029',
  '\u0000',
  '\ud800',
  '<svg onload=alert(1)>',
  '</details>',
];
const hostileText = fc
  .array(
    fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...HOSTILE_PIECES)),
    {
      maxLength: 8,
    },
  )
  .map((parts) => parts.join(''));

describe('escaping', () => {
  test('escapeHtml leaves no markup character and no control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        // eslint-disable-next-line no-control-regex
        expect(escapeHtml(text)).not.toMatch(/[<>"'`\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      }),
    );
    expect(escapeHtml('<a href="x">\'&`')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#96;');
  });

  test('scriptJson has no <, >, & or line separators, and reads back as the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), hostileText, (value, text) => {
        const json = scriptJson({ value, text });
        expect(json).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ value, text })));
      }),
    );
  });

  test('no Result text leaves its context: the parsed page has only its own elements, and the text back', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const html = page(new TestRunReport({ results: [result(text)] }));
        const document = parse(html);
        const all = [...elements(document)];
        for (const element of all) {
          expect(PAGE_TAGS).toContain(element.tagName);
          for (const { name } of element.attrs) expect(name).not.toMatch(/^on|^href$|^src$/);
        }
        expect(all.filter((el) => el.tagName === 'script').map((el) => attr(el, 'type'))).toEqual([
          'application/json',
          undefined,
        ]);
        expect(all.filter((el) => el.tagName === 'style')).toHaveLength(1);
        // The data block holds the Result's text exactly (as JSON makes it well-formed).
        const data = all.find((el) => attr(el, 'id') === 'rampart-results') as Element;
        const [row] = JSON.parse(textOf(data)) as Array<{ summary: string; planted: string[] }>;
        const wellFormed = JSON.parse(JSON.stringify(text)) as string;
        expect(row?.summary).toBe(toWellFormed(wellFormed));
        // The rendered row shows it as text.
        const summary = byClass(document, 'summary').find((el) => el.tagName === 'span');
        expect(textOf(summary as Element)).toBe(
          textOf(parse(`<p>${escapeHtml(toWellFormed(wellFormed))}</p>`)),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('the page', () => {
  const many = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        new Result({
          status: i % 10 === 0 ? 'unsafe' : 'safe',
          summary: `summary ${i}`,
          observabilityLevel: 'tool_only',
          harmCategory: i % 2 ? 'jailbreak' : 'data_exfiltration',
          metadata: { _jest_test_name: `test ${i}`, _jest_test_id: `a.test.js::test ${i}` },
        }),
    );

  test('the policy allows exactly the page’s style and script, and loads nothing', () => {
    const document = parse(page(new TestRunReport({ results: many(3) })));
    const all = [...elements(document)];
    const hash = (el: Element | undefined) =>
      `'sha256-${createHash('sha256')
        .update(textOf(el as Element))
        .digest('base64')}'`;
    const policy = attr(
      all.find((el) => attr(el, 'http-equiv') === 'Content-Security-Policy') as Element,
      'content',
    );
    const style = all.find((el) => el.tagName === 'style');
    const script = all.filter((el) => el.tagName === 'script')[1];
    expect(policy).toBe(
      `default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; img-src 'none'; base-uri 'none'; form-action 'none'`,
    );
  });

  test('the first rows are rendered, every Result is in the data block, in report order', () => {
    const report = new TestRunReport({ results: many(HTML_RENDERED_ROWS + 30) });
    const chunks = [...htmlReportChunks(report)];
    const document = parse(chunks.join(''));
    const rows = [...elements(document)].filter(
      (el) => el.tagName === 'details' && attr(el, 'class') === 'result',
    );
    expect(rows).toHaveLength(HTML_RENDERED_ROWS);
    expect(rows.map((row) => attr(row, 'data-index'))).toEqual(
      Array.from({ length: HTML_RENDERED_ROWS }, (_, i) => String(i)),
    );
    const data = [...elements(document)].find(
      (el) => attr(el, 'id') === 'rampart-results',
    ) as Element;
    const summaries = (JSON.parse(textOf(data)) as Array<{ summary: string }>).map(
      (r) => r.summary,
    );
    expect(summaries).toEqual(report.results.map((r) => r.summary));
    expect(
      textOf(byClass(document, 'muted').find((el) => attr(el, 'id') === 'results-note') as Element),
    ).toBe(
      `The first ${HTML_RENDERED_ROWS} of ${HTML_RENDERED_ROWS + 30} Results, in report order. With JavaScript on, the page filters and pages through all of them.`,
    );
  });

  test('the verdict: passed, failed and why, incomplete and why, in the terminal’s words', () => {
    const group = new TrialGroupResult({
      total: 2,
      safe: 1,
      unsafe: 1,
      errors: 0,
      noResult: 0,
      threshold: 1,
      passRate: 0.5,
      passed: false,
      title: 'guard <b>',
    });
    const verdict = (report: TestRunReport, options = {}) => {
      const section = [...elements(parse(page(report, options)))].find(
        (el) => attr(el, 'id') === 'verdict',
      ) as Element;
      return [attr(section, 'data-verdict'), textOf(section)];
    };
    expect(verdict(new TestRunReport({ results: many(2).slice(1) }))).toEqual([
      'passed',
      'Verdict: PASSEDRAMPART does not fail this run.',
    ]);
    expect(verdict(new TestRunReport({ results: [], trialGroups: { 'a::guard': group } }))).toEqual(
      [
        'failed',
        'Verdict: FAILEDRAMPART fails this run: 1 trial group(s) FAILED (guard <b>); set failOnTrialGate: false to report without failing.',
      ],
    );
    expect(
      verdict(new TestRunReport({ results: [], trialGroups: { 'a::guard': group } }), {
        failOnTrialGate: false,
      })[0],
    ).toBe('passed');
    expect(
      verdict(
        new TestRunReport({
          results: many(1),
          metadata: { incomplete: true, incomplete_reasons: ['a.test.js <crashed>'] },
        }),
      ),
    ).toEqual([
      'incomplete',
      'Verdict: INCOMPLETERAMPART: INCOMPLETE RUN. Results may be partial; the report does not reflect every test.a.test.js <crashed>RAMPART fails this run: the RAMPART run is incomplete.1 UNSAFE Result(s): the attack succeeded there (see the Results below).',
    ]);
  });

  test('the verdict follows the whole-run gate: failOn and maxAttackSuccessRate', () => {
    const state = (options: HtmlReportOptions) => {
      const section = [
        ...elements(parse(page(new TestRunReport({ results: many(1) }), options))),
      ].find((el) => attr(el, 'id') === 'verdict') as Element;
      return [attr(section, 'data-verdict'), textOf(section)];
    };
    expect(state({})[0]).toBe('passed');
    expect(state({ failOn: ['incomplete', 'unsafe'] })).toEqual([
      'failed',
      expect.stringContaining('1 UNSAFE Result(s) (failOn: unsafe)'),
    ]);
    expect(state({ maxAttackSuccessRate: 0.5 })).toEqual([
      'failed',
      expect.stringContaining('is above maxAttackSuccessRate 50.0%'),
    ]);
  });

  test('the trial grid shows each clone by its final attempt', () => {
    const clone = (index: number, status: 'safe' | 'unsafe' | 'error', attempt: number) =>
      new Result({
        status,
        summary: 's',
        observabilityLevel: 'tool_only',
        metadata: {
          _jest_test_id: `a.test.js::guard [trial-${index}]`,
          _rampart_attempt: attempt,
        },
      });
    const report = new TestRunReport({
      results: [
        clone(0, 'unsafe', 1),
        clone(0, 'safe', 2),
        clone(1, 'error', 1),
        clone(1, 'unsafe', 1),
      ],
      trialGroups: {
        'a.test.js::guard': new TrialGroupResult({
          total: 3,
          safe: 1,
          unsafe: 1,
          errors: 0,
          noResult: 1,
          threshold: 0.5,
          passRate: 1 / 3,
          passed: false,
          title: 'guard',
        }),
      },
    });
    const cells = byClass(parse(page(report)), 'cell').filter(
      (el) => attr(el, 'data-trial') !== undefined,
    );
    expect(cells.map((el) => [attr(el, 'class'), attr(el, 'title')])).toEqual([
      ['cell safe', 'trial-0: SAFE'],
      ['cell unsafe', 'trial-1: UNSAFE'],
      ['cell none', 'trial-2: no Result'],
    ]);
  });

  test('the page of many Results stays within twice the JSON report', () => {
    const report = new TestRunReport({
      results: [...many(2000), ...Array.from({ length: 50 }, () => result('some text'))],
    });
    const html = page(report).length;
    const json = [...serializeReportChunks(report)].join('').length;
    expect(html).toBeLessThan(2 * json);
  });
});

describe('the comparison with a baseline', () => {
  const HOSTILE = '<img src=x onerror=alert(1)> & </section><script>alert(2)</script>';
  const named = (status: 'safe' | 'unsafe', test: string, summary = test) =>
    new Result({
      status,
      summary,
      observabilityLevel: 'tool_only',
      harmCategory: 'jailbreak',
      metadata: { _jest_test_name: test, _jest_test_id: `a.test.js::${test}` },
    });
  const baselineReport = new TestRunReport({
    results: [named('safe', 'kept'), named('unsafe', 'fixed one'), named('safe', HOSTILE)],
  });
  const run = new TestRunReport({
    results: [named('unsafe', 'kept', `leaked ${HOSTILE}`), named('safe', 'fixed one')],
  });
  const comparison = compareReports(baselineReport, run);
  const baseline = {
    file: 'main.json',
    comparison,
    regressions: regressionsOf(comparison),
    problem: null,
  };

  test('a section after the categories: rates before → after, each list, hostile names as text; regressions in the verdict', () => {
    const html = page(run, { baseline });
    expect(html.indexOf('<section id="baseline">')).toBeGreaterThan(
      html.indexOf('<section id="categories">'),
    );
    const document = parse(html);
    const all = [...elements(document)];
    for (const element of all) expect([...PAGE_TAGS, 'h3', 'code']).toContain(element.tagName);
    const section = all.find((el) => attr(el, 'id') === 'baseline') as Element;
    const rows = [...elements(section)].filter(
      (el) => el.tagName === 'tr' && attr(el, 'data-category') !== undefined,
    );
    expect(
      rows.map((row) => [...elements(row)].filter((el) => el.tagName === 'td').map(textOf)),
    ).toEqual([
      ['all', '33.3% [6.1%, 79.2%] (1/3)', '50.0% [9.5%, 90.5%] (1/2)', ''],
      ['jailbreak', '33.3% [6.1%, 79.2%] (1/3)', '50.0% [9.5%, 90.5%] (1/2)', ''],
    ]);
    const part = (id: string) =>
      textOf([...elements(section)].find((el) => attr(el, 'data-part') === id) as Element);
    expect(part('new')).toBe(
      `New UNSAFE Results (1)a.test.js::kept #0 (jailbreak, was SAFE): leaked ${HOSTILE}`,
    );
    expect(part('fixed')).toBe('Fixed (1)a.test.js::fixed one #0 (jailbreak, now SAFE): fixed one');
    expect(part('flipped')).toBe('Trial groups that flipped (0)None.');
    expect(part('added')).toBe('Tests added (0)None.');
    expect(part('removed')).toBe(`Tests removed (1)a.test.js::${HOSTILE}`);
    const verdict = byClass(document, 'verdict-line')[0] as Element;
    expect(textOf(verdict)).toBe(
      'RAMPART fails this run: 1 regression(s) against the baseline: new UNSAFE Result: a.test.js::kept #0 (jailbreak).',
    );
  });

  test('no baseline, no section; a baseline that could not be read says why and fails the run', () => {
    expect(page(run)).not.toContain('id="baseline"');
    const html = page(run, {
      baseline: {
        file: 'gone.json',
        comparison: null,
        regressions: [],
        problem: `cannot read ${HOSTILE}`,
      },
    });
    const document = parse(html);
    const section = [...elements(document)].find((el) => attr(el, 'id') === 'baseline') as Element;
    expect(textOf(section)).toBe(
      `Compared with the baselineBaseline gone.json: it cannot be compared (cannot read ${HOSTILE}); the run fails.`,
    );
    expect(textOf(byClass(document, 'verdict-line')[0] as Element)).toBe(
      `RAMPART fails this run: the baseline cannot be compared: cannot read ${HOSTILE}.`,
    );
  });
});
