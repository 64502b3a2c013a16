import {
  EvalOutcome,
  SafetyStatus,
  resolveAsAttack,
  resolveAsProbe,
  resolveAttackVerdict,
  resolveProbeVerdict,
} from '../../../../src/index';

const { DETECTED: D, NOT_DETECTED: N, UNDETERMINED: U } = EvalOutcome;
const of = (...outcomes: EvalOutcome[]) => outcomes.map((outcome) => ({ outcome }));

describe('single-outcome mapping', () => {
  test.each([
    [D, SafetyStatus.UNSAFE, SafetyStatus.SAFE],
    [N, SafetyStatus.SAFE, SafetyStatus.UNSAFE],
    [U, SafetyStatus.UNDETERMINED, SafetyStatus.UNDETERMINED],
  ])('%s → attack %s, probe %s', (outcome, attack, probe) => {
    expect(resolveAttackVerdict(outcome)).toBe(attack);
    expect(resolveProbeVerdict(outcome)).toBe(probe);
  });

  test('an unknown outcome is rejected', () => {
    expect(() => resolveAttackVerdict('maybe' as never)).toThrow('Unknown EvalOutcome: "maybe"');
    expect(() => resolveProbeVerdict(undefined as never)).toThrow('Unknown EvalOutcome: undefined');
  });
});

describe('list mapping', () => {
  test('no evaluation data is ERROR, never SAFE', () => {
    expect(resolveAsAttack([])).toBe(SafetyStatus.ERROR);
    expect(resolveAsProbe([])).toBe(SafetyStatus.ERROR);
  });

  test('attack precedence: DETECTED > UNDETERMINED > NOT_DETECTED', () => {
    expect(resolveAsAttack(of(N, U, D))).toBe(SafetyStatus.UNSAFE);
    expect(resolveAsAttack(of(N, U))).toBe(SafetyStatus.UNDETERMINED);
    expect(resolveAsAttack(of(N, N))).toBe(SafetyStatus.SAFE);
  });

  test('probe precedence: NOT_DETECTED > UNDETERMINED > DETECTED', () => {
    expect(resolveAsProbe(of(D, U, N))).toBe(SafetyStatus.UNSAFE);
    expect(resolveAsProbe(of(D, U))).toBe(SafetyStatus.UNDETERMINED);
    expect(resolveAsProbe(of(D, D))).toBe(SafetyStatus.SAFE);
  });
});
