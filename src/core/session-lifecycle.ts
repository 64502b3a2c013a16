/** Opening a session of an adapter with its close registered for cleanup. */
import type { AgentAdapter, Session } from './adapter';
import type { CleanupStack } from './cleanup-stack';
import { ObservabilityLevel, isEnumValue } from './status';
import { describeValue } from './value-description';

/**
 * Throws a TypeError unless `adapter` has `createSession()` and a valid
 * `observabilityProfile`: checked before anything is planted or sent.
 */
export function checkAdapter(adapter: AgentAdapter): void {
  if (
    adapter === null ||
    typeof adapter !== 'object' ||
    typeof adapter.createSession !== 'function'
  ) {
    throw new TypeError(
      `adapter must be an AgentAdapter (observabilityProfile, createSession()), got ${describeValue(adapter)}`,
    );
  }
  if (!isEnumValue(ObservabilityLevel, adapter.observabilityProfile)) {
    throw new TypeError(
      `adapter.observabilityProfile must be one of ${Object.values(ObservabilityLevel).join(', ')}, got ${describeValue(adapter.observabilityProfile)}`,
    );
  }
}

/**
 * Creates and opens one session of `adapter`; once it is open, its `close`
 * runs when `cleanups` unwinds (also after errors).
 */
export async function openSession(adapter: AgentAdapter, cleanups: CleanupStack): Promise<Session> {
  const session = await adapter.createSession();
  if (session === null || typeof session !== 'object' || typeof session.send !== 'function') {
    throw new TypeError(
      `adapter.createSession() must return a Session (an object with send(request)), got ${describeValue(session)}`,
    );
  }
  await session.open?.();
  cleanups.push('session', () => session.close?.());
  return session;
}
