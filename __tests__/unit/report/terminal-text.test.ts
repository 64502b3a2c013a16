import fc from 'fast-check';
import { sanitizeLine } from '../../../src/report/terminal-text';

// Any byte a terminal interprets: C0 (tab and newline included, for one-line fields), DEL, C1.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('sanitizeLine', () => {
  test.each([
    ['\x1b[31mRED TEXT\x1b[0m', 'RED TEXT'],
    ['\x1b[2Ahidden', 'hidden'],
    ['clean text', 'clean text'],
    ['\x1b[2J\x1b[Hinjected', 'injected'],
    ['\x1b]8;;http://evil\x07link\x1b]8;;\x07', 'link'],
    ['\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\', 'link'],
    ['\x1b]0;new title\x07after', 'after'],
    ['before\x1bP1;2|payload\x1b\\after', 'beforeafter'],
    ['a\x1b_apc string\x9cb', 'ab'],
    ['a\x1b^pm\x1b\\b', 'ab'],
    ['a\x1bXsos\x1b\\b', 'ab'],
    ['\x9b31mC1 CSI\x9b0m', 'C1 CSI'],
    ['\x9d0;title\x9cvisible', 'visible'],
    ['\x1bc\x1b7reset', 'reset'],
    ['\x1b(Bcharset', 'charset'],
    ['bell\x07 back\x08space', 'bell backspace'],
    ['line one\n  FAIL  forged line', 'line one   FAIL  forged line'],
    ['carriage\roverwrite', 'carriage overwrite'],
    ['tabs\tand\u2028separators\u2029too\u0085', 'tabs and separators too '],
    ['bidi \u202eevil\u202c override', 'bidi evil override'],
    ['\x00nul\x7fdel', 'nuldel'],
    ['unterminated osc \x1b]8;;http://evil', 'unterminated osc '],
    ['unterminated dcs \x1bP leaks', 'unterminated dcs '],
    ['emoji 😀 and ünïcode', 'emoji 😀 and ünïcode'],
  ])('%j -> %j', (input, expected) => {
    expect(sanitizeLine(input)).toBe(expected);
  });

  test('bounds the length of what reaches the terminal', () => {
    const out = sanitizeLine('x'.repeat(10_000), 100);
    expect(out.startsWith('x'.repeat(100))).toBe(true);
    expect(out.endsWith('… (9900 more characters)')).toBe(true);
  });

  test('non-strings are rendered, never thrown on', () => {
    expect(sanitizeLine(42)).toBe('42');
    expect(sanitizeLine(null)).toBe('null');
  });

  test('property: no output contains an escape or a control character', () => {
    const interesting = fc.constantFrom(
      '\x1b',
      '[',
      ']',
      'P',
      '_',
      '^',
      'X',
      '\\',
      '\x07',
      '\x9b',
      '\x9c',
      '\x9d',
      '\x90',
      '\n',
      '\r',
      '\t',
      '\u2028',
      '\u202e',
      '\x00',
      '\x7f',
      '\x85',
      ';',
      '8',
      'm',
      'a',
      '😀',
    );
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(interesting, { maxLength: 60 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(hostile, (input) => {
        expect(sanitizeLine(input)).not.toMatch(CONTROL_OR_ESCAPE);
      }),
      { numRuns: 3000 },
    );
  });
});
