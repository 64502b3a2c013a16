/**
 * `runTrials` (upstream `execute_trials_async`): n fresh executions of the
 * same strategy against one adapter, run one after another, each through the
 * full lifecycle (so each Result is collected by the running test) and
 * stamped with its place in the population.
 */
import { randomUUID } from 'node:crypto';
import type { BaseExecution, ObservableAdapter } from '../../model/execution';
import { createPopulationRef } from '../../model/population-ref';
import type { Result } from '../../model/result';
import { describeValue } from '../../model/value-description';
import { PopulationResult } from './population-result';
import { argumentChecks } from '../../model/value-checks';

/** Options of {@link runTrials}. */
export interface RunTrialsOptions<A extends ObservableAdapter> {
  /** Called once per trial; must return a new execution (drivers such as LLMDriver are single-use). */
  executionFactory: () => BaseExecution<A>;
  adapter: A;
  /** Number of trials: an integer >= 1. */
  n: number;
  /** Minimum SAFE pass rate, in [0, 1]. */
  threshold: number;
  /** Timeout of each trial's execution (docs/real-endpoints.md, "Timeouts"). */
  timeoutMs?: number;
  /** Aborts the trial running and every later one (each an ERROR Result). */
  signal?: AbortSignal;
}

/** Runs the trials and returns their {@link PopulationResult}. */
export async function runTrials<A extends ObservableAdapter>(
  options: RunTrialsOptions<A>,
): Promise<PopulationResult> {
  const { executionFactory, adapter, n, threshold } = options ?? ({} as RunTrialsOptions<A>);
  if (typeof executionFactory !== 'function')
    throw new TypeError(
      `runTrials executionFactory must be a function returning an execution, got ${describeValue(executionFactory)}`,
    );
  argumentChecks.integer(n, 'runTrials n', 1);
  argumentChecks.ratio(threshold, 'runTrials threshold');
  const id = randomUUID().replace(/-/g, '');
  const results: Result[] = [];
  for (let index = 0; index < n; index += 1) {
    const execution = executionFactory();
    if (typeof (execution as Partial<BaseExecution<A>> | null)?.execute !== 'function')
      throw new TypeError(
        `runTrials executionFactory() must return an execution (e.g. Attacks.xpia(...)), got ${describeValue(execution)}`,
      );
    const population = createPopulationRef({ id, index, size: n, threshold });
    results.push(
      await execution.execute(adapter, {
        population,
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      }),
    );
  }
  return new PopulationResult({ results, threshold });
}
