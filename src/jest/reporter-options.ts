/** The reporter's options: validated once, with errors that name the option and the value. */
import * as path from 'node:path';
import { unknownOptionMessage } from '../model/closest-name';
import { argumentChecks } from '../model/value-checks';
import { type ModelCallOptions, checkModelCallOptions } from '../model/model-call-options';
import { type ModelPrices, checkModelPrices } from '../model/model-cost';
import { describeValue } from '../model/value-description';
import { REGRESSION_KINDS, type RegressionKind } from '../report/comparison';
import { DEFAULT_FAIL_ON, FAIL_ON_KINDS, type FailOnKind } from '../report/run-verdict';
import type { PlannedOutput } from '../report/output-preflight';
import { type ResolvedSinkModule, resolveSinkModules } from '../report/sink-modules';
import { DEFAULT_MAX_RESULT_BYTES, MIN_MAX_RESULT_BYTES } from './transport/result-envelope';

/** Options of `rampart/reporter` (the second element of its `reporters` tuple). */
export interface RampartReporterOptions {
  /**
   * Directory of the JSON report, relative to rootDir; default `.rampart`, or
   * `RAMPART_OUTPUT_DIR` when set and this option is not.
   */
  outputDir?: string;
  /** Write the JSON report; default true. */
  json?: boolean;
  /** Write the HTML page next to the JSON report (docs/html-report.md); default: the value of `json`. */
  html?: boolean;
  /** Sink modules: specifiers or `[specifier, options]`, resolved from rootDir. */
  sinks?: Array<string | [string, Record<string, unknown>]>;
  /** Fail the run when a trial group fails; default true. */
  failOnTrialGate?: boolean;
  /** Per-Result transport cap in bytes; default 16 MiB, minimum 4 KiB. */
  maxResultBytes?: number;
  /** Longest a sink may take, in ms; default 30000. */
  sinkTimeoutMs?: number;
  /** Keep the transport directory after the run, for debugging; default false. */
  keepTransport?: boolean;
  /**
   * Run-wide model-call policy (limits, retries, cassettes, budget), divided
   * among the workers and handed to them (docs/real-endpoints.md).
   */
  modelCalls?: ModelCallOptions;
  /**
   * Prices per model id (per million input and output tokens, no currency):
   * the run totals get a cost estimate (docs/real-endpoints.md, "Cost").
   */
  modelPrices?: ModelPrices;
  /** Print the 95% Wilson interval after each rate in the summary; default false. */
  intervals?: boolean;
  /**
   * What fails the whole run (docs/diff-and-gates.md); must hold `incomplete`;
   * default `['incomplete', 'nothing-rated']`.
   */
  failOn?: Array<'incomplete' | 'nothing-rated' | 'unsafe' | 'error' | 'undetermined'>;
  /** The highest attack success rate (a ratio) that passes; default none. */
  maxAttackSuccessRate?: number;
  /** A JSON report to compare the run with, relative to rootDir; default none. */
  baseline?: string;
  /** The regressions against `baseline` that fail the run; default all three. */
  baselineFailOn?: Array<'new-unsafe' | 'flipped-group' | 'asr'>;
  /** Write JUnit XML: `true` (next to the JSON report) or `{ outputFile }`; default false. */
  junit?: boolean | ReportFileOption;
  /** Write SARIF 2.1.0: `true` (next to the JSON report) or `{ outputFile }`; default false. */
  sarif?: boolean | ReportFileOption;
  /** GitHub Actions job summary and annotations; default: when `GITHUB_ACTIONS` is `true`. */
  github?: boolean;
}

/** Where a report format goes instead of next to the JSON report. */
export interface ReportFileOption {
  /** The file, relative to rootDir; never overwritten (an existing file is reported). */
  outputFile?: string;
}

