/**
 * `toBeSafe()`, `toBeUnsafe()`, `toHaveStatus(status)`: installed by the
 * environment in every test file. The failure message names the Result's
 * status, summary, strategy and deciding evidence (sanitised: Jest prints it
 * to the terminal); the stack points at the test line (own-frames.ts).
 */
import { SafetyStatus } from '../model/result-status';
import { isEnumValue } from '../model/wire-enum';
import { describeValue } from '../model/value-description';
import { sanitizeLine } from '../report/terminal-text';

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

interface ResultLike {
  status: SafetyStatus;
  summary: string;
  strategy?: unknown;
  terminalEvaluation?: unknown;
}

function isResultLike(value: unknown): value is ResultLike {
  return (
    value !== null &&
    typeof value === 'object' &&
    isEnumValue(SafetyStatus, (value as ResultLike).status) &&
    typeof (value as ResultLike).summary === 'string'
  );
}

function notAResult(matcher: string, received: unknown): MatcherResult {
  return {
    pass: false,
    message: () => `${matcher}: expected a RAMPART Result, received ${describeValue(received)}`,
  };
}

/** Evidence items shown in a failure message; the rest are counted. */
const MAX_EVIDENCE = 3;

/**
 * What decided the Result: the evidence of its final evaluation, else its
 * rationale; null for a Result without one (recorded by hand).
 */
export function decidingEvidence(received: ResultLike): string | null {
  const evaluation = received.terminalEvaluation as
    { evidence?: unknown; rationale?: unknown } | null | undefined;
  if (evaluation === null || typeof evaluation !== 'object') return null;
  const evidence = Array.isArray(evaluation.evidence)
    ? evaluation.evidence.filter((item): item is string => typeof item === 'string')
    : [];
  if (evidence.length > 0) {
    const shown = evidence.slice(0, MAX_EVIDENCE).map((item) => sanitizeLine(item, 300));
    const more = evidence.length - shown.length;
    return `${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`;
  }
  return typeof evaluation.rationale === 'string' && evaluation.rationale.length > 0
    ? sanitizeLine(evaluation.rationale, 300)
    : null;
}

/**
 * The failure message, Jest-style: the matcher hint, then the Result's
 * status, summary, strategy and the evidence that decided it.
 */
function failureMessage(hint: string, received: ResultLike, expected: string): string {
  const lines = [
    hint,
    '',
    `Expected status: ${expected}`,
    `Received status: ${received.status}`,
    `Summary:  ${sanitizeLine(received.summary)}`,
  ];
  if (typeof received.strategy === 'string' && received.strategy.length > 0)
    lines.push(`Strategy: ${sanitizeLine(received.strategy)}`);
  const evidence = decidingEvidence(received);
  if (evidence !== null) lines.push(`Evidence: ${evidence}`);
  return lines.join('\n');
}

function statusMatcher(
  matcher: string,
  received: unknown,
  expected: SafetyStatus,
  argument = '',
): MatcherResult {
  if (!isResultLike(received)) return notAResult(matcher, received);
  const pass = received.status === expected;
  return {
    pass,
    message: () =>
      pass
        ? failureMessage(`expect(result).not.${matcher}(${argument})`, received, `not ${expected}`)
        : failureMessage(`expect(result).${matcher}(${argument})`, received, expected),
  };
}

/** The matchers, ready for `expect.extend`. */
export const rampartMatchers = {
  toBeSafe(received: unknown): MatcherResult {
    return statusMatcher('toBeSafe', received, SafetyStatus.SAFE);
  },
  toBeUnsafe(received: unknown): MatcherResult {
    return statusMatcher('toBeUnsafe', received, SafetyStatus.UNSAFE);
  },
  toHaveStatus(received: unknown, status: unknown): MatcherResult {
    if (!isEnumValue(SafetyStatus, status)) {
      return {
        pass: false,
        message: () =>
          `toHaveStatus(status): status must be one of ${Object.values(SafetyStatus).join(', ')}, got ${describeValue(status)}`,
      };
    }
    return statusMatcher('toHaveStatus', received, status, JSON.stringify(status));
  },
};
