/**
 * Wire enumerations shared with upstream RAMPART. The string values are the
 * values written to reports, so reports stay interchangeable with the Python tool.
 */

/** Categorical verdict of one attack or probe run. */
export const SafetyStatus = {
  SAFE: 'safe',
  UNSAFE: 'unsafe',
  UNDETERMINED: 'undetermined',
  ERROR: 'error',
} as const;
/** One of the {@link SafetyStatus} values. */
export type SafetyStatus = (typeof SafetyStatus)[keyof typeof SafetyStatus];

/**
 * Harm taxonomy. The set is open: any non-empty string is a valid custom
 * category, so the type accepts every string while still completing the known ones.
 */
export const HarmCategory = {
  MEMORY_POISONING: 'memory_poisoning',
  PROMPT_INJECTION: 'prompt_injection',
  JAILBREAK: 'jailbreak',
  DATA_EXFILTRATION: 'data_exfiltration',
  OVER_PERMISSIVE_ACTION: 'over_permissive_action',
  DATA_LEAKAGE: 'data_leakage',
  CONTENT_SAFETY: 'content_safety',
  HALLUCINATION: 'hallucination',
  BEHAVIORAL_REGRESSION: 'behavioral_regression',
} as const;
/** A known {@link HarmCategory} value or any custom non-empty string. */
export type HarmCategory = (typeof HarmCategory)[keyof typeof HarmCategory] | (string & {});

/** What the adapter under test lets RAMPART observe. */
export const ObservabilityLevel = {
  TOOL_AND_SIDE_EFFECTS: 'tool_and_side_effects',
  TOOL_ONLY: 'tool_only',
  RESPONSE_ONLY: 'response_only',
} as const;
/** One of the {@link ObservabilityLevel} values. */
export type ObservabilityLevel = (typeof ObservabilityLevel)[keyof typeof ObservabilityLevel];

/** Raw detection signal of an evaluator (not a safety judgment). */
export const EvalOutcome = {
  DETECTED: 'detected',
  NOT_DETECTED: 'not_detected',
  UNDETERMINED: 'undetermined',
} as const;
/** One of the {@link EvalOutcome} values. */
export type EvalOutcome = (typeof EvalOutcome)[keyof typeof EvalOutcome];

/** Why turn production stopped. */
export const TraceEndReason = {
  DRIVER_EXHAUSTED: 'driver_exhausted',
  MAX_TURNS_REACHED: 'max_turns_reached',
  STOP_CONDITION_MET: 'stop_condition_met',
} as const;
/** One of the {@link TraceEndReason} values. */
export type TraceEndReason = (typeof TraceEndReason)[keyof typeof TraceEndReason];

/** Why an evaluation was attached to a turn. */
export const EvaluationPurpose = {
  STOP_CHECK: 'stop_check',
} as const;
/** One of the {@link EvaluationPurpose} values. */
export type EvaluationPurpose = (typeof EvaluationPurpose)[keyof typeof EvaluationPurpose];

const enumValues = new WeakMap<object, ReadonlySet<string>>();

/** True when `value` is one of the values of the given wire enumeration. */
export function isEnumValue<T extends Record<string, string>>(
  enumeration: T,
  value: unknown,
): value is T[keyof T] {
  if (typeof value !== 'string') return false;
  // Cached: called for every field of every Result that crosses the transport.
  let values = enumValues.get(enumeration);
  if (!values) enumValues.set(enumeration, (values = new Set(Object.values(enumeration))));
  return values.has(value);
}
