/** Opening a session of an adapter with its close registered for cleanup. */
import type { AgentAdapter, Session } from './adapter';
import type { CleanupStack } from './cleanup-stack';
import { describeValue } from './value-description';

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
