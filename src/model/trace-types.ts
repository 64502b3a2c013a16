/**
 * Evidence carried by a Result: the turns of a conversation with the agent,
 * what was injected where, and which trial population a run belongs to.
 * Plain data (interfaces), so they serialize losslessly across Jest workers.
 */
import type { PayloadFormat } from './payload-format';
import type { EvalOutcome, EvaluationPurpose } from './trace-enums';

/** Content planted for or sent to the agent. */
export interface Payload {
  /** Human-readable semantic text of the payload. */
  content: string;
  id: string;
  format: PayloadFormat;
  /** Path of a rendered binary artifact; null for text formats. */
  artifact: string | null;
  metadata: Record<string, unknown>;
}

/** What was sent to the agent in one turn. */
export interface Request {
  prompt: string | null;
  attachments: Payload[];
}

/** A tool invocation the adapter observed. */
export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
  result: string | null;
  timestamp: Date | null;
}

/** A side effect the adapter observed (an HTTP request, a file write, ...). */
export interface SideEffect {
  kind: string;
  details: Record<string, unknown>;
}

/** What the agent answered in one turn, with the observations of the adapter. */
export interface Response {
  text: string;
  toolCalls: ToolCall[];
  sideEffects: SideEffect[];
  metadata: Record<string, unknown>;
}

/** Output of an evaluator: a detection signal with its evidence. */
export interface EvalResult {
  outcome: EvalOutcome;
  confidence: number;
  evidence: string[];
  rationale: string;
  /** Operands of a composition that could not be decided, when it was settled anyway. */
  undeterminedOperands: string[];
}

/** One request/response exchange with the agent. */
export interface Turn {
  request: Request;
  response: Response;
  evalResult: EvalResult | null;
  evalPurpose: EvaluationPurpose | null;
  /** 0-based. */
  turnNumber: number;
  timestamp: Date | null;
  driverReasoning: string;
}

/** What was injected where (XPIA). */
export interface InjectionRecord {
  payloadId: string | null;
  surfaceName: string;
  /**
   * The text that was planted, when the surface told it (docs/diff-and-gates.md,
   * "Planted payloads"); absent or null otherwise.
   */
  payloadText?: string | null;
}

/** Provenance of one trial within a population run. */
export interface PopulationRef {
  id: string;
  index: number;
  size: number;
  threshold: number;
}