/** Validated options with defaults applied. */
export interface ResolvedReporterOptions {
  outputDir: string;
  /** True when `outputDir` was not given: RAMPART's own folder, ignored in git when RAMPART creates it. */
  defaultOutputDir: boolean;
  json: boolean;
  html: boolean;
  sinks: ResolvedSinkModule[];
  failOnTrialGate: boolean;
  maxResultBytes: number;
  sinkTimeoutMs: number;
  keepTransport: boolean;
  /** JUnit XML: null when off; `outputFile` absolute when given. */
  junit: { outputFile?: string } | null;
  /** SARIF: null when off; `outputFile` absolute when given. */
  sarif: { outputFile?: string } | null;
  /** GitHub Actions outputs on; `explicit` when the option (not the environment) turned them on. */
  github: { explicit: boolean } | null;
  intervals: boolean;
  failOn: FailOnKind[];
  maxAttackSuccessRate: number | null;
  /** Absolute path, or null. */
  baseline: string | null;
  baselineFailOn: RegressionKind[];
  /** Run-wide model-call options; null when not given. */
  modelCalls: ModelCallOptions | null;
  /** Prices per model id; null when not given. */
  modelPrices: ModelPrices | null;
  /** Adjustments the user should know about. */
  notes: string[];
}

const KNOWN = [
  'outputDir',
  'json',
  'html',
  'sinks',
  'failOnTrialGate',
  'maxResultBytes',
  'sinkTimeoutMs',
  'keepTransport',
  'junit',
  'sarif',
  'github',
  'intervals',
  'failOn',
  'maxAttackSuccessRate',
  'baseline',
  'baselineFailOn',
  'modelCalls',
  'modelPrices',
];

/** The environment variable that sets `outputDir` when the option is not given. */
export const OUTPUT_DIR_ENV_VAR = 'RAMPART_OUTPUT_DIR';

/** How messages name an option. */
const option = (name: string): string => `rampart/reporter option "${name}"`;

function bool(options: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const value = options[name];
  return value === undefined ? fallback : argumentChecks.boolean(value, option(name));
}

/** `true`, `false` or `{ outputFile }`: null when off. */
function reportFile(
  options: Record<string, unknown>,
  name: string,
  rootDir: string,
): { outputFile?: string } | null {
  const value = options[name];
  if (value === undefined || value === false) return null;
  if (value === true) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    argumentChecks.fail(option(name), 'true, false or { outputFile }', value);
  const given = value as Record<string, unknown>;
  if (Object.keys(given).some((key) => key !== 'outputFile'))
    argumentChecks.fail(option(name), 'true, false or { outputFile }', value);
  if (given.outputFile === undefined) return {};
  const file = argumentChecks.nonBlankString(given.outputFile, `${option(name)} outputFile`);
  return { outputFile: path.resolve(rootDir, file) };
}

/** A list of names out of `known`, each at most once. */
function kinds<T extends string>(
  value: unknown,
  name: string,
  known: readonly T[],
  fallback: readonly T[],
): T[] {
  if (value === undefined) return [...fallback];
  const names = known.map((k) => JSON.stringify(k)).join(', ');
  if (!Array.isArray(value)) argumentChecks.fail(option(name), `an array of ${names}`, value);
  (value as unknown[]).forEach((item, i) => {
    if (!(known as readonly unknown[]).includes(item))
      argumentChecks.fail(`${option(name)}[${i}]`, `one of ${names}`, item);
  });
  return [...new Set(value as T[])];
}

