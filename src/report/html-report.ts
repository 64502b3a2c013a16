/**
 * The HTML report (docs/html-report.md): one self-contained page per run,
 * written as a stream. The page is a function of the run's aggregates
 * (counts, categories, trial groups, metadata, verdict) and of the Results
 * read once, in report order: the first rows are rendered as HTML (readable
 * without JavaScript), every Result is written into one JSON data block the
 * page's script filters and pages through, and the test × trial grid is
 * filled from the same pass and written after it (the style sheet shows it
 * beside the trial groups). With a baseline, its comparison (computed once
 * by the reporter) is a section after the categories. Every value from a Result goes through
 * html-text.ts.
 */
import type { Result } from '../model/result';
import { RESULT_TAGS } from '../model/result-tags';
import { SafetyStatus } from '../model/result-status';
import type { PopulationSummary, TestRunReport } from '../model/run-report';
import { wilsonInterval } from '../model/rate-interval';
import { formatPercent } from '../model/percent';
import type { TrialGroupResult } from '../model/trial-group';
import { type JsonValue, toJsonSafe } from '../model/json-safe';
import { projectResult } from './json-report';
import { escapeHtml, scriptJson } from './html-text';
import { HTML_PAGE_POLICY } from './html-page-policy';
import { HTML_PAGE_SCRIPT } from './html-page-script';
import { HTML_PAGE_STYLE } from './html-page-style';
import { type WholeRunGate, runFailure } from './run-verdict';
import type { BaselineComparison } from './comparison';
import { baselineSection } from './comparison-html';
import { INCOMPLETE_NOTE, incompleteReasons, trialGroupTitles } from './summary';

/** How many Results the page renders as HTML; the script pages through all of them. */
export const HTML_RENDERED_ROWS = 100;

/** Pieces of about this many characters are handed to the writer. */
const PIECE_CHARS = 1 << 20;

/** Options of {@link htmlReportChunks}. */
export interface HtmlReportOptions extends WholeRunGate {
  /** Whether a failed trial group fails the run (the reporter's `failOnTrialGate`); default true. */
  failOnTrialGate?: boolean;
  /** True when the JSON report should have been written and was not. */
  reportLost?: boolean;
  /** The comparison with the reporter's `baseline`: a section of its own, and its regressions in the verdict. */
  baseline?: BaselineComparison | undefined;
}

type Json = Record<string, JsonValue>;
type Status = `${SafetyStatus}`;

const STATUSES: readonly Status[] = ['unsafe', 'error', 'undetermined', 'safe'];
const LABELS: Record<Status, string> = {
  safe: 'SAFE',
  unsafe: 'UNSAFE',
  undetermined: 'UNDETERMINED',
  error: 'ERROR',
};
/** Shortest planted text that is highlighted (shorter ones would mark common words). */
const MIN_PLANTED_CHARS = 8;

const e = escapeHtml;

/**
 * The texts planted by an attack, as far as the Result holds them: the
 * attachments sent with a request, and any text an injection record carries
 * besides its payload id and surface.
 */
function plantedTexts(result: Result): string[] {
  // Most Results carry neither: no set, no copies.
  if (result.turns.length === 0 && result.injections.length === 0) return [];
  const texts = new Set<string>();
  for (const turn of result.turns)
    for (const attachment of turn.request?.attachments ?? [])
      if (typeof attachment?.content === 'string') texts.add(attachment.content);
  for (const record of result.injections as unknown as Array<Record<string, unknown>>)
    for (const [key, value] of Object.entries(record ?? {}))
      if (key !== 'payloadId' && key !== 'surfaceName' && typeof value === 'string')
        texts.add(value);
  return [...texts].filter((text) => text.length >= MIN_PLANTED_CHARS);
}

/** One Result as the page holds it: its JSON projection, the attachments of each turn, the planted texts. */
export function pageResult(result: Result): Json {
  const out = projectResult(result);
  const turns = out.turns as Json[];
  result.turns.forEach((turn, i) => {
    const attachments = turn.request?.attachments ?? [];
    if (attachments.length > 0 && turns[i])
      turns[i].attachments = attachments.map((a) => ({
        id: toJsonSafe(a.id),
        content: toJsonSafe(a.content),
      }));
  });
  const planted = plantedTexts(result);
  if (planted.length > 0) out.planted = toJsonSafe(planted);
  return out;
}

