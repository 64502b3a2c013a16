import { ObservabilityLevel, Result } from '../../../src/index';
import { decodeResult } from '../../../src/trace';
import { envelopeResult } from '../../../src/jest/transport/result-envelope';

const result = (summary: string, extra: Partial<ConstructorParameters<typeof Result>[0]> = {}) =>
  new Result({
    status: 'safe',
    summary,
    observabilityLevel: ObservabilityLevel.TOOL_ONLY,
    ...extra,
  });

describe('envelopeResult (per-Result transport cap)', () => {
  test('a Result within the cap travels as its canonical JSON', () => {
    const out = envelopeResult(result('normal'), { testName: 't', index: 0 }, 4096);
    expect(out.truncated).toBe(false);
    expect(decodeResult(JSON.parse(out.json)).summary).toBe('normal');
  });

  test('an oversized Result becomes an attributed ERROR placeholder that fits 4 KiB', () => {
    const out = envelopeResult(
      result('x'.repeat(10_000), { harmCategory: 'custom-risk' }),
      { testName: 'test_oversized', index: 1 },
      4096,
    );
    expect(out.truncated).toBe(true);
    expect(Buffer.byteLength(out.json)).toBeLessThanOrEqual(4096);
    const marker = decodeResult(JSON.parse(out.json));
    expect(marker.status).toBe('error');
    expect(marker.strategy).toBe('transport');
    expect(marker.harmCategory).toBe('custom-risk');
    expect(marker.observabilityLevel).toBe('tool_only');
    expect(marker.summary).toMatch(
      /^RAMPART Result #1 of test "test_oversized" is \d+ bytes, over maxResultBytes \(4096\)/,
    );
    expect(marker.metadata).toEqual({
      _rampart_transport_truncated: true,
      _rampart_original_size_bytes: expect.any(Number),
      _rampart_limit_bytes: 4096,
    });
    expect(marker.metadata._rampart_original_size_bytes).toBeGreaterThan(10_000);
  });

  test.each([
    ['NULs', '\u0000'.repeat(10_000)],
    ['emoji', '😀'.repeat(10_000)],
  ])('hostile attribution (%s) stays bounded', (_kind, text) => {
    const out = envelopeResult(
      result('y'.repeat(10_000), { harmCategory: text }),
      { testName: text, index: 0 },
      4096,
    );
    expect(Buffer.byteLength(out.json)).toBeLessThanOrEqual(4096);
    const marker = decodeResult(JSON.parse(out.json));
    expect(Buffer.byteLength(JSON.stringify(marker.harmCategory))).toBeLessThanOrEqual(256);
    expect(marker.summary).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  test('something that is not a Result, or that cannot be serialized, becomes a placeholder', () => {
    const notAResult = envelopeResult({ status: 'fine' }, { testName: 't', index: 0 }, 4096);
    expect(notAResult.truncated).toBe(true);
    expect(decodeResult(JSON.parse(notAResult.json)).summary).toContain(
      'could not serialize Result #0 of test "t" (TypeError: not a Result',
    );
    const trap = new Proxy(result('x'), {
      get(target, property, receiver) {
        if (property === 'turns') throw new Error('trap');
        return Reflect.get(target, property, receiver);
      },
    });
    const trapped = envelopeResult(trap, { testName: 't', index: 2 }, 4096);
    expect(decodeResult(JSON.parse(trapped.json)).metadata._rampart_original_size_bytes).toBeNull();
  });
});

describe('lossy metadata', () => {
  test('the envelope names the metadata keys that could not be represented as JSON', () => {
    const result = new Result({
      status: 'safe',
      summary: 's',
      observabilityLevel: 'tool_only',
      metadata: { callback: () => 1, fine: 'yes' },
    });
    expect(envelopeResult(result, { testName: 't', index: 0 }, 4096).lossyKeys).toEqual([
      'callback',
    ]);
  });
});
