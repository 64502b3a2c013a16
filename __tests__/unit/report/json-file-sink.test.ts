import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JsonFileReportSink, TestRunReport } from '../../../src/report';
import { ObservabilityLevel, Result } from '../../../src/index';
import { reportFileName, writeReportFileSync } from '../../../src/report/json-file-sink';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-sink-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const report = new TestRunReport({
  results: [
    new Result({
      status: 'safe',
      summary: 'ok',
      observabilityLevel: ObservabilityLevel.TOOL_ONLY,
      harmCategory: 'prompt_injection',
      metadata: { k: 'v' },
    }),
  ],
});

describe('JsonFileReportSink', () => {
  test('names files with a UTC millisecond timestamp', () => {
    expect(reportFileName(new Date(Date.UTC(2026, 3, 25, 14, 30, 0, 123)))).toBe(
      'run_report_2026-04-25T14-30-00-123.json',
    );
  });

  test('writes exactly one report file that round-trips, and its run_report_latest.json copy', () => {
    const sink = new JsonFileReportSink({ outputDir: path.join(dir, 'nested', 'out') });
    sink.emit(report);
    const files = fs.readdirSync(path.join(dir, 'nested', 'out')).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^run_report_\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}\.json$/);
    expect(files[1]).toBe('run_report_latest.json');
    expect(fs.readFileSync(path.join(dir, 'nested', 'out', 'run_report_latest.json'), 'utf8')).toBe(
      fs.readFileSync(sink.written[0] as string, 'utf8'),
    );
    const parsed = JSON.parse(fs.readFileSync(sink.written[0] as string, 'utf8'));
    expect(parsed.by_harm_category.prompt_injection[0].metadata).toEqual({ k: 'v' });
  });

  test('same millisecond: never overwrites, a random suffix instead; no temporary files left', () => {
    const now = new Date(Date.UTC(2026, 0, 1));
    const written = [0, 1, 2].map((i) => writeReportFileSync(dir, `{"n":${i}}\n`, now));
    expect(new Set(written).size).toBe(3);
    expect(path.basename(written[0] as string)).toBe('run_report_2026-01-01T00-00-00-000.json');
    expect(path.basename(written[1] as string)).toMatch(
      /^run_report_2026-01-01T00-00-00-000_[0-9a-f-]{36}\.json$/,
    );
    expect(written.map((file) => fs.readFileSync(file, 'utf8'))).toEqual([
      '{"n":0}\n',
      '{"n":1}\n',
      '{"n":2}\n',
    ]);
    // The latest copy was replaced each time, and is the last report.
    expect(fs.readFileSync(path.join(dir, 'run_report_latest.json'), 'utf8')).toBe('{"n":2}\n');
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('an existing file is never replaced', () => {
    const now = new Date(Date.UTC(2026, 0, 1));
    const existing = path.join(dir, reportFileName(now));
    fs.writeFileSync(existing, 'precious');
    writeReportFileSync(dir, 'new', now);
    expect(fs.readFileSync(existing, 'utf8')).toBe('precious');
  });

  test('a report whose Results cannot be read leaves no file behind', () => {
    const broken = new TestRunReport({ results: report.results });
    // As when a Result cannot be read back from the spool while the report is written.
    Object.defineProperty(broken, 'eachResult', {
      value: function* () {
        yield* report.results;
        throw new Error('unserializable');
      },
    });
    expect(() => new JsonFileReportSink({ outputDir: dir }).emit(broken)).toThrow('unserializable');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('rejects a missing outputDir', () => {
    expect(() => new JsonFileReportSink({ outputDir: '' })).toThrow(
      'JsonFileReportSink outputDir must be a non-empty string',
    );
  });
});
