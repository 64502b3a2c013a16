import { ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { classifyTrialGroup } from '../../../src/report';

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
