/**
 * `toBeSafe()`, `toBeUnsafe()`, `toHaveStatus(status)`: installed by the
 * environment in every test file. The failure message is the Result's summary
 * (sanitised: Jest prints it to the terminal).
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

function statusMatcher(matcher: string, received: unknown, expected: SafetyStatus): MatcherResult {
  if (!isResultLike(received)) return notAResult(matcher, received);
  const pass = received.status === expected;
  const summary = sanitizeLine(received.summary);
  return {
    pass,
    message: () =>
      pass
        ? `expected the Result not to be ${expected.toUpperCase()}: ${summary}`
        : `${summary} (status: ${received.status}, expected: ${expected})`,
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
    return statusMatcher('toHaveStatus', received, status);
  },
};
