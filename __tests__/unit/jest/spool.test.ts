import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ObservabilityLevel, Result } from '../../../src/index';
import { encodeResult } from '../../../src/trace';
import { serializeWithResults } from '../../../src/jest/transport/spool-format';
import { envelopeResult } from '../../../src/jest/transport/result-envelope';
import { readSpoolDir, readSpoolFile } from '../../../src/jest/transport/spool-reader';
import { SpoolWriter } from '../../../src/jest/transport/spool-writer';
import { batchBySize } from '../../../src/jest/file-run';
import { spoolDirFor } from '../../../src/jest/transport/spool-files';
import { STRAY_DIR, StraySpool, readStrayLines } from '../../../src/jest/transport/stray-spool';

let runDir: string;
beforeEach(() => {
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-spool-'));
});
afterEach(() => fs.rmSync(runDir, { recursive: true, force: true }));

const PROJECT = { id: 'p1', displayName: null, rootDir: '/p' };
const channel = () => ({ v: 1 as const, dir: runDir, ownerPid: process.pid, maxResultBytes: 4096 });
const json = (summary: string) =>
  envelopeResult(
    new Result({ status: 'safe', summary, observabilityLevel: ObservabilityLevel.TOOL_ONLY }),
    { testName: 't', index: 0 },
    4096,
  ).json;
const testLine = (id: string, summaries: string[]) =>
  serializeWithResults(
    {
      type: 'test',
      id,
      title: id,
      ancestors: [],
      attempt: 1,
      harm: null,
      trial: null,
      outcome: 'passed',
      location: null,
    },
    summaries.map(json),
  );

