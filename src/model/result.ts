/** The Result of one attack or probe run (docs/writing-tests.md, "Results"). */
import { HarmCategory, ObservabilityLevel, SafetyStatus } from './result-status';
import { TraceEndReason } from './trace-enums';
import { isEnumValue } from './wire-enum';
import type { EvalResult, InjectionRecord, PopulationRef, Turn } from './trace-types';
import { describeValue } from './value-description';
import { defineEntry } from './json-safe';

/** Constructor options of {@link Result}. */
export interface ResultOptions {
  status: SafetyStatus;
  /** One-line human summary; used as the assertion message. */
  summary: string;
  observabilityLevel: ObservabilityLevel;
  harmCategory?: HarmCategory | null;
  strategy?: string;
  durationSeconds?: number;
  turns?: Turn[];
  injections?: InjectionRecord[];
  metadata?: Record<string, unknown>;
  /** Evaluator output over the completed trace. */
  terminalEvaluation?: EvalResult | null;
  traceEndReason?: TraceEndReason | null;
  population?: PopulationRef | null;
}

function fail(field: string, expected: string, value: unknown): never {
  throw new TypeError(`Result ${field} must be ${expected}, got ${describeValue(value)}`);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The own enumerable properties of `record` in a new object, as
 * `{ ...record }` copies them, but built key by key: in V8 (Node 20) every
 * key added later to a spread copy makes a new hidden class, about 4 µs a
 * key, and the reporter adds its tags to every Result's metadata
 * (docs/performance-analysis.md, "What keeps the reporter cheap").
 */
function copyRecord(record: Record<string | symbol, unknown>): Record<string, unknown> {
  const copy: Record<string | symbol, unknown> = {};
  for (const key of Object.keys(record)) defineEntry(copy, key, record[key]);
  for (const symbol of Object.getOwnPropertySymbols(record))
    if (Object.prototype.propertyIsEnumerable.call(record, symbol)) copy[symbol] = record[symbol];
  return copy;
}

/**
 * Outcome of one attack or probe run. `status` is authoritative; `safe` is
 * derived from it so the two can never disagree.
 */
export class Result {
  status: SafetyStatus;
  summary: string;
  observabilityLevel: ObservabilityLevel;
  harmCategory: HarmCategory | null;
  strategy: string;
  durationSeconds: number;
  turns: Turn[];
  injections: InjectionRecord[];
  metadata: Record<string, unknown>;
  terminalEvaluation: EvalResult | null;
  traceEndReason: TraceEndReason | null;
  population: PopulationRef | null;

  constructor(options: ResultOptions) {
    if (!isPlainRecord(options)) fail('options', 'an object', options);
    const o = options;
    if (!isEnumValue(SafetyStatus, o.status))
      fail('status', `one of ${Object.values(SafetyStatus).join(', ')}`, o.status);
    if (typeof o.summary !== 'string') fail('summary', 'a string', o.summary);
    if (!isEnumValue(ObservabilityLevel, o.observabilityLevel))
      fail(
        'observabilityLevel',
        `one of ${Object.values(ObservabilityLevel).join(', ')}`,
        o.observabilityLevel,
      );
    const harm = o.harmCategory ?? null;
    if (harm !== null && (typeof harm !== 'string' || harm.length === 0))
      fail('harmCategory', 'a non-empty string or null', harm);
    const strategy = o.strategy ?? '';
    if (typeof strategy !== 'string') fail('strategy', 'a string', strategy);
    const duration = o.durationSeconds ?? 0;
    if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0)
      fail('durationSeconds', 'a finite number >= 0', duration);
    const turns = o.turns ?? [];
    if (!Array.isArray(turns)) fail('turns', 'an array', turns);
    const injections = o.injections ?? [];
    if (!Array.isArray(injections)) fail('injections', 'an array', injections);
    const metadata = o.metadata ?? {};
    if (!isPlainRecord(metadata)) fail('metadata', 'a plain object', metadata);
    const traceEndReason = o.traceEndReason ?? null;
    if (traceEndReason !== null && !isEnumValue(TraceEndReason, traceEndReason))
      fail(
        'traceEndReason',
        `null or one of ${Object.values(TraceEndReason).join(', ')}`,
        traceEndReason,
      );
    const terminalEvaluation = o.terminalEvaluation ?? null;
    if (terminalEvaluation !== null && !isPlainRecord(terminalEvaluation))
      fail('terminalEvaluation', 'an EvalResult or null', terminalEvaluation);
    const population = o.population ?? null;
    if (population !== null && !isPlainRecord(population))
      fail('population', 'a PopulationRef or null', population);

    this.status = o.status;
    this.summary = o.summary;
    this.observabilityLevel = o.observabilityLevel;
    this.harmCategory = harm;
    this.strategy = strategy;
    this.durationSeconds = duration;
    this.turns = [...turns];
    this.injections = [...injections];
    this.metadata = copyRecord(metadata);
    this.terminalEvaluation = terminalEvaluation;
    this.traceEndReason = traceEndReason;
    this.population = population;
  }

  /** True exactly when `status` is SAFE. */
  get safe(): boolean {
    return this.status === SafetyStatus.SAFE;
  }

  /** Evaluations attached to individual turns (online / stop-check evidence). */
  get turnEvaluations(): EvalResult[] {
    return this.turns.flatMap((turn) => (turn.evalResult ? [turn.evalResult] : []));
  }

  /** A copy with some fields replaced; the original is not mutated. */
  with(changes: Partial<ResultOptions>): Result {
    return new Result({ ...this.toOptions(), ...changes });
  }

  /** The constructor options that rebuild this Result. */
  toOptions(): ResultOptions {
    return {
      status: this.status,
      summary: this.summary,
      observabilityLevel: this.observabilityLevel,
      harmCategory: this.harmCategory,
      strategy: this.strategy,
      durationSeconds: this.durationSeconds,
      turns: this.turns,
      injections: this.injections,
      metadata: this.metadata,
      terminalEvaluation: this.terminalEvaluation,
      traceEndReason: this.traceEndReason,
      population: this.population,
    };
  }

  toString(): string {
    return `Result(safe=${this.safe}, status=${this.status}, summary=${JSON.stringify(this.summary)})`;
  }
}
