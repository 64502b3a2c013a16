import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestRunReport } from '../../../src/report';
import { type ReportSink, emitToSinks, isReportSink } from '../../../src/report/sink';
import { loadSinkModules, resolveSinkModules } from '../../../src/report/sink-modules';

const report = new TestRunReport({ results: [] });

describe('emitToSinks', () => {
  test('every sink gets the same report once, in order, even after one throws or hangs', async () => {
    const calls: string[] = [];
    class Recording implements ReportSink {
      constructor(private readonly name: string) {}
      emit(received: TestRunReport): void {
        expect(received).toBe(report);
        calls.push(this.name);
      }
    }
    class Throwing implements ReportSink {
      emit(): void {
        throw new Error('disk full');
      }
    }
    class Hanging implements ReportSink {
      emit(): Promise<void> {
        return new Promise(() => undefined);
      }
    }
    const warnings = await emitToSinks(
      [new Recording('a'), new Throwing(), new Hanging(), new Recording('b')],
      report,
      {
        timeoutMs: 50,
      },
    );
    expect(calls).toEqual(['a', 'b']);
    expect(warnings).toEqual([
      'Sink Throwing.emit failed — report may not be persisted. (Error: disk full)',
      'Sink Hanging.emit failed — report may not be persisted. (SinkTimeout: did not finish within sinkTimeoutMs (50 ms))',
    ]);
  });

  test('structural sink check', () => {
    expect(isReportSink({ emit() {} })).toBe(true);
    expect(isReportSink({ emit: 1 })).toBe(false);
    expect(isReportSink(null)).toBe(false);
  });
});

describe('sink modules', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-sinks-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (name: string, code: string) => fs.writeFileSync(path.join(root, name), code);

  test('resolves from rootDir; unknown module and bad entries are configuration errors', () => {
    write('ok.js', 'module.exports = () => [];');
    expect(
      resolveSinkModules(['./ok.js', ['./ok.js', { a: 1 }]], root).map((m) => m.options),
    ).toEqual([{}, { a: 1 }]);
    expect(() => resolveSinkModules(['./missing.js'], root)).toThrow(
      'cannot find sink module "./missing.js"',
    );
    expect(() => resolveSinkModules('./ok.js', root)).toThrow('option "sinks" must be an array');
    expect(() => resolveSinkModules([42], root)).toThrow(
      'option "sinks[0]" must be a module specifier',
    );
  });

  test('factories get the context; bad exports and items are dropped with warnings', async () => {
    write('good.js', 'module.exports = (ctx) => [{ emit() {}, ctx }];');
    write('esm-default.js', 'exports.default = () => [{ emit() {} }];');
    write('none.js', 'module.exports = { notAFactory: true };');
    write('object.js', 'module.exports = () => ({ emit() {} });');
    write('mixed.js', 'module.exports = () => [{ emit() {} }, "not-a-sink"];');
    write('throws.js', 'module.exports = () => { throw new Error("bad config"); };');
    const modules = resolveSinkModules(
      [
        ['./good.js', { level: 2 }],
        './esm-default.js',
        './none.js',
        './object.js',
        './mixed.js',
        './throws.js',
      ],
      root,
    );
    const { sinks, warnings } = await loadSinkModules(modules, {
      rootDir: root,
      outputDir: '/out',
    });
    expect(sinks).toHaveLength(3);
    expect((sinks[0] as unknown as { ctx: unknown }).ctx).toEqual({
      rootDir: root,
      outputDir: '/out',
      options: { level: 2 },
    });
    expect(warnings).toEqual([
      'Sink module "./none.js" exports no sink factory (expected a default-exported function (context) => ReportSink[]); ignoring it.',
      'Sink module "./object.js" returned { emit: function emit }, expected ReportSink[]; ignoring it.',
      'Sink module "./mixed.js" returned a non-sink item "not-a-sink" (a sink needs an emit(report) method); ignoring it.',
      'Sink module "./throws.js" failed to load: Error: bad config; ignoring it.',
    ]);
  });
});
