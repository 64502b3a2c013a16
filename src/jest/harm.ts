/**
 * `harm(category)`: tag tests with a harm category (docs/writing-tests.md,
 * "harm(category)").
 */
import type { HarmCategory } from '../model/result-status';
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
