/**
 * Finds and loads the environment `testEnvironmentOptions.rampart.base`
 * names, the way Jest resolves `testEnvironment`: `<rootDir>` replaced, then
 * `jest-environment-<name>` before `<name>`, each from rootDir first and from
 * rampart's own location second. See docs/jest-setups.md.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describeError, describeValue } from '../model/value-description';
import { ENVIRONMENT_OPTIONS_KEY } from './environment-options';
import type { TestEnvironmentClass } from './environment-types';

const OPTION = `testEnvironmentOptions.${ENVIRONMENT_OPTIONS_KEY}.base`;
const ROOT_DIR_TOKEN = '<rootDir>';

function isPathLike(name: string): boolean {
  return name.startsWith('.') || path.isAbsolute(name);
}

/** The module specifiers tried for `name`, in order. */
function baseEnvironmentCandidates(name: string, rootDir: string): string[] {
  const specifier = name.startsWith(ROOT_DIR_TOKEN)
    ? path.join(rootDir, name.slice(ROOT_DIR_TOKEN.length))
    : name;
  return isPathLike(specifier) ? [specifier] : [`jest-environment-${specifier}`, specifier];
}

/** The file of the base environment named `name`; throws naming the option when none resolves. */
function resolveBaseEnvironment(name: string, rootDir: string): string {
  const candidates = baseEnvironmentCandidates(name, rootDir);
  const resolvers = [createRequire(path.join(rootDir, 'package.json')), require];
  for (const specifier of candidates) {
    for (const resolver of resolvers) {
      try {
        return resolver.resolve(specifier);
      } catch {
        // try the next place, as Jest does
      }
    }
  }
  throw new Error(
    `${OPTION} must name a test environment module that resolves from rootDir ${rootDir}, got ${describeValue(name)} (tried ${candidates.map((c) => describeValue(c)).join(' and ')}); is the package installed?`,
  );
}

/** The environment class a loaded module exports (default-export interop as Jest does). */
function environmentClassOf(exported: unknown): TestEnvironmentClass | undefined {
  const candidates = [
    exported,
    (exported as { default?: unknown } | null)?.default,
    (exported as { TestEnvironment?: unknown } | null)?.TestEnvironment,
  ];
  return candidates.find(
    (candidate): candidate is TestEnvironmentClass =>
      typeof candidate === 'function' &&
      typeof (candidate as { prototype?: { getVmContext?: unknown } }).prototype?.getVmContext ===
        'function',
  );
}

/** Resolves and loads the base environment class; throws naming the option and the module. */
export function loadBaseEnvironment(name: string, rootDir: string): TestEnvironmentClass {
  const file = resolveBaseEnvironment(name, rootDir);
  let exported: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exported = require(file) as unknown;
  } catch (error) {
    throw new Error(
      `${OPTION} must name a module that loads with require(), got ${describeValue(name)} (${file}), which failed: ${describeError(error)}`,
    );
  }
  const environment = environmentClassOf(exported);
  if (!environment) {
    throw new TypeError(
      `${OPTION} must name a module that exports a test environment class (with getVmContext), got ${describeValue(name)} (${file}), which exports ${describeValue(exported)}`,
    );
  }
  return environment;
}
