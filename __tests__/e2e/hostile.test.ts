/**
 * Text and values from tests and agents are hostile: escape sequences in
 * summaries, titles and categories, and metadata that is circular, BigInt,
 * functions, symbols, non-finite, lone surrogates or prototype keys.
 */
import { JEST_VERSIONS } from './support/paths';
import { allResults, createScenario, jestConfig } from './support/scenario';

const HOSTILE_JS = `
const { harm, recordResult, Result } = require('rampart');
const circular = { name: 'loop' };
circular.self = circular;
const throwing = Object.defineProperty({}, 'secret', { enumerable: true, get() { throw new Error('no access'); } });
const metadata = {
  circular, throwing,
  big: 2n ** 70n,
  fn() {},
  sym: Symbol('s'),
  nan: NaN,
  inf: Infinity,
  lone: 'a\\uD800b',
  nested: JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  large: 'z'.repeat(1024 * 1024),
  // Objects of the test's realm, not the environment's.
  err: new TypeError('boom'),
  map: new Map([['k', 1]]),
  set: new Set(['v']),
  when: new Date(0),
};

harm('cat\\x1b]0;pwned\\x07egory', () => {
  test('evil \\x1b[2J title\\nFAKE', () => {
    recordResult(new Result({
      status: 'unsafe',
      summary: '\\x1b[31mred\\x1b[0m \\x1b]8;;http://evil.example\\x07link\\x1b]8;;\\x07\\r\\n  PASS  forged \\x9b2J\\u202eevil',
      observabilityLevel: 'tool_only',
      metadata,
    }));
  });
});
test('prototype untouched', () => {
  expect({}.polluted).toBeUndefined();
});
`;

// Anything a terminal would interpret, other than the line feed between lines.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe.each(JEST_VERSIONS)('Jest %i', (jest) => {
  test('hostile values neither crash nor reach the terminal; the report keeps them JSON-safe and raw', async () => {
    const scenario = createScenario(jest, 'hostile').write({
      'jest.config.js': jestConfig(),
      'hostile.test.js': HOSTILE_JS,
    });
    const run = await scenario.run(['--maxWorkers=2']);
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n');
    const ours = lines.filter((line, i) => {
      const start = lines.findIndex((l) => l.includes('RAMPART Safety Summary'));
      const end = lines.findIndex((l) => l.startsWith('RAMPART report:'));
      return i >= start && i <= end;
    });
    expect(ours.length).toBeGreaterThan(4);
    for (const line of ours) expect(line).not.toMatch(CONTROL);
    expect(ours).toContain('CATEGORY (1 tests)');
    expect(ours).toContain('  FAIL  evil  title FAKE -- red link   PASS  forged evil (tool_only)');
    // As upstream, the keys that could not be represented as JSON are named (sanitised for the terminal).
    expect(lines).toContain(
      'RAMPART warning: Sanitized 4 non-serializable metadata key(s) for hostile.test.js::evil  title FAKE in result.metadata: circular, throwing, fn, sym',
    );

    const [result] = allResults(scenario.report());
    expect(result?.summary).toBe(
      '\x1b[31mred\x1b[0m \x1b]8;;http://evil.example\x07link\x1b]8;;\x07\r\n  PASS  forged \x9b2J\u202eevil',
    );
    expect(result?.harm_category).toBe('cat\x1b]0;pwned\x07egory');
    const metadata = result?.metadata as Record<string, unknown>;
    expect(metadata).toMatchObject({
      circular: { name: 'loop', self: '[Circular]' },
      throwing: { secret: '[Unreadable: no access]' },
      big: '1180591620717411303424',
      fn: '[Function: fn]',
      sym: 'Symbol(s)',
      nan: null,
      inf: null,
      lone: 'a\uFFFDb',
      err: { name: 'TypeError', message: 'boom' },
      map: [['k', 1]],
      set: ['v'],
      when: '1970-01-01T00:00:00.000Z',
      _jest_test_name: 'evil \x1b[2J title\nFAKE',
    });
    expect(Object.keys(metadata.nested as object)).toEqual(['__proto__', 'constructor']);
    expect((metadata.large as string).length).toBe(1024 * 1024);
  });
});