describe('spool files', () => {
  test('written privately, read back line by line', () => {
    const writer = new SpoolWriter(channel(), '/p/a.test.js', PROJECT);
    writer.writePlan({ type: 'plan', groups: [{ id: 'g', title: 't', n: 2, threshold: 0.5 }] });
    writer.writeLine(testLine('a.test.js::x', ['one', 'two']));
    writer.close({ tests: 1, results: 2 });
    expect(fs.statSync(writer.file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(spoolDirFor(runDir, PROJECT.id, '/p/a.test.js')).mode & 0o777).toBe(0o700);
    const [instance] = readSpoolDir(spoolDirFor(runDir, PROJECT.id, '/p/a.test.js'));
    expect(instance?.problems).toEqual([]);
    expect(instance?.open).toMatchObject({
      testPath: '/p/a.test.js',
      pid: process.pid,
      project: PROJECT,
    });
    expect(instance?.groups).toEqual([{ id: 'g', title: 't', n: 2, threshold: 0.5 }]);
    expect(instance?.tests.map((t) => t.results.length)).toEqual([2]);
    expect(instance?.close).toEqual({ type: 'close', tests: 1, results: 2 });
  });

  test('each environment instance gets its own file', () => {
    new SpoolWriter(channel(), '/p/a.test.js', PROJECT).close({ tests: 0, results: 0 });
    new SpoolWriter(channel(), '/p/a.test.js', PROJECT).close({ tests: 0, results: 0 });
    expect(readSpoolDir(spoolDirFor(runDir, PROJECT.id, '/p/a.test.js'))).toHaveLength(2);
  });

  test('two projects running the same file write to two directories', () => {
    const other = { id: 'p2', displayName: 'second', rootDir: '/p' };
    new SpoolWriter(channel(), '/p/a.test.js', PROJECT).close({ tests: 0, results: 0 });
    new SpoolWriter(channel(), '/p/a.test.js', other).close({ tests: 0, results: 0 });
    expect(spoolDirFor(runDir, 'p1', '/p/a.test.js')).not.toBe(
      spoolDirFor(runDir, 'p2', '/p/a.test.js'),
    );
    const [first] = readSpoolDir(spoolDirFor(runDir, 'p1', '/p/a.test.js'));
    const [second] = readSpoolDir(spoolDirFor(runDir, 'p2', '/p/a.test.js'));
    expect([first?.open?.project, second?.open?.project]).toEqual([PROJECT, other]);
  });

  test('a line cut by a crash and a malformed line are problems; the other lines are kept', () => {
    const writer = new SpoolWriter(channel(), '/p/b.test.js', PROJECT);
    writer.writeLine(testLine('b::1', ['kept']));
    writer.writeLine('{"type":"test", "oops"');
    writer.writeLine(testLine('b::2', ['also kept']));
    fs.appendFileSync(writer.file, testLine('b::3', ['cut']).slice(0, 40));
    const instance = readSpoolFile(writer.file);
    expect(instance.tests.map((t) => t.id)).toEqual(['b::1', 'b::2']);
    expect(instance.close).toBeNull();
    expect(instance.problems).toEqual([
      expect.stringMatching(/^malformed record at line 3: invalid JSON/),
      'truncated record at line 5',
    ]);
  });

  test('a file from another format version is rejected as a whole', () => {
    const file = path.join(runDir, 'x.jsonl');
    fs.writeFileSync(
      file,
      `${JSON.stringify({ type: 'open', v: 'rampart.jest.spool.v0', testPath: 'a', instance: 'i', pid: 1, worker: '1', startedAt: 0 })}\n${testLine('a', ['x'])}\n`,
    );
    const instance = readSpoolFile(file);
    expect(instance.tests).toEqual([]);
    expect(instance.problems).toEqual([
      'malformed record at line 1: unsupported spool version "rampart.jest.spool.v0"',
    ]);
  });
});

describe('long tests', () => {
  test('batches keep every item, in order, each batch within the limit unless one item alone is larger', () => {
    expect(batchBySize(['aa', 'bb', 'c', 'dddd', 'e'], 4)).toEqual([
      ['aa', 'bb'],
      ['c'],
      ['dddd'],
      ['e'],
    ]);
    expect(batchBySize([], 4)).toEqual([[]]);
    expect(batchBySize(['toolong'], 4)).toEqual([['toolong']]);
  });

  test('lines longer than a read chunk are read whole, with the lines around them', () => {
    const writer = new SpoolWriter(channel(), '/p/huge.test.js', PROJECT);
    const big = 'z'.repeat(20 * 1024 * 1024);
    writer.writeLine(testLine('huge::a', ['small']));
    const bigJson = JSON.stringify(
      encodeResult(
        new Result({
          status: 'safe',
          summary: big,
          observabilityLevel: ObservabilityLevel.TOOL_ONLY,
        }),
      ),
    );
    writer.writeLine(
      serializeWithResults(
        {
          type: 'test',
          id: 'huge::b',
          title: 'b',
          ancestors: [],
          attempt: 1,
          harm: null,
          trial: null,
          outcome: 'passed',
          location: null,
        },
        [bigJson, json('after big')],
      ),
    );
    writer.writeLine(testLine('huge::c', ['last']));
    writer.close({ tests: 3, results: 4 });
    const instance = readSpoolFile(writer.file);
    expect(instance.problems).toEqual([]);
    expect(instance.tests.map((t) => t.id)).toEqual(['huge::a', 'huge::b', 'huge::c']);
    expect((instance.tests[1]?.results[0] as { summary: string }).summary).toHaveLength(big.length);
    expect(instance.close).toEqual({ type: 'close', tests: 3, results: 4 });
  });

  test('more lines continue the test line before them', () => {
    const writer = new SpoolWriter(channel(), '/p/long.test.js', PROJECT);
    writer.writeLine(testLine('long::t', ['one']));
    writer.writeLine(
      serializeWithResults({ type: 'more', id: 'long::t', attempt: 1 }, [
        json('two'),
        json('three'),
      ]),
    );
    writer.writeLine(
      serializeWithResults({ type: 'more', id: 'other::t', attempt: 1 }, [json('orphan')]),
    );
    writer.close({ tests: 1, results: 3 });
    const instance = readSpoolFile(writer.file);
    expect(instance.tests).toHaveLength(1);
    expect(instance.tests[0]?.results).toHaveLength(3);
    expect(instance.problems).toEqual([
      'malformed record at line 4: more record without its test or late record',
    ]);
  });
});

describe('late lines split over several lines', () => {
  test('more lines after a late line continue it, and it arrives whole', () => {
    const writer = new SpoolWriter(channel(), '/p/late.test.js', PROJECT);
    writer.writeLine(testLine('late::t', ['on time']));
    writer.writeLine(
      serializeWithResults({ type: 'late', id: 'late::t', attempt: 1 }, [json('late 1')]),
    );
    writer.writeLine(
      serializeWithResults({ type: 'more', id: 'late::t', attempt: 1 }, [
        json('late 2'),
        json('late 3'),
      ]),
    );
    writer.writeLine(
      serializeWithResults({ type: 'more', id: 'late::t', attempt: 1 }, [json('late 4')]),
    );
    writer.close({ tests: 1, results: 5 });
    const instance = readSpoolFile(writer.file);
    expect(instance.problems).toEqual([]);
    expect(instance.tests[0]?.results).toHaveLength(1);
    expect(
      instance.lates.map((l) => l.results.map((r) => (r as { summary: string }).summary)),
    ).toEqual([['late 1', 'late 2', 'late 3', 'late 4']]);
  });

  test('a more line that does not follow its line is a problem', () => {
    const writer = new SpoolWriter(channel(), '/p/late.test.js', PROJECT);
    writer.writeLine(testLine('late::t', ['on time']));
    writer.writeLine(
      serializeWithResults({ type: 'late', id: 'late::t', attempt: 1 }, [json('late 1')]),
    );
    writer.writePlan({ type: 'plan', groups: [] });
    writer.writeLine(
      serializeWithResults({ type: 'more', id: 'late::t', attempt: 1 }, [json('late 2')]),
    );
    const instance = readSpoolFile(writer.file);
    expect(instance.lates[0]?.results).toHaveLength(1);
    expect(instance.problems).toEqual([
      'malformed record at line 5: more record without its test or late record',
    ]);
  });
});

describe('stray Results', () => {
  test('each sandbox appends to its own file in the stray directory; the reader gets every line', () => {
    const one = new StraySpool(channel());
    const two = new StraySpool(channel());
    one.append({ testPath: '/p/a.test.js', test: 'first' });
    one.append({ testPath: '/p/a.test.js', test: 'first' });
    two.append({ testPath: '/p/b.test.js', test: 'other' });
    expect(fs.readdirSync(path.join(runDir, STRAY_DIR))).toHaveLength(2);
    const { lines, problems } = readStrayLines(runDir);
    expect(problems).toEqual([]);
    expect(lines.map((r) => [r.testPath, r.test]).sort()).toEqual([
      ['/p/a.test.js', 'first'],
      ['/p/a.test.js', 'first'],
      ['/p/b.test.js', 'other'],
    ]);
  });

  test('a malformed line is a problem; the others are kept', () => {
    new StraySpool(channel()).append({ testPath: '/p/a.test.js', test: 't' });
    const [name] = fs.readdirSync(path.join(runDir, STRAY_DIR));
    fs.appendFileSync(path.join(runDir, STRAY_DIR, name as string), '{"type":"stray"}\n');
    const { lines, problems } = readStrayLines(runDir);
    expect(lines).toHaveLength(1);
    expect(problems).toEqual([
      `stray Results ${name}: malformed record at line 2: not a stray record of this version`,
    ]);
  });

  test('no stray directory: nothing', () => {
    expect(readStrayLines(runDir)).toEqual({ lines: [], problems: [] });
  });
});
