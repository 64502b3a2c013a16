import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ObservabilityLevel, Result } from '../../../src/index';
import { serializeWithResults } from '../../../src/jest/transport/spool-format';
import { envelopeResult } from '../../../src/jest/transport/result-envelope';
import { readSpoolFile } from '../../../src/jest/transport/spool-reader';
import { SpoolWriter } from '../../../src/jest/transport/spool-writer';
import { RunAccumulator } from '../../../src/jest/run-accumulator';
import { serializeReportChunks } from '../../../src/report/json-report';
import { TestRunReport } from '../../../src/model/run-report';

let runDir: string;
beforeEach(() => {
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-read-back-'));
});
afterEach(() => fs.rmSync(runDir, { recursive: true, force: true }));

const PROJECT = { id: 'p1', displayName: null, rootDir: '/p' };
const channel = () => ({ v: 1 as const, dir: runDir, ownerPid: process.pid, maxResultBytes: 4096 });
const json = (summary: string, status: 'safe' | 'unsafe' = 'safe', harmCategory?: string) =>
  envelopeResult(
    new Result({
      status,
      summary,
      observabilityLevel: ObservabilityLevel.TOOL_ONLY,
      ...(harmCategory ? { harmCategory } : {}),
    }),
    { testName: 't', index: 0 },
    4096,
  ).json;
const header = (id: string) => ({
  type: 'test' as const,
  id,
  title: id.split('::').pop() as string,
  ancestors: [],
  attempt: 1,
  harm: 'prompt_injection',
  trial: null,
  outcome: 'passed' as const,
  location: null,
});

/** One file: `b` in a test line and a more line (with a malformed Result), `a` with a late line. */
function writeSpool(): string {
  const writer = new SpoolWriter(channel(), '/p/a.test.js', PROJECT);
  writer.writeLine(serializeWithResults(header('a.test.js::b'), [json('b0', 'unsafe')]));
  writer.writeLine(
    serializeWithResults({ type: 'more', id: 'a.test.js::b', attempt: 1 }, [
      '{"not":"a result"}',
      json('b1', 'safe', 'data_exfiltration'),
    ]),
  );
  writer.writeLine(serializeWithResults(header('a.test.js::a'), [json('a0')]));
  writer.writeLine(
    serializeWithResults({ type: 'late', id: 'a.test.js::a', attempt: 1 }, [json('a1 late')]),
  );
  writer.close({ tests: 2, results: 5 });
  return writer.file;
}

/** By default nothing is held: every Result is read back from the spool. */
function accumulate(
  instance: ReturnType<typeof readSpoolFile>,
  heldResultBytes = 0,
): RunAccumulator {
  const acc = new RunAccumulator({ rootDir: '/p', heldResultBytes });
  acc.addFile({ project: PROJECT, testPath: '/p/a.test.js' }, [instance]);
  return acc;
}

const report = (acc: RunAccumulator) =>
  acc.buildReport({ durationSeconds: 1, metadata: { started_at: 'now' } });

describe('Results read back from the spool', () => {
  test('in report order, tagged and indexed as when they arrived, the malformed one skipped again', () => {
    const built = report(accumulate(readSpoolFile(writeSpool())));
    const seen = [...built.eachResult()].map((r) => [
      r.summary,
      r.metadata._jest_test_id,
      r.metadata._rampart_result_index,
      r.metadata._rampart_late ?? false,
    ]);
    expect(seen).toEqual([
      ['a0', 'a.test.js::a', 0, false],
      ['a1 late', 'a.test.js::a', 1, true],
      ['b0', 'a.test.js::b', 0, false],
      ['b1', 'a.test.js::b', 1, false],
    ]);
    // Each call is a fresh pass; the array built on first access holds the same Results.
    expect([...built.eachResult()].map((r) => r.summary)).toEqual(seen.map(([s]) => s));
    expect(built.results.map((r) => r.summary)).toEqual(seen.map(([s]) => s));
    expect(built.metadata.incomplete_reasons).toEqual([
      expect.stringContaining('a.test.js: malformed Result dropped'),
    ]);
    expect([built.totalRuns, built.passed, built.failed]).toEqual([4, 3, 1]);
    expect(built.harmCategories()).toEqual(['prompt_injection', 'data_exfiltration']);
    expect(
      [...built.eachResult({ harmCategory: 'data_exfiltration' })].map((r) => r.summary),
    ).toEqual(['b1']);
  });

  test('the JSON report of the spool is the one of the same Results held in memory', () => {
    const built = report(accumulate(readSpoolFile(writeSpool())));
    const held = new TestRunReport({
      results: built.results,
      durationSeconds: built.durationSeconds,
      metadata: built.metadata,
      trialGroups: built.trialGroups,
    });
    expect([...serializeReportChunks(built)].join('')).toBe(
      [...serializeReportChunks(held)].join(''),
    );
  });

  test('Results held in memory (a small run) give the same report as Results read back', () => {
    const file = writeSpool();
    const chunks = (heldResultBytes: number) => {
      const built = report(accumulate(readSpoolFile(file), heldResultBytes));
      return [...serializeReportChunks(built)].join('');
    };
    const held = chunks(1 << 20);
    expect(held).toBe(chunks(0));
    // Held, the spool is not read again: removing it changes nothing.
    const built = report(accumulate(readSpoolFile(file), 1 << 20));
    fs.rmSync(file);
    expect([...built.eachResult()].map((r) => r.summary)).toEqual(['a0', 'a1 late', 'b0', 'b1']);
  });

  test('a run beyond the held budget reads every Result back, the ones absorbed before too', () => {
    const file = writeSpool();
    const built = report(accumulate(readSpoolFile(file), 100));
    fs.truncateSync(file, 10);
    expect(() => [...built.eachResult()]).toThrow(/could not read Results again/);
  });

  test('records built in memory, without their place in a file, give the same Results', () => {
    const instance = readSpoolFile(writeSpool());
    const fromFile = accumulate(instance).results();
    for (const line of [...instance.tests, ...instance.lates]) delete line.spans;
    expect(accumulate(instance).results()).toEqual(fromFile);
  });

  test('a spool changed under the reporter fails the pass that reads it, naming the place', () => {
    const file = writeSpool();
    const built = report(accumulate(readSpoolFile(file)));
    fs.truncateSync(file, 10);
    expect(() => [...built.eachResult()]).toThrow(
      /^RAMPART could not read Results again from .*\.jsonl at byte \d+: /,
    );
  });
});