// ---- aggregates ---------------------------------------------------------------------------

/** `12.5% (95% CI 3.2–40.1%)`, or `n/a` over zero trials. */
function rateWithInterval(successes: number, trials: number): string {
  const interval = wilsonInterval(successes, trials);
  if (interval === null) return 'n/a';
  return `${formatPercent(successes / trials, 1)} <span class="interval">(95% CI ${formatPercent(interval.low, 1)}–${formatPercent(interval.high, 1)})</span>`;
}

function countsOf(summary: PopulationSummary): Record<Status, number> {
  return {
    safe: summary.safeCount,
    unsafe: summary.unsafeCount,
    undetermined: summary.undeterminedCount,
    error: summary.errorCount,
  };
}

/** A stacked bar of safe / unsafe / undetermined / error (SVG: no inline style needed). */
function stackedBar(counts: Record<Status, number>): string {
  const total = STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const label = (['safe', 'unsafe', 'undetermined', 'error'] as const)
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
  let x = 0;
  const rects = (['safe', 'unsafe', 'undetermined', 'error'] as const).map((status) => {
    const width = total > 0 ? (counts[status] / total) * 1000 : 0;
    const rect = `<rect class="${status}" x="${x.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="10"><title>${counts[status]} ${LABELS[status]}</title></rect>`;
    x += width;
    return rect;
  });
  return `<svg class="bar" viewBox="0 0 1000 10" preserveAspectRatio="none" role="img" aria-label="${label}">${rects.join('')}</svg>`;
}

/** A trial group's pass rate with its interval and a mark at the threshold. */
function gauge(group: TrialGroupResult): string {
  const interval = wilsonInterval(group.safe, group.total);
  const at = (ratio: number): string => (ratio * 1000).toFixed(2);
  const ci = interval
    ? `<line class="ci" x1="${at(interval.low)}" x2="${at(interval.high)}" y1="5" y2="5"/>`
    : '';
  return (
    `<svg class="gauge" viewBox="0 0 1000 10" preserveAspectRatio="none" role="img" aria-label="pass rate ${formatPercent(group.passRate, 0)}, threshold ${formatPercent(group.threshold, 0)}">` +
    `<rect class="rate" x="0" y="2" width="${at(group.passRate)}" height="6"/>${ci}` +
    `<line class="threshold" x1="${at(group.threshold)}" x2="${at(group.threshold)}" y1="0" y2="10"><title>threshold ${formatPercent(group.threshold, 0)}</title></line></svg>`
  );
}

function head(report: TestRunReport, state: string): string {
  const title = `RAMPART safety report: ${state.toUpperCase()}, ${report.totalRuns} Results`;
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${e(HTML_PAGE_POLICY)}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="referrer" content="no-referrer">' +
    `<title>${e(title)}</title><style>${HTML_PAGE_STYLE}</style></head>\n<body>\n`
  );
}

function scalar(value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return null;
}

function header(report: TestRunReport): string {
  const m = report.metadata;
  const shard = m.shard as { shard_index?: unknown; shard_count?: unknown } | undefined;
  const facts: Array<[string, string | null]> = [
    ['Results', String(report.totalRuns)],
    ['Trial groups', String(Object.keys(report.trialGroups).length)],
    ['Duration', `${report.durationSeconds.toFixed(1)} s`],
    ['Jest', scalar(m.jest_version)],
    ['Workers', scalar(m.worker_count)],
    [
      'Shard',
      shard && typeof shard === 'object'
        ? `${scalar(shard.shard_index)}/${scalar(shard.shard_count)}`
        : null,
    ],
  ];
  const items = facts
    .filter((fact): fact is [string, string] => fact[1] !== null)
    .map(([name, value]) => `<div><dt>${e(name)}</dt><dd>${e(value)}</dd></div>`)
    .join('');
  return (
    `<header><h1>RAMPART safety report</h1><dl class="facts">${items}</dl>` +
    `<details><summary class="muted">Run metadata</summary><pre>${e(JSON.stringify(toJsonSafe(m), null, 2))}</pre></details></header>\n`
  );
}

