/**
 * The adapter protocol: how RAMPART talks to the agent under test. Plain
 * interfaces: implement them with any object, no base class needed.
 */
import type { AppManifest } from './manifest';
import type { ResponseInput } from './response';
import type { ObservabilityLevel } from '../../model/result-status';
import type { Request } from '../../model/trace-types';

/**
 * One independent conversation with the agent ("fresh state = fresh session").
 * Strategies open exactly one session per execution and close it before
 * building the Result.
 */
export interface Session {
  /**
   * Sends one request; returns the agent's answer and what the adapter
   * observed. `options.signal` aborts when the execution times out or its
   * test ends: pass it on to the agent's own calls (docs/real-endpoints.md).
   */
  send(request: Request, options?: SendOptions): ResponseInput | Promise<ResponseInput>;
  /** Optional setup, awaited before the first `send`. */
  open?(): void | Promise<void>;
  /**
   * Optional teardown, called once after the conversation (also on errors).
   * Should be idempotent; a throw is logged and ignored.
   */
  close?(): void | Promise<void>;
}

/** What {@link Session.send} is given besides the request. */
export interface SendOptions {
  /** Aborts when the execution is aborted or times out. */
  readonly signal: AbortSignal;
}

/** Codifies how RAMPART interacts with the agent under test. Reused across trials. */
export interface AgentAdapter {
  /**
   * What this adapter reports: tool calls and side effects, tool calls only,
   * or the response text only. Evaluators answer UNDETERMINED for channels
   * the adapter does not report.
   */
  readonly observabilityProfile: ObservabilityLevel;
  /** Capabilities of the agent, given to LLM judges as context. */
  readonly manifest?: AppManifest | null;
  /** A new session with no shared conversation state. */
  createSession(): Session | Promise<Session>;
}
