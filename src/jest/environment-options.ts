/**
 * RAMPART's own test environment options: `testEnvironmentOptions.rampart`
 * (also settable per file with `@jest-environment-options`). Validated in one
 * place, and taken out of the options before the base environment sees them:
 * jest-environment-node copies every option onto the sandbox global, and the
 * base has no use for ours. See docs/jest-setups.md.
 */
import { unknownOptionMessage } from '../model/closest-name';
import { describeValue } from '../model/value-description';
import type { EnvironmentConfig } from './environment-types';

/** The key of RAMPART's options inside `testEnvironmentOptions`. */
export const ENVIRONMENT_OPTIONS_KEY = 'rampart';

/** `testEnvironmentOptions.rampart`. */
export interface RampartEnvironmentOptions {
  /**
   * The environment `rampart/env` wraps, named like `testEnvironment`
   * (`'jsdom'`, `'allure-jest/node'`, `'./my-env.js'`), resolved from rootDir.
   * Default: jest-environment-node.
   */
  base?: string;
}

const KNOWN: ReadonlyArray<keyof RampartEnvironmentOptions> = ['base'];

/** RAMPART's options and the configuration to hand to the base environment. */
export interface SplitEnvironmentConfig<C extends EnvironmentConfig> {
  options: RampartEnvironmentOptions;
  /** `config` without `testEnvironmentOptions.rampart` (the same object when it had none). */
  baseConfig: C;
}

/** Reads and validates `testEnvironmentOptions.rampart`; throws naming the bad option. */
export function splitEnvironmentConfig<C extends EnvironmentConfig>(
  config: C,
): SplitEnvironmentConfig<C> {
  const all: Record<string, unknown> = config.projectConfig.testEnvironmentOptions ?? {};
  if (!Object.prototype.hasOwnProperty.call(all, ENVIRONMENT_OPTIONS_KEY)) {
    return { options: {}, baseConfig: config };
  }
  const { [ENVIRONMENT_OPTIONS_KEY]: raw, ...rest } = all;
  const options = validateOptions(raw);
  const baseConfig = {
    ...config,
    projectConfig: { ...config.projectConfig, testEnvironmentOptions: rest },
  };
  return { options, baseConfig };
}

function validateOptions(raw: unknown): RampartEnvironmentOptions {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new TypeError(
      `testEnvironmentOptions.${ENVIRONMENT_OPTIONS_KEY} must be an object such as { base: 'jsdom' }, got ${describeValue(raw)}`,
    );
  }
  const record = raw as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((key) => !(KNOWN as readonly string[]).includes(key));
  if (unknownKey !== undefined) {
    throw new TypeError(
      unknownOptionMessage(`testEnvironmentOptions.${ENVIRONMENT_OPTIONS_KEY}`, unknownKey, KNOWN),
    );
  }
  const { base } = record;
  if (base === undefined) return {};
  if (typeof base !== 'string' || base.trim().length === 0) {
    throw new TypeError(
      `testEnvironmentOptions.${ENVIRONMENT_OPTIONS_KEY}.base must be a non-empty string naming a test environment module, got ${describeValue(base)}`,
    );
  }
  return { base };
}