function verdictSection(
  report: TestRunReport,
  failure: string | null,
  state: 'passed' | 'failed' | 'incomplete',
): string {
  const heading = { passed: 'PASSED', failed: 'FAILED', incomplete: 'INCOMPLETE' }[state];
  const parts = [`<section id="verdict" class="verdict ${state}" data-verdict="${state}">`];
  parts.push(`<h2>Verdict: ${heading}</h2>`);
  if (state === 'incomplete') {
    parts.push(`<p><strong>RAMPART: INCOMPLETE RUN.</strong> ${e(INCOMPLETE_NOTE)}</p><ul>`);
    for (const reason of incompleteReasons(report)) parts.push(`<li>${e(reason)}</li>`);
    parts.push('</ul>');
  }
  parts.push(
    failure === null
      ? '<p class="verdict-line">RAMPART does not fail this run.</p>'
      : `<p class="verdict-line">${e(failure)}</p>`,
  );
  if (report.failed > 0)
    parts.push(
      `<p>${report.failed} UNSAFE Result(s): the attack succeeded there (see the Results below).</p>`,
    );
  parts.push('</section>\n');
  return parts.join('');
}

function populationSection(report: TestRunReport): string {
  const summary = report.populationSummary();
  const counts = countsOf(summary);
  const determined = summary.totalRuns - summary.errorCount;
  const rows = [
    `<tr><th>Results</th><td class="num" data-count="total">${summary.totalRuns}</td></tr>`,
    ...(['safe', 'unsafe', 'undetermined', 'error'] as const).map(
      (status) =>
        `<tr><th><span class="badge ${status}">${LABELS[status]}</span></th><td class="num" data-count="${status}">${counts[status]}</td></tr>`,
    ),
    `<tr><th>Attack success rate</th><td class="num" data-rate="attack-success">${rateWithInterval(summary.unsafeCount, determined)}</td></tr>`,
    `<tr><th>Safety pass rate</th><td class="num" data-rate="safety-pass">${rateWithInterval(summary.safeCount, determined)}</td></tr>`,
  ];
  return (
    `<section id="population"><h2>Population</h2>${stackedBar(counts)}` +
    `<table class="numbers">${rows.join('')}</table>` +
    '<p class="muted">Rates are over the Results that did not end in ERROR; intervals are 95% Wilson score intervals.</p></section>\n'
  );
}

/** The Result counts of each harm category, in first-seen order. */
function categoryCounts(report: TestRunReport): Array<[string, PopulationSummary]> {
  return [...report.categorySummaries()];
}

function categoriesSection(categories: Array<[string, PopulationSummary]>): string {
  const rows = categories.map(([category, summary]) => {
    const counts = countsOf(summary);
    const cells = (['safe', 'unsafe', 'undetermined', 'error'] as const)
      .map((status) => `<td class="num" data-count="${status}">${counts[status]}</td>`)
      .join('');
    return (
      `<tr data-category="${e(category)}"><td>${e(category)}</td><td>${stackedBar(counts)}</td>${cells}` +
      `<td class="num">${rateWithInterval(summary.unsafeCount, summary.totalRuns - summary.errorCount)}</td></tr>`
    );
  });
  return (
    '<section id="categories"><h2>Harm categories</h2><table><tr><th>Category</th><th>Results</th>' +
    '<th class="num">Safe</th><th class="num">Unsafe</th><th class="num">Undetermined</th><th class="num">Error</th><th class="num">Attack success rate</th></tr>' +
    `${rows.join('')}</table></section>\n`
  );
}

function trialGroupsSection(report: TestRunReport, ids: readonly string[]): string {
  if (ids.length === 0)
    return '<section id="trial-groups"><h2>Trial groups</h2><p class="muted">No trial groups in this run.</p></section>\n';
  const title = trialGroupTitles(report.trialGroups);
  const rows = ids.map((id) => {
    const group = report.trialGroups[id] as TrialGroupResult;
    const verdict = group.passed ? 'passed' : 'failed';
    return (
      `<tr data-group="${e(id)}"><td><span class="name">${e(title(group))}</span><br><span class="muted">${e(id)}</span></td>` +
      `<td><span class="badge ${verdict}">${group.verdict}</span></td><td class="num">${e(group.detail)}</td>` +
      `<td class="num">${rateWithInterval(group.safe, group.total)}</td><td class="num">${formatPercent(group.threshold, 0)}</td><td>${gauge(group)}</td></tr>`
    );
  });
  return (
    '<section id="trial-groups"><h2>Trial groups</h2><table><tr><th>Group</th><th>Verdict</th><th>Clones</th>' +
    '<th class="num">Pass rate</th><th class="num">Threshold</th><th>Pass rate, interval and threshold</th></tr>' +
    `${rows.join('')}</table></section>\n`
  );
}

