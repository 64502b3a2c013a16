/**
 * The call policy's settings (docs/real-endpoints.md): how often and how
 * fast model calls may go, how failed ones are retried, cassettes and the
 * budget. Resolved in order: defaults, the run-wide settings the reporter
 * hands its workers (`RAMPART_MODEL_CALLS`), `configureModelCalls()`, the
 * model's own options, then the per-call overrides.
 */
import { argumentChecks } from '../../model/value-checks';
import {
  CassetteMode,
  DEFAULT_MODEL_CALL_SETTINGS,
  MODEL_CALLS_ENV,
  type ModelCallOptions,
  type ModelCallSettings,
  checkModelCallOptions,
} from '../../model/model-call-options';

export { CassetteMode, type ModelCallOptions, type ModelCallSettings, checkModelCallOptions };

let configured: ModelCallOptions = {};
let fromEnvironment: ModelCallOptions | null = null;
let generation = 0;

function environmentOptions(): ModelCallOptions {
  if (fromEnvironment !== null) return fromEnvironment;
  const raw = process.env[MODEL_CALLS_ENV];
  fromEnvironment = {};
  if (raw) {
    try {
      fromEnvironment = checkModelCallOptions(JSON.parse(raw), MODEL_CALLS_ENV);
    } catch (error) {
      throw new TypeError(
        `${MODEL_CALLS_ENV} must be JSON model-call options: ${(error as Error).message}`,
      );
    }
  }
  return fromEnvironment;
}

/**
 * Configures every model call of this process (each Jest worker is one):
 * limits, retries, cassettes, budget. Call it in a setup file; fields not
 * given keep their value. Limits already in use keep counting.
 */
export function configureModelCalls(options: ModelCallOptions): void {
  configured = { ...configured, ...checkModelCallOptions(options, 'configureModelCalls options') };
  generation += 1;
}

/** Forgets `configureModelCalls()` and the environment's settings (for tests). */
export function resetModelCalls(): void {
  configured = {};
  fromEnvironment = null;
  generation += 1;
}

/** Bumped by every configuration change, so cached limiters are rebuilt. */
export function settingsGeneration(): number {
  return generation;
}

/** The settings in force, with the model's and the call's overrides on top. */
export function modelCallSettings(...overrides: ModelCallOptions[]): ModelCallSettings {
  const settings: ModelCallSettings = {
    ...DEFAULT_MODEL_CALL_SETTINGS,
    ...environmentOptions(),
    ...configured,
    ...Object.assign({}, ...overrides),
  };
  const mode = process.env.RAMPART_CASSETTE;
  if (mode) settings.cassette = argumentChecks.enumValue(CassetteMode, mode, 'RAMPART_CASSETTE');
  const dir = process.env.RAMPART_CASSETTE_DIR;
  if (dir) settings.cassetteDir = dir;
  return settings;
}
