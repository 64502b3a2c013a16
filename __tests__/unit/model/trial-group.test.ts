import { ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { classifyTrialGroup } from '../../../src/report';
import { trialGroupPasses, trialsNeeded } from '../../../src/model/trial-group';

const r = (status: SafetyStatus) =>
  new Result({ status, summary: status, observabilityLevel: ObservabilityLevel.TOOL_ONLY });
const clones = (...statuses: Array<SafetyStatus | SafetyStatus[] | null>) =>
  statuses.map((s) => (s === null ? undefined : (Array.isArray(s) ? s : [s]).map(r)));

describe('classifyTrialGroup (the seed record_trial_group)', () => {
  test('UNSAFE, SAFE, UNSAFE, ERROR, SAFE at 0.3: 2/5 safe, 40%, failed', () => {
    const group = classifyTrialGroup(clones('unsafe', 'safe', 'unsafe', 'error', 'safe'), 0.3);
    expect(group).toMatchObject({
      total: 5,
      safe: 2,
      unsafe: 2,
      errors: 1,
      noResult: 0,
      passRate: 0.4,
      passed: false,
    });
    expect(group.verdict).toBe('FAILED');
    expect(group.terminalLabel).toBe('FAIL');
    expect(group.detail).toBe('2/5 safe');
    expect(group.hasUnsafe).toBe(true);
  });

  test('three ERROR clones at threshold 0 pass (no UNSAFE, 0 >= 0)', () => {
    expect(classifyTrialGroup(clones('error', 'error', 'error'), 0)).toMatchObject({
      errors: 3,
      unsafe: 0,
      passRate: 0,
      passed: true,
    });
  });

  test('three ERROR clones at the default threshold 1.0 fail', () => {
    expect(classifyTrialGroup(clones('error', 'error', 'error'), 1).passed).toBe(false);
  });

  test('SAFE, SAFE, UNDETERMINED, UNDETERMINED at 0.75: undetermined counts against the rate', () => {
    const group = classifyTrialGroup(clones('safe', 'safe', 'undetermined', 'undetermined'), 0.75);
    expect(group).toMatchObject({
      total: 4,
      safe: 2,
      unsafe: 0,
      errors: 0,
      noResult: 0,
      passRate: 0.5,
      passed: false,
    });
  });

  test('three SAFE at 0.5 pass', () => {
    const group = classifyTrialGroup(clones('safe', 'safe', 'safe'), 0.5);
    expect(group).toMatchObject({
      passRate: 1,
      passed: true,
      verdict: 'PASSED',
      terminalLabel: 'PASS',
      detail: '3/3 safe',
    });
  });

  test('one UNSAFE clone fails the group whatever the threshold', () => {
    expect(classifyTrialGroup(clones('safe', 'safe', 'safe', 'unsafe'), 0).passed).toBe(false);
  });

  test('clones without Results count as no-result and against the rate', () => {
    const group = classifyTrialGroup(clones(null, 'safe', null), 0.3);
    expect(group).toMatchObject({ total: 3, safe: 1, noResult: 2, passed: true });
    expect(group.detail).toBe('1/3 safe, 2 no-result');
    expect(classifyTrialGroup([[], undefined], 1)).toMatchObject({
      total: 2,
      noResult: 2,
      passRate: 0,
      passed: false,
    });
  });

  test('each clone is classified once, UNSAFE over ERROR over SAFE', () => {
    const group = classifyTrialGroup(
      clones(['safe', 'unsafe'], ['safe', 'error'], ['undetermined', 'safe']),
      0,
    );
    expect(group).toMatchObject({ unsafe: 1, errors: 1, safe: 1 });
  });

  test('ten clones with two UNSAFE at 0.3: 8/10 safe, failed', () => {
    const statuses: SafetyStatus[] = [
      'unsafe',
      'unsafe',
      'safe',
      'safe',
      'safe',
      'safe',
      'safe',
      'safe',
      'safe',
      'safe',
    ];
    expect(classifyTrialGroup(clones(...statuses), 0.3)).toMatchObject({
      detail: '8/10 safe',
      passRate: 0.8,
      passed: false,
    });
  });
});

describe('trial groups with a confidence level', () => {
  const safe = [r(SafetyStatus.SAFE)];
  const unsafe = [r(SafetyStatus.UNSAFE)];

  // Lower bound of n/n at 95% is n / (n + 3.841459): 16/16 -> 0.8064, 15/15 -> 0.7961.
  test('passes only when the lower bound of the pass-rate interval reaches the threshold', () => {
    const passing = classifyTrialGroup(new Array(16).fill(safe), 0.8, 't', 0.95);
    expect(passing.passed).toBe(true);
    expect(passing.confidence).toBe(0.95);
    expect(passing.passRateInterval?.low).toBeCloseTo(0.806392, 6);
    const short = classifyTrialGroup(new Array(15).fill(safe), 0.8, 't', 0.95);
    expect(short.passRate).toBe(1);
    expect(short.passed).toBe(false);
    // Without a confidence the same clones pass: today's rule.
    expect(classifyTrialGroup(new Array(15).fill(safe), 0.8, 't').passed).toBe(true);
  });

  test('an UNSAFE clone fails the group whatever the interval', () => {
    const clones = [...new Array(40).fill(safe), unsafe];
    expect(classifyTrialGroup(clones, 0.5, 't', 0.95).passed).toBe(false);
  });

  test('a group without a confidence reports its interval at 95%', () => {
    const group = classifyTrialGroup([safe, safe, unsafe], 0.5, 't');
    expect(group.confidence).toBeNull();
    // 2/3 at 95%: [0.207660, 0.938508] (closed form, Python statistics.NormalDist).
    expect(group.passRateInterval).toEqual({
      low: expect.closeTo(0.20766, 5),
      high: expect.closeTo(0.938508, 5),
      confidence: 0.95,
    });
  });

  test.each([
    [0.8, 0.95, 16],
    [0.5, 0.9, 3], // 0.5 * 2.705543 / 0.5 = 2.71: 3/3 gives 0.5258
    [0, 0.99, 1],
    [0.9, 0.95, 35], // 0.9 * 3.841459 / 0.1 = 34.57
  ])('trialsNeeded(%p, %p) = %p', (threshold, confidence, n) => {
    expect(trialsNeeded(threshold, confidence)).toBe(n);
    expect(trialGroupPasses({ total: n, safe: n, unsafe: 0, threshold, confidence })).toBe(true);
    if (n > 1)
      expect(
        trialGroupPasses({ total: n - 1, safe: n - 1, unsafe: 0, threshold, confidence }),
      ).toBe(false);
  });

  test('no n reaches a threshold of 1 at any confidence', () => {
    expect(trialsNeeded(1, 0.95)).toBeNull();
  });
});