// ---- Results --------------------------------------------------------------------------------

/** `text` escaped, with each planted text in a `<mark>`. */
function highlighted(value: unknown, planted: readonly string[]): string {
  const text =
    typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
  let out = '';
  let at = 0;
  while (at < text.length) {
    let best = -1;
    let length = 0;
    for (const needle of planted) {
      const i = text.indexOf(needle, at);
      if (i >= 0 && (best < 0 || i < best || (i === best && needle.length > length))) {
        best = i;
        length = needle.length;
      }
    }
    if (best < 0) break;
    out += `${e(text.slice(at, best))}<mark class="planted">${e(text.slice(best, best + length))}</mark>`;
    at = best + length;
  }
  return out + e(text.slice(at));
}

const show = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));

function fields(entries: Array<[string, unknown]>): string {
  const items = entries
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => `<dt>${e(name)}</dt><dd>${e(show(value))}</dd>`);
  return `<dl class="fields">${items.join('')}</dl>`;
}

const tag = (data: Json, key: string): string => {
  const value = (data.metadata as Json)[key];
  return typeof value === 'string' ? value : '';
};
/** The test's name and id: ours, else those upstream RAMPART's pytest plugin writes. */
const testName = (data: Json): string =>
  tag(data, RESULT_TAGS.testName) || tag(data, '_pytest_test_name');
const testId = (data: Json): string => tag(data, RESULT_TAGS.testId) || tag(data, '_pytest_nodeid');

/** The body of an opened Result: the same parts, in the same order, as the page's script renders. */
function resultBody(data: Json): string {
  const planted = (data.planted as string[] | undefined) ?? [];
  const status = data.status as Status;
  const parts = [
    fields([
      ['Status', LABELS[status]],
      ['Summary', data.summary],
      ['Test', testId(data) || testName(data)],
      ['Harm category', data.harm_category ?? 'uncategorized'],
      ['Strategy', data.strategy],
      ['Observability', data.observability_level],
      ['Duration (s)', data.duration_seconds],
      ['Trace end', data.trace_end_reason],
    ]),
  ];
  const evaluation = data.final_trace_evaluation as Json | undefined;
  if (evaluation) {
    parts.push(
      '<h4>Evidence</h4>',
      fields([
        ['Outcome', evaluation.outcome],
        ['Confidence', evaluation.confidence],
        ['Rationale', evaluation.rationale],
      ]),
    );
    const evidence = evaluation.evidence;
    if (Array.isArray(evidence) && evidence.length > 0)
      parts.push(
        `<ul>${evidence.map((item) => `<li>${highlighted(item, planted)}</li>`).join('')}</ul>`,
      );
  }
  const injections = data.injections as Json[] | undefined;
  if (injections && injections.length > 0) {
    parts.push('<h4>Injections</h4><table><tr><th>Payload</th><th>Surface</th></tr>');
    for (const injection of injections)
      parts.push(
        `<tr><td>${e(injection.payload_id === null ? '(none)' : show(injection.payload_id))}</td><td>${e(show(injection.surface_name))}</td></tr>`,
      );
    parts.push('</table>');
  }
  if (planted.length > 0) {
    parts.push('<h4>Planted payload</h4>');
    for (const text of planted) parts.push(`<pre>${e(text)}</pre>`);
  }
  const turns = data.turns as Json[];
  if (turns.length > 0) {
    parts.push('<h4>Conversation</h4><ol class="turns">');
    for (const turn of turns) {
      parts.push(`<li><div class="muted">Turn ${Number(turn.turn_number) + 1}</div>`);
      if (turn.prompt !== null && turn.prompt !== undefined)
        parts.push(
          `<div class="msg"><span class="who">User</span>${highlighted(turn.prompt, planted)}</div>`,
        );
      for (const attachment of (turn.attachments as Json[] | undefined) ?? [])
        parts.push(
          `<div class="tool"><span class="who">Attachment ${e(show(attachment.id))}</span>${highlighted(attachment.content, planted)}</div>`,
        );
      for (const call of (turn.tool_calls as Json[] | undefined) ?? []) {
        const result =
          call.result === null || call.result === undefined
            ? ''
            : `\n→ ${highlighted(call.result, planted)}`;
        parts.push(
          `<div class="tool"><span class="who">Tool call ${e(show(call.name))}</span>${highlighted(show(call.arguments), planted)}${result}</div>`,
        );
      }
      for (const effect of (turn.side_effects as Json[] | undefined) ?? [])
        parts.push(
          `<div class="tool"><span class="who">Side effect ${e(show(effect.kind))}</span>${highlighted(show(effect.details), planted)}</div>`,
        );
      parts.push(
        `<div class="msg"><span class="who">Agent</span>${highlighted(turn.response_text, planted)}</div>`,
      );
      if (turn.eval_outcome)
        parts.push(
          `<div class="muted">${e(`Evaluation: ${show(turn.eval_outcome)}${turn.eval_rationale ? ` — ${show(turn.eval_rationale)}` : ''}`)}</div>`,
        );
      parts.push('</li>');
    }
    parts.push('</ol>');
  }
  parts.push(`<h4>Metadata</h4><pre>${e(show(data.metadata))}</pre>`);
  return parts.join('');
}

