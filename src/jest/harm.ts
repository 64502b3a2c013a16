/**
 * `harm(category)`: tag tests with a harm category (docs/writing-tests.md,
 * "harm(category)").
 */
import { type HarmCategory, nearBuiltInHarmCategory } from '../model/result-status';
import { describeValue } from '../model/value-description';
import type { ScopedDefinitions } from './definition-types';
import { requireScopeBridge, withScope } from './scope-bridge';
import { scopedDefinitions } from './test-api';
import { argumentChecks } from '../model/value-checks';

/**
 * Tag tests with a harm category. Scoped: every test and describe defined in
 * `body` carries it. Without `body`: `harm(c).test(...)`, `.it`, `.describe`,
 * `.each` tag a single definition. The closest category wins. Throws at
 * definition time outside rampart/env, as `trial()` does.
 */
export function harm(category: HarmCategory, body: () => void): void;
export function harm(category: HarmCategory): ScopedDefinitions;
export function harm(category: HarmCategory, body?: () => void): ScopedDefinitions | void {
  const harmCategory = argumentChecks.nonBlankString(category, 'harm(category)');
  warnNearBuiltIn(harmCategory);
  if (body === undefined) {
    return scopedDefinitions((define) => {
      requireScopeBridge('harm()');
      return withScope({ harm: harmCategory }, define);
    });
  }
  if (typeof body !== 'function') {
    throw new TypeError(`harm(category, body) body must be a function, got ${describeValue(body)}`);
  }
  requireScopeBridge('harm()');
  withScope({ harm: harmCategory }, body);
}

/** Categories already warned about by this module instance (one per test file). */
const warned = new Set<string>();

/**
 * A category one keystroke away from a built-in is almost always meant to be
 * it; its Results would be counted apart. Said once per category, while the
 * test file is defined (docs/writing-tests.md, "harm(category)").
 */
function warnNearBuiltIn(category: string): void {
  const builtIn = nearBuiltInHarmCategory(category);
  if (builtIn === null || warned.has(category)) return;
  warned.add(category);
  console.warn(
    `RAMPART warning: harm category ${describeValue(category)} differs from the built-in ${describeValue(builtIn)} only by case, spacing, underscores or hyphens; its Results are counted apart from ${describeValue(builtIn)}. Use ${describeValue(builtIn)} (HarmCategory.${builtIn.toUpperCase()}) if that is what you meant.`,
  );
}
