/**
 * Merging per-shard reports (`jest --shard`) into one: the same report model
 * and report order as a live run; counts, population summary and categories
 * are recomputed by TestRunReport itself. The inputs were read and checked by
 * report-reader.ts.
 */
import { MODEL_USAGE_KEY, modelUsageTotals } from '../model/model-usage';
import { type ModelPrices, costEstimate, pricesOfEstimate, samePrices } from '../model/model-cost';
import type { Result } from '../model/result';
import { compareReportOrder, compareText } from '../model/result-tags';
import { TestRunReport } from '../model/run-report';
import type { TrialGroupResult } from '../model/trial-group';
import {
  FILES_WITHOUT_RAMPART_KEY,
  MAX_LISTED_FILES,
  filesWithoutRampart,
} from './files-without-rampart';

/** One input of a merge. */
export interface ShardReport {
  /** Where it came from, for the incomplete reasons. */
  source: string;
  report: TestRunReport;
}

interface ShardInfo {
  index: number;
  count: number;
}

function shardOf(report: TestRunReport): ShardInfo | null {
  const shard = report.metadata.shard as
    { shard_index?: unknown; shard_count?: unknown } | undefined;
  return shard && typeof shard.shard_index === 'number' && typeof shard.shard_count === 'number'
    ? { index: shard.shard_index, count: shard.shard_count }
    : null;
}

/**
 * The run facts of merged shards: the earliest start and the latest end,
 * each version and project once, and the commit when every shard that names
 * one names the same (docs/diff-and-gates.md, "Run facts").
 */
function mergedFacts(metadata: ReadonlyArray<Record<string, unknown>>): Record<string, unknown> {
  const strings = (key: string) =>
    metadata.map((m) => m[key]).filter((v): v is string => typeof v === 'string');
  const facts: Record<string, unknown> = {};
  const started = strings('started_at').sort(compareText);
  const finished = strings('finished_at').sort(compareText);
  if (started.length > 0) facts.started_at = started[0];
  if (finished.length > 0) facts.finished_at = finished[finished.length - 1];
  for (const key of ['rampart_version', 'node_version']) {
    const values = [...new Set(strings(key))].sort(compareText);
    if (values.length > 0) facts[key] = values.join(', ');
  }
  const projects = metadata.flatMap((m) =>
    Array.isArray(m.jest_projects) ? m.jest_projects.map(String) : [],
  );
  if (metadata.some((m) => Array.isArray(m.jest_projects)))
    facts.jest_projects = [...new Set(projects)].sort(compareText);
  const commits = new Set(strings('git_commit'));
  if (commits.size === 1) facts.git_commit = [...commits][0];
  return facts;
}

/**
 * The prices every input that made model calls estimated its cost with; null
 * when one has no estimate or they differ: the merged estimate is then left
 * out rather than computed at prices some shard did not use.
 */
function sharedPrices(usages: readonly unknown[]): ModelPrices | null {
  let shared: ModelPrices | null = null;
  for (const usage of usages) {
    if (usage === undefined) continue;
    const prices = pricesOfEstimate((usage as { cost_estimate?: unknown } | null)?.cost_estimate);
    if (!prices || (shared && !samePrices(shared, prices))) return null;
    shared = prices;
  }
  return shared;
}

/** Merges shard reports; every gap or conflict becomes an incomplete reason. */
export function mergeReports(inputs: readonly ShardReport[]): TestRunReport {
  const reasons: string[] = [];
  const addReason = (reason: string): void => {
    if (!reasons.includes(reason)) reasons.push(reason);
  };
  const results: Result[] = [];
  const trialGroups: Record<string, TrialGroupResult> = {};
  const shards: Array<ShardInfo & { source: string }> = [];
  const jestVersions = new Set<string>();
  let workers = 0;
  let duration = 0;
  let withoutRampart = 0;
  const withoutRampartFiles = new Set<string>();

  const seenSources = new Set<string>();
  for (const { source, report } of inputs) {
    const shard = shardOf(report);
    const twin = shard && shards.find((s) => s.index === shard.index && s.count === shard.count);
    const duplicate = seenSources.has(source)
      ? 'given twice'
      : twin
        ? `shard ${twin.index}/${twin.count} was already merged from ${twin.source}`
        : null;
    if (duplicate) {
      // Merging the same shard twice would count its Results twice.
      addReason(`${source}: ${duplicate}; merged once`);
      continue;
    }
    seenSources.add(source);
    if (shard) shards.push({ ...shard, source });
    results.push(...report.results);
    duration = Math.max(duration, report.durationSeconds);
    if (typeof report.metadata.worker_count === 'number') workers += report.metadata.worker_count;
    if (typeof report.metadata.jest_version === 'string')
      jestVersions.add(report.metadata.jest_version);
    const without = filesWithoutRampart(report);
    if (without) {
      // Shards split the files: the counts add up.
      withoutRampart += without.count;
      for (const file of without.files) withoutRampartFiles.add(file);
    }
    const reported = report.metadata.incomplete_reasons;
    if (Array.isArray(reported))
      for (const reason of reported) addReason(`${source}: ${String(reason)}`);
    else if (report.metadata.incomplete === true)
      addReason(`${source}: the shard run is incomplete`);
    for (const [id, group] of Object.entries(report.trialGroups)) {
      // A trial group lives in one test file, and files are never split across shards.
      if (id in trialGroups) addReason(`trial group ${id} appears in more than one report`);
      trialGroups[id] = group;
    }
  }

  const counts = new Set(shards.map((shard) => shard.count));
  if (counts.size > 1)
    addReason(
      `the reports come from different shard counts (${[...counts].sort((a, b) => a - b).join(', ')})`,
    );
  if (shards.length > 0 && counts.size === 1) {
    const count = [...counts][0] as number;
    for (let index = 1; index <= count; index += 1) {
      if (!shards.some((shard) => shard.index === index))
        addReason(`shard ${index}/${count} is missing`);
    }
  }

  const metadata: Record<string, unknown> = {
    jest_version: [...jestVersions].sort().join(', ') || 'unknown',
    worker_count: workers,
    merged_from: inputs.map(({ source }) => source),
    ...mergedFacts(inputs.map(({ report }) => report.metadata)),
  };
  const usage = modelUsageTotals(results);
  if (usage) {
    const prices = sharedPrices(inputs.map(({ report }) => report.metadata[MODEL_USAGE_KEY]));
    metadata[MODEL_USAGE_KEY] = prices
      ? { ...usage, cost_estimate: costEstimate(usage, prices) }
      : usage;
  }
  if (shards.length > 0) {
    metadata.shards = shards
      .map(({ index, count }) => ({ shard_index: index, shard_count: count }))
      .sort((a, b) => a.shard_index - b.shard_index);
  }
  if (withoutRampart > 0) {
    metadata[FILES_WITHOUT_RAMPART_KEY] = {
      count: withoutRampart,
      files: [...withoutRampartFiles].sort(compareText).slice(0, MAX_LISTED_FILES),
    };
  }
  if (reasons.length > 0) {
    metadata.incomplete = true;
    metadata.incomplete_reasons = reasons;
  }
  return new TestRunReport({
    results: results.sort(compareReportOrder),
    durationSeconds: duration,
    metadata,
    trialGroups,
  });
}
