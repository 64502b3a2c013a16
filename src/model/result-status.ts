/**
 * The Result's own enumerations: its safety status, its harm category and
 * what the adapter let RAMPART observe. Wire values shared with upstream
 * RAMPART: the strings are what reports hold, so reports stay
 * interchangeable with the Python tool.
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

/** A category with case, spaces, underscores and hyphens folded away: `Data-Exfiltration` -> `dataexfiltration`. */
const foldCategory = (category: string): string => category.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The built-in category that `category` differs from only by case, spacing,
 * underscores or hyphens (`'Data Exfiltration'` -> `'data_exfiltration'`);
 * null for a built-in itself or a category unlike any.
 */
export function nearBuiltInHarmCategory(category: string): string | null {
  const builtIns: readonly string[] = Object.values(HarmCategory);
  if (builtIns.includes(category)) return null;
  const folded = foldCategory(category);
  return builtIns.find((builtIn) => foldCategory(builtIn) === folded) ?? null;
}

/** What the adapter under test lets RAMPART observe. */
export const ObservabilityLevel = {
  TOOL_AND_SIDE_EFFECTS: 'tool_and_side_effects',
  TOOL_ONLY: 'tool_only',
  RESPONSE_ONLY: 'response_only',
} as const;
/** One of the {@link ObservabilityLevel} values. */
export type ObservabilityLevel = (typeof ObservabilityLevel)[keyof typeof ObservabilityLevel];
