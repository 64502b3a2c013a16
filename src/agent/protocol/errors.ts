/**
 * Error types of the attack/probe layer (upstream `rampart.core.errors`).
 * Any of them raised inside an execution becomes an ERROR Result through
 * BaseExecution; the class name is what the Result's summary starts with.
 */

/**
 * A transient, external failure of the system around the agent (a 503, a rate
 * limit, an unreachable API). Surfaces and adapters throw it; pass the
 * original error as `cause`.
 */
export class InfrastructureError extends Error {
  override name = 'InfrastructureError';
}

/** A prompt driver could not produce its next decision. */
export class DriverError extends Error {
  override name = 'DriverError';
}

/** An evaluator is misconfigured or its backend failed (bad endpoint, auth, ...). */
export class EvaluatorError extends InfrastructureError {
  override name = 'EvaluatorError';
}