/** Validates the options; throws a TypeError naming the first bad one. */
export function resolveReporterOptions(raw: unknown, rootDir: string): ResolvedReporterOptions {
  const options = (raw ?? {}) as Record<string, unknown>;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`rampart/reporter options must be an object, got ${describeValue(raw)}`);
  }
  const unknownKey = Object.keys(options).find((key) => !KNOWN.includes(key));
  if (unknownKey !== undefined) {
    throw new TypeError(unknownOptionMessage('rampart/reporter', unknownKey, KNOWN));
  }
  const notes: string[] = [];
  const json = bool(options, 'json', true);
  // The option wins over the environment, so a config can pin its folder.
  const fromEnv = process.env[OUTPUT_DIR_ENV_VAR];
  const outputDir =
    options.outputDir === undefined && fromEnv !== undefined && fromEnv !== ''
      ? argumentChecks.nonBlankString(fromEnv, `environment variable ${OUTPUT_DIR_ENV_VAR}`)
      : argumentChecks.nonBlankString(options.outputDir ?? '.rampart', option('outputDir'));
  const failOn = kinds(options.failOn, 'failOn', FAIL_ON_KINDS, DEFAULT_FAIL_ON);
  if (!failOn.includes('incomplete'))
    argumentChecks.fail(
      option('failOn'),
      'an array that holds "incomplete" (an incomplete run always fails)',
      options.failOn,
      `[${failOn.map((kind) => describeValue(kind)).join(', ')}]`,
    );
  const baseline =
    options.baseline === undefined
      ? null
      : path.resolve(rootDir, argumentChecks.nonBlankString(options.baseline, option('baseline')));
  const requestedBytes = argumentChecks.integer(
    options.maxResultBytes ?? DEFAULT_MAX_RESULT_BYTES,
    option('maxResultBytes'),
    1,
    'a positive integer (bytes)',
  );
  if (requestedBytes < MIN_MAX_RESULT_BYTES) {
    notes.push(
      `rampart/reporter option "maxResultBytes" (${requestedBytes}) is below the minimum of ${MIN_MAX_RESULT_BYTES} bytes an attributed placeholder needs; using ${MIN_MAX_RESULT_BYTES}.`,
    );
  }
  const maxResultBytes = Math.max(requestedBytes, MIN_MAX_RESULT_BYTES);
  const sinkTimeoutMs = argumentChecks.integer(
    options.sinkTimeoutMs ?? 30_000,
    option('sinkTimeoutMs'),
    1,
    'a positive integer (milliseconds)',
  );
  return {
    outputDir: path.resolve(rootDir, outputDir),
    defaultOutputDir: options.outputDir === undefined,
    json,
    // `json: false` has always meant "no file": the page alone is asked for explicitly.
    html: bool(options, 'html', json),
    sinks: resolveSinkModules(options.sinks, rootDir),
    failOnTrialGate: bool(options, 'failOnTrialGate', true),
    maxResultBytes,
    sinkTimeoutMs,
    keepTransport: bool(options, 'keepTransport', false),
    junit: reportFile(options, 'junit', rootDir),
    sarif: reportFile(options, 'sarif', rootDir),
    github:
      options.github === undefined
        ? process.env.GITHUB_ACTIONS === 'true'
          ? { explicit: false }
          : null
        : bool(options, 'github', false)
          ? { explicit: true }
          : null,
    intervals: bool(options, 'intervals', false),
    failOn,
    maxAttackSuccessRate:
      options.maxAttackSuccessRate === undefined
        ? null
        : argumentChecks.ratio(options.maxAttackSuccessRate, option('maxAttackSuccessRate')),
    baseline,
    baselineFailOn: kinds(
      options.baselineFailOn,
      'baselineFailOn',
      REGRESSION_KINDS,
      REGRESSION_KINDS,
    ),
    modelCalls:
      options.modelCalls === undefined
        ? null
        : checkModelCallOptions(options.modelCalls, option('modelCalls')),
    modelPrices:
      options.modelPrices === undefined
        ? null
        : checkModelPrices(options.modelPrices, option('modelPrices')),
    notes,
  };
}

/**
 * The folders this configuration will write into, each with the option that
 * names it: what the reporter checks before the run. An option that adds an
 * output adds its folder here.
 */
export function plannedOutputs(options: ResolvedReporterOptions): PlannedOutput[] {
  const outputs: PlannedOutput[] = [];
  // Sink modules are handed outputDir too, so it is checked for them as well.
  // JUnit and SARIF without an outputFile go beside the JSON report.
  const besideReport = (format: { outputFile?: string } | null): boolean =>
    format !== null && format.outputFile === undefined;
  if (
    options.json ||
    options.sinks.length > 0 ||
    besideReport(options.junit) ||
    besideReport(options.sarif)
  )
    outputs.push({ option: option('outputDir'), dir: options.outputDir });
  for (const name of ['junit', 'sarif'] as const) {
    const file = options[name]?.outputFile;
    if (file !== undefined)
      outputs.push({ option: `${option(name)} outputFile`, dir: path.dirname(file) });
  }
  return outputs;
}
