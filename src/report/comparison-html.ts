/**
 * A comparison with a baseline as a section of the HTML page
 * (docs/html-report.md, "Compared with the baseline"): the attack success
 * rates before → after with their intervals, the new and fixed findings, the
 * trial groups that flipped, the tests added and removed. Plain HTML,
 * readable without JavaScript; every quoted name goes through html-text.ts.
 */
import type { BaselineComparison, FindingRef, RateChange } from './comparison';
import { MAX_LISTED } from './comparison-text';
import { escapeHtml as e } from './html-text';
import { intervalText, rateText } from './rate-text';

function side(s: RateChange['before']): string {
  const interval = intervalText(s.interval);
  return (
    `${e(rateText(s.rate))}${interval ? ` <span class="interval">${e(interval)}</span>` : ''}` +
    ` <span class="muted">(${s.unsafe}/${s.rated})</span>`
  );
}

/** The first {@link MAX_LISTED} items as `<li>`s, the rest counted. */
function list<T>(items: readonly T[], item: (value: T) => string): string {
  if (items.length === 0) return '<p class="muted">None.</p>';
  const shown = items.slice(0, MAX_LISTED).map((value) => `<li>${item(value)}</li>`);
  if (items.length > MAX_LISTED)
    shown.push(`<li class="muted">… and ${items.length - MAX_LISTED} more</li>`);
  return `<ul>${shown.join('')}</ul>`;
}

function part(id: string, title: string, count: number, body: string): string {
  return `<div data-part="${id}"><h3>${e(title)} (${count})</h3>${body}</div>`;
}

function finding(f: FindingRef): string {
  const other =
    f.side === 'run'
      ? f.otherStatus === null
        ? 'not in the baseline'
        : `was ${f.otherStatus.toUpperCase()}`
      : `now ${f.otherStatus === null ? 'absent' : f.otherStatus.toUpperCase()}`;
  return (
    `<span class="name">${e(f.test)}</span> <span class="muted">#${f.index}</span> ` +
    `(${e(f.category)}, ${e(other)}): ${e(f.summary)}`
  );
}

/** The "Compared with the baseline" section of the page. */
export function baselineSection(baseline: BaselineComparison): string {
  const head = `<section id="baseline"><h2>Compared with the baseline</h2><p>Baseline <code>${e(baseline.file)}</code>`;
  const { comparison } = baseline;
  if (comparison === null)
    return `${head}: it cannot be compared (${e(baseline.problem ?? 'unknown problem')}); the run fails.</p></section>\n`;
  const regressions =
    baseline.regressions.length === 0
      ? '<p data-regressions="0">No regression against the baseline.</p>'
      : `<p class="worse" data-regressions="${baseline.regressions.length}">Regressions against the baseline (${baseline.regressions.length}), which fail the run:</p>` +
        list(baseline.regressions, (r) => e(r.message));
  const rows = [
    { name: 'all', change: comparison.overall, all: true },
    ...comparison.categories.map((c) => ({ name: c.category, change: c, all: false })),
  ].map(
    ({ name, change, all }) =>
      `<tr data-category="${all ? '' : e(name)}"${all ? ' data-overall' : ''}><td>${all ? '<strong>all</strong>' : e(name)}</td>` +
      `<td class="num" data-side="before">${side(change.before)}</td><td class="num" data-side="after">${side(change.after)}</td>` +
      `<td>${change.worse ? '<span class="worse">worse</span>' : ''}</td></tr>`,
  );
  return (
    `${head}; Results matched by ${comparison.matchedBy === 'test-id' ? 'test id' : 'test name'}.</p>${regressions}` +
    '<table><tr><th>Harm category</th><th class="num">Attack success rate, baseline</th><th class="num">Attack success rate, this run</th><th></th></tr>' +
    `${rows.join('')}</table>` +
    '<p class="muted">Worse: the interval of this run lies wholly above the baseline\'s (95% Wilson score intervals).</p>' +
    part(
      'new',
      'New UNSAFE Results',
      comparison.newFindings.length,
      list(comparison.newFindings, finding),
    ) +
    part(
      'fixed',
      'Fixed',
      comparison.fixedFindings.length,
      list(comparison.fixedFindings, finding),
    ) +
    part(
      'flipped',
      'Trial groups that flipped',
      comparison.flippedGroups.length,
      list(
        comparison.flippedGroups,
        (g) =>
          `<span class="name">${e(g.title)}</span>: ${g.before} → ${g.after} (${e(g.beforeDetail)} → ${e(g.afterDetail)})`,
      ),
    ) +
    part('added', 'Tests added', comparison.testsAdded.length, list(comparison.testsAdded, e)) +
    part(
      'removed',
      'Tests removed',
      comparison.testsRemoved.length,
      list(comparison.testsRemoved, e),
    ) +
    '</section>\n'
  );
}
