import { ObservabilityLevel, Result } from '../../../src/index';
import { TestRunReport, classifyTrialGroup } from '../../../src/report';
import { mergeReports } from '../../../src/report/merge';

const result = (testId: string, index = 0) =>
  new Result({
    status: 'safe',
    summary: `${testId}#${index}`,
    observabilityLevel: ObservabilityLevel.TOOL_ONLY,
    metadata: { _jest_test_id: testId, _rampart_result_index: index, _rampart_attempt: 1 },
  });
const shard = (
  index: number,
  count: number,
  results: Result[],
  extra: Record<string, unknown> = {},
) =>
  new TestRunReport({
    results,
    durationSeconds: index,
    metadata: {
      jest_version: '30.5.2',
      worker_count: 2,
      shard: { shard_index: index, shard_count: count },
      ...extra,
    },
    trialGroups: { [`f${index}::g`]: classifyTrialGroup([[results[0] as Result]], 1, 'g') },
  });

describe('mergeReports', () => {
  test('merges in report order, recomputing counts; keeps trial groups and shard list', () => {
    const merged = mergeReports([
      { source: 'two.json', report: shard(2, 2, [result('b::t', 1), result('b::t', 0)]) },
      { source: 'one.json', report: shard(1, 2, [result('a::t')]) },
    ]);
    expect(merged.results.map((r) => r.summary)).toEqual(['a::t#0', 'b::t#0', 'b::t#1']);
    expect(merged.totalRuns).toBe(3);
    expect(Object.keys(merged.trialGroups).sort()).toEqual(['f1::g', 'f2::g']);
    expect(merged.durationSeconds).toBe(2);
    expect(merged.metadata).toEqual({
      jest_version: '30.5.2',
      worker_count: 4,
      merged_from: ['two.json', 'one.json'],
      shards: [
        { shard_index: 1, shard_count: 2 },
        { shard_index: 2, shard_count: 2 },
      ],
    });
  });

  test('carries the incomplete reasons of each shard, and flags inconsistent shard sets', () => {
    const merged = mergeReports([
      {
        source: 'one.json',
        report: shard(1, 3, [result('a::t')], {
          incomplete: true,
          incomplete_reasons: ['worker crashed'],
        }),
      },
      { source: 'other.json', report: shard(2, 2, [result('b::t')]) },
    ]);
    expect(merged.metadata.incomplete_reasons).toEqual([
      'one.json: worker crashed',
      'the reports come from different shard counts (2, 3)',
    ]);
  });

  test('reports without shard metadata merge as they are', () => {
    const merged = mergeReports([
      { source: 'x.json', report: new TestRunReport({ results: [result('a::t')] }) },
    ]);
    expect(merged.totalRuns).toBe(1);
    expect(merged.incomplete).toBe(false);
  });
});

test('shard counts in the reason are sorted as numbers', () => {
  const merged = mergeReports([
    { source: 'ten.json', report: shard(1, 10, [result('a::t')]) },
    { source: 'two.json', report: shard(2, 2, [result('b::t')]) },
  ]);
  expect(merged.metadata.incomplete_reasons).toContain(
    'the reports come from different shard counts (2, 10)',
  );
});

test('the files that ran without rampart/env in each shard add up', () => {
  const merged = mergeReports([
    {
      source: 'one.json',
      report: shard(1, 2, [result('a::t')], {
        files_without_rampart_env: { count: 2, files: ['unit/b.test.js', 'unit/a.test.js'] },
      }),
    },
    {
      source: 'two.json',
      report: shard(2, 2, [result('b::t')], {
        files_without_rampart_env: { count: 1, files: ['unit/c.test.js'] },
      }),
    },
  ]);
  expect(merged.metadata.files_without_rampart_env).toEqual({
    count: 3,
    files: ['unit/a.test.js', 'unit/b.test.js', 'unit/c.test.js'],
  });
  expect(merged.incomplete).toBe(false);
});

describe('run facts of merged shards', () => {
  const facts = (started: string, finished: string, extra: Record<string, unknown> = {}) =>
    new TestRunReport({
      results: [],
      metadata: {
        jest_version: '30.0.0',
        worker_count: 1,
        started_at: started,
        finished_at: finished,
        rampart_version: '0.1.0',
        node_version: 'v20.18.0',
        jest_projects: ['api'],
        ...extra,
      },
    });

  test('earliest start, latest end, each version once, projects united, the commit when all agree', () => {
    const commit = 'a'.repeat(40);
    const merged = mergeReports([
      {
        source: 'one.json',
        report: facts('2026-12-02T05:00:01.000Z', '2026-12-02T05:03:00.000Z', {
          git_commit: commit,
        }),
      },
      {
        source: 'two.json',
        report: facts('2026-12-02T05:00:00.500Z', '2026-12-02T05:02:00.000Z', {
          git_commit: commit,
          node_version: 'v22.1.0',
          jest_projects: ['web'],
        }),
      },
    ]);
    expect(merged.metadata).toMatchObject({
      started_at: '2026-12-02T05:00:00.500Z',
      finished_at: '2026-12-02T05:03:00.000Z',
      rampart_version: '0.1.0',
      node_version: 'v20.18.0, v22.1.0',
      jest_projects: ['api', 'web'],
      git_commit: commit,
    });
    const split = mergeReports([
      {
        source: 'one.json',
        report: facts('2026-12-02T05:00:01.000Z', '2026-12-02T05:03:00.000Z', {
          git_commit: commit,
        }),
      },
      {
        source: 'two.json',
        report: facts('2026-12-02T05:00:01.000Z', '2026-12-02T05:03:00.000Z', {
          git_commit: 'b'.repeat(40),
        }),
      },
    ]);
    expect(split.metadata.git_commit).toBeUndefined();
  });
});