/** One Result as a row that opens (`<details>`: no script needed). */
function resultRow(data: Json, index: number): string {
  const status = data.status as Status;
  const category = typeof data.harm_category === 'string' ? data.harm_category : 'uncategorized';
  return (
    `<details class="result" data-status="${status}" data-index="${index}"><summary>` +
    `<span class="badge ${status}">${LABELS[status]}</span><span class="name">${e(testName(data) || '(no test name)')}</span>` +
    `<span class="category">${e(category)}</span><span class="summary">${e(show(data.summary))}</span></summary>` +
    `<div class="body">${resultBody(data)}</div></details>\n`
  );
}

function resultsHead(
  report: TestRunReport,
  categories: Array<[string, PopulationSummary]>,
): string {
  const counts: Record<Status, number> = {
    safe: report.passed,
    unsafe: report.failed,
    undetermined: report.undetermined,
    error: report.errors,
  };
  const boxes = STATUSES.map(
    (status) =>
      `<label><input type="checkbox" name="status" value="${status}" checked> ${LABELS[status]} (${counts[status]})</label>`,
  ).join('');
  const options = categories
    .map(
      ([category, summary]) =>
        `<option value="${e(category)}">${e(category)} (${summary.totalRuns})</option>`,
    )
    .join('');
  const note =
    report.totalRuns > HTML_RENDERED_ROWS
      ? `<p id="results-note" class="muted">The first ${HTML_RENDERED_ROWS} of ${report.totalRuns} Results, in report order. With JavaScript on, the page filters and pages through all of them.</p>`
      : '';
  return (
    `<section id="results"><h2>Results <span class="muted">(${report.totalRuns})</span></h2>` +
    `<form id="filters" class="filters" hidden>${boxes}` +
    `<label>Category <select name="category"><option value="">all</option>${options}</select></label>` +
    '<label>Test <input type="search" name="text" placeholder="test name, id or summary"></label>' +
    `<span id="results-shown" class="muted"></span></form>${note}<div id="result-list">\n`
  );
}

const RESULTS_TAIL =
  '</div><nav id="pager" class="pager" hidden><button type="button" id="page-previous">Previous</button>' +
  '<span id="page-label" class="muted"></span><button type="button" id="page-next">Next</button></nav></section>\n';

// ---- the test × trial grid ---------------------------------------------------------------------

const RANK: Record<Status, number> = { unsafe: 3, error: 2, safe: 1, undetermined: 0 };

/** Per trial group, each clone's outcome (its final attempt, classified as the group is), filled while the Results pass. */
class TrialGrid {
  private readonly clones = new Map<string, { group: string; index: number }>();
  private readonly cells = new Map<string, Array<{ attempt: number; status: Status } | null>>();

  constructor(report: TestRunReport, ids: readonly string[]) {
    for (const id of ids) {
      const group = report.trialGroups[id] as TrialGroupResult;
      this.cells.set(id, new Array(group.total).fill(null));
      for (let index = 0; index < group.total; index += 1)
        this.clones.set(`${id} [trial-${index}]`, { group: id, index });
    }
  }

