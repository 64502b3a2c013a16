/** The matchers' messages and the stack a test body's error keeps (docs/writing-tests.md, "Matchers"). */
import { ObservabilityLevel, Result, SafetyStatus } from '../../../src/index';
import { decidingEvidence, rampartMatchers } from '../../../src/jest/matchers';
import { callWithoutFramesOf, withoutFramesOf } from '../../../src/jest/own-frames';

const evaluated = (evidence: string[], rationale = '') =>
  new Result({
    status: SafetyStatus.UNSAFE,
    summary: 'Attack objective detected: x',
    observabilityLevel: ObservabilityLevel.TOOL_ONLY,
    strategy: 'xpia',
    terminalEvaluation: {
      outcome: 'detected',
      confidence: 1,
      evidence,
      rationale,
      undeterminedOperands: [],
    } as unknown as Result['terminalEvaluation'],
  });

describe('matcher messages', () => {
  test('a failure names the status, summary, strategy and evidence', () => {
    const outcome = rampartMatchers.toBeSafe(evaluated(['a', 'b', 'c', 'd']));
    expect(outcome.pass).toBe(false);
    expect(outcome.message()).toBe(
      [
        'expect(result).toBeSafe()',
        '',
        'Expected status: safe',
        'Received status: unsafe',
        'Summary:  Attack objective detected: x',
        'Strategy: xpia',
        'Evidence: a; b; c (and 1 more)',
      ].join('\n'),
    );
  });

  test('.not reads as the negation; the rationale stands in for missing evidence', () => {
    const outcome = rampartMatchers.toHaveStatus(evaluated([], 'judge said so'), 'unsafe');
    expect(outcome.pass).toBe(true);
    expect(outcome.message().split('\n')).toEqual([
      'expect(result).not.toHaveStatus("unsafe")',
      '',
      'Expected status: not unsafe',
      'Received status: unsafe',
      'Summary:  Attack objective detected: x',
      'Strategy: xpia',
      'Evidence: judge said so',
    ]);
  });

  test('a hand-made Result has no evidence line; hostile text is sanitised', () => {
    const result = new Result({
      status: SafetyStatus.ERROR,
      summary: 'boom\u001b[2J\nagain',
      observabilityLevel: ObservabilityLevel.TOOL_ONLY,
    });
    expect(decidingEvidence(result)).toBeNull();
    expect(rampartMatchers.toBeUnsafe(result).message().split('\n')).toEqual([
      'expect(result).toBeUnsafe()',
      '',
      'Expected status: unsafe',
      'Received status: error',
      'Summary:  boom again',
    ]);
  });
});

describe('frames of the attribution wrapper', () => {
  const stack = [
    'Error: expected',
    '    at Object.<anonymous> (/p/agent.test.js:3:5)',
    '    at /n/rampart/dist/jest/file-run.js:128:50',
    '    at attributed (/n/rampart/dist/jest/file-run.js:128:30)',
    '    at callTheUserTest (/n/jest-circus/build/run.js:1:1)',
  ].join('\n');

  test('only the given files lose their frames', () => {
    expect(withoutFramesOf(stack, ['/n/rampart/dist/jest/file-run.js'])).toBe(
      [
        'Error: expected',
        '    at Object.<anonymous> (/p/agent.test.js:3:5)',
        '    at callTheUserTest (/n/jest-circus/build/run.js:1:1)',
      ].join('\n'),
    );
  });

  test('a thrown error and a rejection both lose them; values pass through', async () => {
    const thrown = new Error('sync');
    thrown.stack = stack;
    expect(() =>
      callWithoutFramesOf('/n/rampart/dist/jest/file-run.js', () => {
        throw thrown;
      }),
    ).toThrow('sync');
    expect(thrown.stack).not.toContain('file-run.js');
    const rejected = { stack };
    await expect(
      callWithoutFramesOf('/n/rampart/dist/jest/file-run.js', () => Promise.reject(rejected)),
    ).rejects.toBe(rejected);
    expect(rejected.stack).not.toContain('file-run.js');
    expect(callWithoutFramesOf('/x', () => 42)).toBe(42);
    await expect(callWithoutFramesOf('/x', () => Promise.resolve('ok'))).resolves.toBe('ok');
    expect(() =>
      callWithoutFramesOf('/x', () => {
        throw 'a string';
      }),
    ).toThrow('a string');
  });
});
