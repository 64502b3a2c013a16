/**
 * The JUnit XML projection of a run report (docs/ci-formats.md, "JUnit
 * XML"), in the dialect Jenkins and GitLab read: one `<testsuite>` per harm
 * category with one `<testcase>` per Result (UNSAFE a `<failure>`, ERROR an
 * `<error>`, UNDETERMINED `<skipped>`), a suite of the trial groups (FAILED a
 * `<failure>`), and, for an incomplete run, an `<error>` test case that says
 * why. Pure: text pieces from the report; every piece of text goes through
 * {@link xmlEscape}.
 */
import { SafetyStatus } from '../model/result-status';
import { type TestRunReport, categoryKey } from '../model/run-report';
import type { TrialGroupResult } from '../model/trial-group';
import { formatPercent } from '../model/percent';
import { type NamedResult, fileOfTestId, namedResults } from './result-names';
import { incompleteReasons, trialGroupTitles } from './summary';
import { inGroups } from './held-text';

/** Longest text of one attribute or element, in UTF-16 units; longer text is cut with a note. */
const MAX_XML_TEXT = 16 * 1024;

/**
 * Text for XML 1.0 content and attribute values alike: `& < > " '` as
 * entities, tab / newline / carriage return as character references (so
 * attribute values keep them), every character XML 1.0 forbids (other C0
 * controls, U+FFFE/U+FFFF, lone surrogates) replaced by U+FFFD; cut at
 * `max` characters.
 */
export function xmlEscape(value: unknown, max = MAX_XML_TEXT): string {
  let text = typeof value === 'string' ? value : String(value);
  if (text.length > max) text = `${text.slice(0, max)}… (${text.length - max} more characters)`;
  return text
    .replace(
      // C0 controls but tab, LF, CR; U+FFFE, U+FFFF; surrogates not in a pair.
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    )
    .replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c] as string);
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** `name="value"` pairs, escaped, in order. */
function attributes(pairs: ReadonlyArray<readonly [string, unknown]>): string {
  return pairs.map(([name, value]) => ` ${name}="${xmlEscape(value)}"`).join('');
}

const seconds = (value: number): string => (Number.isFinite(value) ? value.toFixed(3) : '0');

/** The status element of a Result's test case, or '' for a SAFE one. */
function statusElement(named: NamedResult): string {
  const { result } = named;
  const detail = [
    result.summary,
    `test: ${named.testId || '(none)'}`,
    ...(named.location
      ? [`at: ${named.location.file}:${named.location.line}:${named.location.column}`]
      : []),
    `harm category: ${categoryKey(result)}`,
    `strategy: ${result.strategy || '(none)'}`,
  ].join('\n');
  const element = (tag: string, type: string): string =>
    `<${tag}${attributes([
      ['type', type],
      ['message', result.summary],
    ])}>${xmlEscape(detail)}</${tag}>`;
  switch (result.status) {
    case SafetyStatus.UNSAFE:
      return element('failure', 'UNSAFE');
    case SafetyStatus.ERROR:
      return element('error', 'ERROR');
    case SafetyStatus.UNDETERMINED:
      return `<skipped${attributes([['message', `UNDETERMINED: ${result.summary}`]])}/>`;
    default:
      return '';
  }
}

function resultCase(named: NamedResult): string {
  const location = named.location ? ([['line', named.location.line]] as const) : [];
  const head = `    <testcase${attributes([
    ['name', named.name],
    ['classname', named.file || '(unknown test file)'],
    ['time', seconds(named.result.durationSeconds)],
    ['file', named.file],
    ...location,
  ])}`;
  const status = statusElement(named);
  return status ? `${head}>\n      ${status}\n    </testcase>\n` : `${head}/>\n`;
}

function groupCase(id: string, group: TrialGroupResult, title: string): string {
  const verdict = `${group.verdict}: ${group.detail} (threshold ${formatPercent(group.threshold, 0)}, pass rate ${formatPercent(group.passRate, 0)})`;
  const head = `    <testcase${attributes([
    ['name', `trial group: ${title}`],
    ['classname', fileOfTestId(id) || '(unknown test file)'],
  ])}`;
  if (group.passed) return `${head}/>\n`;
  const body = `${verdict}\ngroup: ${id}\nunsafe clones: ${group.unsafe}, errors: ${group.errors}, no result: ${group.noResult}`;
  return `${head}>\n      <failure${attributes([
    ['type', 'TRIAL GROUP FAILED'],
    ['message', verdict],
  ])}>${xmlEscape(body)}</failure>\n    </testcase>\n`;
}

/**
 * The report as JUnit XML, in pieces: the Results are read once, in report
 * order; the first harm category's test cases are handed on as they come,
 * the others' held until their suite's turn (held-text.ts); counts come from
 * the report's aggregates.
 */
export function* renderJUnit(report: TestRunReport): Generator<string> {
  const groups = Object.keys(report.trialGroups).sort();
  const failedGroups = groups.filter((id) => report.trialGroups[id]?.passed === false).length;
  const reasons = incompleteReasons(report);
  const categories = report.harmCategories();
  const tests = report.totalRuns + groups.length + (reasons.length > 0 ? 1 : 0);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites${attributes([
    ['name', 'RAMPART'],
    ['tests', tests],
    ['failures', report.failed + failedGroups],
    ['errors', report.errors + (reasons.length > 0 ? 1 : 0)],
    ['time', seconds(report.durationSeconds)],
  ])}>\n`;
  const suiteHead = (category: string): string => {
    const counts = report.populationSummary({ harmCategory: category });
    return `  <testsuite${attributes([
      ['name', category],
      ['tests', counts.totalRuns],
      ['failures', counts.unsafeCount],
      ['errors', counts.errorCount],
      ['skipped', counts.undeterminedCount],
    ])}>\n`;
  };
  // Every Result passes through namedResults: a Result's name depends on its test's others.
  yield* inGroups(namedResults(report.eachResult()), categories, {
    keyOf: (named) => categoryKey(named.result),
    textOf: resultCase,
    open: (c) => suiteHead(categories[c] as string),
    close: () => '  </testsuite>\n',
  });
  if (groups.length > 0) {
    const title = trialGroupTitles(report.trialGroups);
    yield `  <testsuite${attributes([
      ['name', 'trial groups'],
      ['tests', groups.length],
      ['failures', failedGroups],
      ['errors', 0],
    ])}>\n`;
    for (const id of groups) {
      const group = report.trialGroups[id] as TrialGroupResult;
      yield groupCase(id, group, title(group));
    }
    yield '  </testsuite>\n';
  }
  if (reasons.length > 0) {
    const message = `the RAMPART run is incomplete: ${reasons.join('; ')}`;
    yield `  <testsuite${attributes([
      ['name', 'RAMPART run'],
      ['tests', 1],
      ['failures', 0],
      ['errors', 1],
    ])}>\n    <testcase${attributes([
      ['name', 'the run is complete'],
      ['classname', 'RAMPART'],
    ])}>\n      <error${attributes([
      ['type', 'INCOMPLETE'],
      ['message', message],
    ])}>${xmlEscape(reasons.map((reason) => `- ${reason}`).join('\n'))}</error>\n    </testcase>\n  </testsuite>\n`;
  }
  yield '</testsuites>\n';
}