  add(result: Result): void {
    const id = result.metadata[RESULT_TAGS.testId];
    const clone = typeof id === 'string' ? this.clones.get(id) : undefined;
    if (!clone) return;
    const row = this.cells.get(clone.group) as Array<{ attempt: number; status: Status } | null>;
    const attemptTag = result.metadata[RESULT_TAGS.attempt];
    const attempt = typeof attemptTag === 'number' ? attemptTag : 1;
    const cell = row[clone.index];
    if (!cell || attempt > cell.attempt) row[clone.index] = { attempt, status: result.status };
    else if (attempt === cell.attempt && RANK[result.status] > RANK[cell.status])
      cell.status = result.status;
  }

  html(report: TestRunReport): string {
    if (this.cells.size === 0) return '';
    const title = trialGroupTitles(report.trialGroups);
    const rows = [...this.cells].map(([id, cells]) => {
      const squares = cells
        .map((cell, index) => {
          const status = cell?.status ?? 'none';
          const label = cell ? LABELS[cell.status] : 'no Result';
          return `<span class="cell ${status}" data-trial="${index}" title="trial-${index}: ${label}"></span>`;
        })
        .join('');
      const group = report.trialGroups[id] as TrialGroupResult;
      return `<tr data-group="${e(id)}"><td>${e(title(group))}</td><td><div class="grid">${squares}</div></td></tr>`;
    });
    const legend = [...STATUSES, 'none' as const]
      .map(
        (status) =>
          `<span><span class="cell ${status}"></span>${status === 'none' ? 'no Result' : LABELS[status]}</span>`,
      )
      .join('');
    return (
      '<section id="trial-grid"><h2>Trials</h2><p class="muted">Each square is one clone of the test (trial-0 first), by its final attempt.</p>' +
      `<div class="legend">${legend}</div><table class="trials"><tr><th>Test</th><th>Trials</th></tr>${rows.join('')}</table></section>\n`
    );
  }
}

// ---- the page ------------------------------------------------------------------------------------

/**
 * The HTML page of `report`, in pieces of bounded size: the aggregates
 * first, then the Results in one pass in report order (docs/html-report.md).
 */
export function* htmlReportChunks(
  report: TestRunReport,
  options: HtmlReportOptions = {},
): Generator<string> {
  const failure = runFailure(report, {
    failOnTrialGate: options.failOnTrialGate ?? true,
    failOn: options.failOn,
    maxAttackSuccessRate: options.maxAttackSuccessRate,
    reportLost: options.reportLost ?? false,
    regressions: options.baseline?.regressions ?? [],
    baselineProblem: options.baseline?.problem ?? null,
  });
  const state = report.incomplete ? 'incomplete' : failure ? 'failed' : 'passed';
  const categories = categoryCounts(report);
  const groupIds = Object.keys(report.trialGroups).sort();
  yield (
    head(report, state) +
    header(report) +
    verdictSection(report, failure, state) +
    populationSection(report) +
    categoriesSection(categories) +
    (options.baseline ? baselineSection(options.baseline) : '') +
    trialGroupsSection(report, groupIds) +
    resultsHead(report, categories)
  );

  const grid = new TrialGrid(report, groupIds);
  const DATA_OPEN = '<script type="application/json" id="rampart-results">[';
  let piece = '';
  let rendered: string[] = [];
  let count = 0;
  for (const result of report.eachResult()) {
    grid.add(result);
    const data = pageResult(result);
    const json = scriptJson(data);
    if (count < HTML_RENDERED_ROWS) {
      piece += resultRow(data, count);
      rendered.push(json);
    } else {
      if (count === HTML_RENDERED_ROWS) {
        piece += `${RESULTS_TAIL}${DATA_OPEN}${rendered.join(',')}`;
        rendered = [];
      }
      piece += `,${json}`;
    }
    count += 1;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  if (count <= HTML_RENDERED_ROWS) piece += `${RESULTS_TAIL}${DATA_OPEN}${rendered.join(',')}`;
  yield `${piece}]</script>\n${grid.html(report)}<script>${HTML_PAGE_SCRIPT}</script>\n</body></html>\n`;
}
