import * as path from 'node:path';
import { resolveReporterOptions } from '../../../src/jest/reporter-options';

const root = path.resolve('/project');

describe('reporter options', () => {
  test('defaults', () => {
    const saved = process.env.GITHUB_ACTIONS;
    delete process.env.GITHUB_ACTIONS;
    expect(resolveReporterOptions(undefined, root)).toEqual({
      outputDir: path.join(root, '.rampart'),
      defaultOutputDir: true,
      json: true,
      html: true,
      sinks: [],
      failOnTrialGate: true,
      maxResultBytes: 16 * 1024 * 1024,
      sinkTimeoutMs: 30000,
      keepTransport: false,
      junit: null,
      sarif: null,
      github: null,
      intervals: false,
      failOn: ['incomplete', 'nothing-rated'],
      maxAttackSuccessRate: null,
      baseline: null,
      baselineFailOn: ['new-unsafe', 'flipped-group', 'asr'],
      modelCalls: null,
      modelPrices: null,
      notes: [],
    });
    if (saved !== undefined) process.env.GITHUB_ACTIONS = saved;
  });

  test('CI formats: true, { outputFile } relative to rootDir, and GitHub from the environment', () => {
    const saved = process.env.GITHUB_ACTIONS;
    process.env.GITHUB_ACTIONS = 'true';
    try {
      const resolved = resolveReporterOptions(
        { junit: true, sarif: { outputFile: 'out/scan.sarif' } },
        root,
      );
      expect(resolved.junit).toEqual({});
      expect(resolved.sarif).toEqual({ outputFile: path.join(root, 'out/scan.sarif') });
      expect(resolved.github).toEqual({ explicit: false });
      expect(resolveReporterOptions({ github: false }, root).github).toBeNull();
      expect(resolveReporterOptions({ github: true }, root).github).toEqual({ explicit: true });
      expect(resolveReporterOptions({ junit: false, sarif: {} }, root)).toMatchObject({
        junit: null,
        sarif: {},
      });
    } finally {
      if (saved === undefined) delete process.env.GITHUB_ACTIONS;
      else process.env.GITHUB_ACTIONS = saved;
    }
  });

  test('the gate options, and a baseline resolved from rootDir', () => {
    expect(
      resolveReporterOptions(
        {
          intervals: true,
          failOn: ['incomplete', 'error', 'error'],
          maxAttackSuccessRate: 0.1,
          baseline: 'main/report.json',
          baselineFailOn: ['asr'],
        },
        root,
      ),
    ).toMatchObject({
      intervals: true,
      failOn: ['incomplete', 'error'],
      maxAttackSuccessRate: 0.1,
      baseline: path.join(root, 'main/report.json'),
      baselineFailOn: ['asr'],
    });
  });

  test('RAMPART_OUTPUT_DIR sets outputDir when the option does not', () => {
    const before = process.env.RAMPART_OUTPUT_DIR;
    process.env.RAMPART_OUTPUT_DIR = 'shard-2';
    try {
      expect(resolveReporterOptions({}, root).outputDir).toBe(path.join(root, 'shard-2'));
      expect(resolveReporterOptions({ outputDir: 'pinned' }, root).outputDir).toBe(
        path.join(root, 'pinned'),
      );
      process.env.RAMPART_OUTPUT_DIR = '   ';
      expect(() => resolveReporterOptions({}, root)).toThrow(
        'environment variable RAMPART_OUTPUT_DIR must be a non-empty string, got "   "',
      );
    } finally {
      if (before === undefined) delete process.env.RAMPART_OUTPUT_DIR;
      else process.env.RAMPART_OUTPUT_DIR = before;
    }
  });

  test('modelCalls is checked as model-call options and kept as given', () => {
    expect(
      resolveReporterOptions({ modelCalls: { requestsPerMinute: 600 } }, root).modelCalls,
    ).toEqual({ requestsPerMinute: 600 });
  });

  test.each([
    [
      { junit: 'yes' },
      'rampart/reporter option "junit" must be true, false or { outputFile }, got "yes"',
    ],
    [
      { sarif: { file: 'x' } },
      'rampart/reporter option "sarif" must be true, false or { outputFile }, got { file: "x" }',
    ],
    [
      { junit: { outputFile: ' ' } },
      'rampart/reporter option "junit" outputFile must be a non-empty string, got " "',
    ],
    [{ github: 1 }, 'rampart/reporter option "github" must be true or false, got 1'],
    [{ outputDir: 5 }, 'rampart/reporter option "outputDir" must be a non-empty string, got 5'],
    [{ json: 'yes' }, 'rampart/reporter option "json" must be true or false, got "yes"'],
    [{ html: 1 }, 'rampart/reporter option "html" must be true or false, got 1'],
    [
      { failOnTrialGate: 0 },
      'rampart/reporter option "failOnTrialGate" must be true or false, got 0',
    ],
    [
      { maxResultBytes: -1 },
      'rampart/reporter option "maxResultBytes" must be a positive integer (bytes), got -1',
    ],
    [
      { sinkTimeoutMs: 1.5 },
      'rampart/reporter option "sinkTimeoutMs" must be a positive integer (milliseconds), got 1.5',
    ],
    [
      { failOn: ['unsafe'] },
      'rampart/reporter option "failOn" must be an array that holds "incomplete" (an incomplete run always fails), got ["unsafe"]',
    ],
    [
      { failOn: ['incomplete', 'unsafes'] },
      'rampart/reporter option "failOn"[1] must be one of "incomplete", "nothing-rated", "unsafe", "error", "undetermined", got "unsafes"',
    ],
    [
      { maxAttackSuccessRate: 5 },
      'rampart/reporter option "maxAttackSuccessRate" must be a number in [0, 1], got 5',
    ],
    [{ baseline: '' }, 'rampart/reporter option "baseline" must be a non-empty string, got ""'],
    [
      { baselineFailOn: 'asr' },
      'rampart/reporter option "baselineFailOn" must be an array of "new-unsafe", "flipped-group", "asr", got "asr"',
    ],
    [
      { modelCalls: { requestsPerMinute: 0 } },
      'rampart/reporter option "modelCalls".requestsPerMinute must be an integer >= 1, got 0',
    ],
    [
      { modelCalls: { rpm: 60 } },
      'rampart/reporter option "modelCalls".rpm must be one of maxAttempts, baseDelayMs',
    ],
    [
      { failOnTrailGate: false },
      'rampart/reporter has no option "failOnTrailGate" (did you mean "failOnTrialGate"?); known options: outputDir, json, html, sinks, failOnTrialGate, maxResultBytes, sinkTimeoutMs, keepTransport',
    ],
    [
      { frobnicate: 1 },
      'rampart/reporter has no option "frobnicate"; known options: outputDir, json,',
    ],
  ])('%p is rejected with a message naming it', (options, message) => {
    expect(() => resolveReporterOptions(options, root)).toThrow(message);
  });

  test('html follows json unless given: json: false writes no file', () => {
    const html = (options: Record<string, unknown>) => resolveReporterOptions(options, root).html;
    expect([
      html({}),
      html({ json: false }),
      html({ json: false, html: true }),
      html({ html: false }),
    ]).toEqual([true, false, true, false]);
  });

  test('a cap below 4 KiB is raised to the minimum, with a note', () => {
    const resolved = resolveReporterOptions({ maxResultBytes: 1 }, root);
    expect(resolved.maxResultBytes).toBe(4096);
    expect(resolved.notes).toEqual([
      'rampart/reporter option "maxResultBytes" (1) is below the minimum of 4096 bytes an attributed placeholder needs; using 4096.',
    ]);
  });
});
