import * as fs from 'node:fs';
import nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { EvalOutcome, ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { TestRunReport, classifyTrialGroup } from '../../../src/report';
import { REPORT_SCHEMA_VERSION } from '../../../src/report/json-report';
import { mergeReports } from '../../../src/report/merge';
import {
  READABLE_REPORT_VERSIONS,
  ReportReadError,
  readJsonReport,
  readReportFile,
} from '../../../src/report/report-reader';
import {
  BROKEN_REPORTS,
  VALID_REPORTS,
  corpusFile,
  expectedError,
} from '../../fixtures/reports/cases';
import { REPO_SCHEMA, schemaErrors } from '../../support/report-schema';
import { reportText } from '../../support/report-text';

type Outcome = 'ok' | ReportReadError['problem'];

function readOutcome(value: unknown): Outcome {
  try {
    readJsonReport(value, 'r.json');
    return 'ok';
  } catch (error) {
    if (error instanceof ReportReadError) return error.problem;
    throw error;
  }
}

const parse = (file: string): unknown => JSON.parse(fs.readFileSync(corpusFile(file), 'utf8'));

describe('the corpus of reports', () => {
  test.each(VALID_REPORTS.map((c) => [c.file, c] as const))(
    '%s reads and satisfies the schema; ours is written back unchanged, any merges validly',
    (file, report) => {
      const read = readReportFile(corpusFile(file));
      expect(read.source).toBe(corpusFile(file));
      expect(read.schemaVersion).toBe(file.includes('upstream') ? null : REPORT_SCHEMA_VERSION);
      expect(schemaErrors(parse(file))).toBeNull();
      if (read.schemaVersion !== null && report.older === undefined)
        expect(reportText(read.report)).toBe(fs.readFileSync(corpusFile(file), 'utf8'));
      const merged = reportText(mergeReports([{ source: file, report: read.report }]));
      expect(schemaErrors(JSON.parse(merged))).toBeNull();
    },
  );

  test.each(BROKEN_REPORTS.map((c) => [c.file, c] as const))(
    '%s: the exact message, and the schema agrees',
    (file, report) => {
      const given = corpusFile(file);
      let thrown: unknown;
      try {
        readReportFile(given);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ReportReadError);
      expect((thrown as ReportReadError).message).toBe(expectedError(report, given));
      expect((thrown as ReportReadError).problem).toBe(report.problem);
      expect((thrown as ReportReadError).source).toBe(given);
      if (report.problem === 'schema' || report.problem === 'consistency') {
        // What the schema can state, it rejects too; the rules across fields are the reader's.
        const errors = schemaErrors(parse(file));
        if (report.problem === 'schema') expect(errors).not.toBeNull();
        else expect(errors).toBeNull();
      }
    },
  );

  test('the corpus covers every kind of problem and both kinds of report', () => {
    const problems = new Set(BROKEN_REPORTS.map((c) => c.problem));
    expect([...problems].sort()).toEqual(['consistency', 'file', 'json', 'schema']);
    expect(VALID_REPORTS.filter((c) => c.file.includes('upstream')).length).toBeGreaterThan(1);
    expect(fs.readdirSync(corpusFile('invalid')).length).toBe(BROKEN_REPORTS.length - 1);
  });
});

test('the messages shown in docs/reporter.md are the ones the reader gives', () => {
  const page = fs.readFileSync(path.resolve(__dirname, '../../../docs/reporter.md'), 'utf8');
  const block = /### Reading a report: the errors[\s\S]*?```\n([\s\S]*?)```/.exec(page)?.[1];
  const lines = (block ?? '').trim().split('\n');
  expect(lines.length).toBeGreaterThan(5);
  for (const line of lines) {
    const message = line.replace(/^rampart merge: /, '');
    const matches = BROKEN_REPORTS.some((report) =>
      ['shard-2.json', 'package.json'].some((file) => expectedError(report, file) === message),
    );
    expect([line, matches]).toEqual([line, true]);
  }
});

describe('the reader and the schema agree on any change to a valid report', () => {
  type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
  type Step = string | number;
  const bases = VALID_REPORTS.map((c) => parse(c.file) as Json);

  function locations(value: Json, at: Step[] = []): Step[][] {
    const here = [at];
    if (Array.isArray(value)) value.forEach((v, i) => here.push(...locations(v, [...at, i])));
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) here.push(...locations(v, [...at, k]));
    return here;
  }

  function mutate(base: Json, at: Step[], op: string, key: string, value: Json): Json {
    const copy = JSON.parse(JSON.stringify(base)) as Json;
    if (at.length === 0) return op === 'replace' ? value : copy;
    let parent = copy as Record<string, Json> | Json[];
    for (const step of at.slice(0, -1)) parent = (parent as Record<string, Json>)[step] as never;
    const last = at[at.length - 1] as Step;
    const target = (parent as Record<string, Json>)[last] as Json;
    if (op === 'replace') (parent as Record<string, Json>)[last] = value;
    else if (op === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      target[key] = value;
    }
    return JSON.parse(JSON.stringify(copy)) as Json;
  }

  const values = fc.oneof(
    fc.constantFrom<Json>(
      null,
      true,
      false,
      0,
      -1,
      1,
      1.5,
      2,
      2 ** 53 + 2, // not a safe integer
      '',
      'x',
      'safe',
      'unsafe',
      'maybe',
      'detected',
      'tool_only',
      'uncategorized',
      REPORT_SCHEMA_VERSION,
      [],
      {},
      ['x'],
      [1],
    ),
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  );

  test('a schema error exactly when ajv rejects; otherwise valid or a rule across fields', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.nat(),
        fc.constantFrom('replace', 'replace', 'delete', 'add'),
        fc.constantFrom(
          'extra',
          'eval_outcome',
          'eval_confidence',
          'population',
          'incomplete',
          'trial_groups',
          'schema_version',
          'shard',
          '_rampart_attempt',
          'undetermined_operands',
        ),
        values,
        (b, pick, op, key, value) => {
          const base = bases[b] as Json;
          const all = locations(base);
          const changed = mutate(base, all[pick % all.length] as Step[], op, key, value);
          const valid = schemaErrors(changed) === null;
          const outcome = readOutcome(changed);
          if (valid) expect(['ok', 'consistency']).toContain(outcome);
          else expect(outcome).toBe('schema');
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('reading', () => {
  const base = {
    status: SafetyStatus.SAFE,
    summary: 'ok',
    observabilityLevel: ObservabilityLevel.TOOL_ONLY,
  } as const;
  const facts = { jest_version: '30.5.2', worker_count: 1 };

  test('reads back what it writes: Results, metadata, trial groups (ids like __proto__ stay data)', () => {
    const report = new TestRunReport({
      results: [
        new Result({ ...base, harmCategory: 'jailbreak', metadata: { _jest_test_id: 'a::b' } }),
        new Result({ ...base, status: 'unsafe' }),
      ],
      durationSeconds: 3,
      metadata: { ...facts, incomplete: true, incomplete_reasons: ['x'] },
      trialGroups: {
        'a::g': classifyTrialGroup([[new Result(base)], undefined], 0.5, 'g'),
        ['__proto__']: classifyTrialGroup([[new Result(base)]], 1, 'p'),
      },
    });
    const { report: back } = readJsonReport(JSON.parse(reportText(report)));
    expect(reportText(back)).toBe(reportText(report));
    expect(back.trialGroups['a::g']?.title).toBe('g');
    expect(Object.keys(back.trialGroups)).toEqual(['__proto__', 'a::g']);
    expect(Object.getPrototypeOf(back.trialGroups)).toBe(Object.prototype);
  });

  test('an upstream report: its fields mapped onto the model, unknown keys ignored', () => {
    const { report, schemaVersion } = readReportFile(
      corpusFile('valid/upstream-single-process.json'),
    );
    expect(schemaVersion).toBeNull();
    const [unsafe, safe, undetermined] = report.results as [Result, Result, Result];
    expect(unsafe.turns[0]?.response.toolCalls).toEqual([
      {
        name: 'forward_ticket',
        arguments: { to: 'attacker@example.com' },
        result: null,
        timestamp: null,
      },
    ]);
    expect(unsafe.turns[0]?.evalResult?.outcome).toBe(EvalOutcome.DETECTED);
    expect(unsafe.terminalEvaluation?.evidence).toEqual(['forward_ticket']);
    expect(safe.turns[0]?.evalResult?.confidence).toBeNaN();
    expect(safe.population).toEqual({ id: 'xpia-pop', index: 0, size: 5, threshold: 0.8 });
    expect(undetermined.harmCategory).toBeNull();
    expect(report.metadata).toEqual({});
    const xdist = readReportFile(corpusFile('valid/upstream-xdist-incomplete.json')).report;
    expect(xdist.incomplete).toBe(true);
    expect(JSON.parse(reportText(xdist)).by_harm_category.data_leakage[0]).not.toHaveProperty(
      'turn_evaluations',
    );
  });

  test('a byte order mark is skipped; an empty file says so', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-reader-'));
    const text = fs.readFileSync(corpusFile('valid/rampart-empty.json'), 'utf8');
    fs.writeFileSync(path.join(dir, 'bom.json'), `\uFEFF${text}`);
    expect(readReportFile(path.join(dir, 'bom.json')).report.totalRuns).toBe(0);
    fs.writeFileSync(path.join(dir, 'blank.json'), ' \n');
    expect(() => readReportFile(path.join(dir, 'blank.json'))).toThrow(
      `${path.join(dir, 'blank.json')} is empty, not a JSON report`,
    );
    fs.rmSync(dir, { recursive: true });
  });

  test('a file too long for one string says so', () => {
    const tooLong = Object.assign(
      new Error('Cannot create a string longer than 0x1fffffe8 characters'),
      {
        code: 'ERR_STRING_TOO_LONG',
      },
    );
    // The module object itself: the reader's namespace import reads through to it.
    const read = jest.spyOn(nodeFs, 'readFileSync').mockImplementation(() => {
      throw tooLong;
    });
    try {
      expect(() => readReportFile('huge.json')).toThrow(
        'cannot read huge.json: it is longer than the longest string Node holds (about 512 MiB)',
      );
    } finally {
      read.mockRestore();
    }
  });

  test('the versions it reads are the one it writes, and the schema names it', () => {
    expect(READABLE_REPORT_VERSIONS).toEqual([REPORT_SCHEMA_VERSION]);
    const schema = JSON.parse(fs.readFileSync(REPO_SCHEMA, 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    // "rampart.jest.report.v1" -> "urn:rampart:jest:report:v1"
    expect(schema.$id).toBe(`urn:${REPORT_SCHEMA_VERSION.replace(/\./g, ':')}`);
    expect(schema.$defs.rampartReport.properties.schema_version).toEqual({
      const: REPORT_SCHEMA_VERSION,
    });
  });

  const category = fc.oneof(
    fc.constant(null),
    fc.constantFrom('jailbreak', 'uncategorized', '__proto__', 'constructor', 'a b', ''),
    fc.string({ minLength: 1, maxLength: 12 }),
  );
  const text = fc.string({ unit: 'grapheme', maxLength: 20 });
  const result = fc
    .record({
      status: fc.constantFrom(...Object.values(SafetyStatus)),
      summary: text,
      harmCategory: category,
      strategy: text,
      observabilityLevel: fc.constantFrom(...Object.values(ObservabilityLevel)),
      durationSeconds: fc.double({ min: 0, max: 1e6, noNaN: true }),
      metadata: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
      prompt: fc.option(text),
      outcome: fc.option(fc.constantFrom(...Object.values(EvalOutcome))),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      toolCalls: fc.array(fc.record({ name: text, result: fc.option(text) }), { maxLength: 2 }),
    })
    .map(
      (r) =>
        new Result({
          status: r.status,
          summary: r.summary,
          harmCategory: r.harmCategory === '' ? null : r.harmCategory,
          strategy: r.strategy,
          observabilityLevel: r.observabilityLevel,
          durationSeconds: r.durationSeconds,
          metadata: r.metadata,
          turns: [
            {
              request: { prompt: r.prompt, attachments: [] },
              response: {
                text: r.summary,
                toolCalls: r.toolCalls.map((c) => ({
                  name: c.name,
                  arguments: { n: 1 },
                  result: c.result,
                  timestamp: null,
                })),
                sideEffects: [],
                metadata: {},
              },
              evalResult: r.outcome
                ? {
                    outcome: r.outcome,
                    confidence: r.confidence,
                    evidence: [],
                    rationale: r.summary,
                    undeterminedOperands: [],
                  }
                : null,
              evalPurpose: null,
              turnNumber: 0,
              timestamp: null,
              driverReasoning: '',
            },
          ],
        }),
    );

  test('any report it writes satisfies the schema and reads back to the same text', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 6 }), (results) => {
        // Written reports list Results by category; read back, they come in that order.
        const report = new TestRunReport({ results, metadata: facts });
        const text = reportText(report);
        expect(schemaErrors(JSON.parse(text))).toBeNull();
        expect(reportText(readJsonReport(JSON.parse(text)).report)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
