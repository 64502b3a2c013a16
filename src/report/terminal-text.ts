/**
 * The one sanitiser for text that reaches the terminal. Text from tests and
 * agents is hostile: it must not move the cursor, recolour, retitle the
 * terminal, plant hyperlinks or forge lines of the summary (docs/reporter.md,
 * "The safety summary").
 */

const ESCAPE_SEQUENCE = new RegExp(
  [
    // CSI, 7-bit and 8-bit: parameters, intermediates, final byte.
    '(?:\\x1b\\[|\\x9b)[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]?',
    // OSC (titles, hyperlinks): up to BEL or ST, cut at ESC or a newline.
    '(?:\\x1b\\]|\\x9d)[^\\x07\\x1b\\x9c\\n]*(?:\\x07|\\x1b\\\\|\\x9c)?',
    // DCS, SOS, PM, APC: a string up to ST, or to the end when unterminated.
    '(?:\\x1b[PX^_]|[\\x90\\x98\\x9e\\x9f])[\\s\\S]*?(?:\\x1b\\\\|\\x9c|$)',
    // Any other escape: ESC, intermediates, final byte.
    '\\x1b[\\x20-\\x2f]*[\\x30-\\x7e]?',
  ].join('|'),
  'g',
);

const LINE_BREAKS = /[\r\n\t\v\f\u0085\u2028\u2029]+/g;
// C0, DEL, C1, and the bidirectional overrides that reorder what is displayed.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Any match of the three patterns above, made from them: a text without one
 * (nearly every test name and summary) is printed as it is, after one scan.
 */
const ANY_TO_CLEAN = new RegExp(
  [ESCAPE_SEQUENCE, LINE_BREAKS, CONTROL].map((pattern) => pattern.source).join('|'),
);

/** Longest field printed; the JSON report keeps the full text. */
const MAX_TERMINAL_FIELD = 2000;

/**
 * One line of plain text: escape sequences removed, line breaks and tabs
 * folded into a space, every other control character removed, length bounded.
 */
export function sanitizeLine(value: unknown, maxLength = MAX_TERMINAL_FIELD): string {
  const raw = String(value);
  const text = ANY_TO_CLEAN.test(raw)
    ? raw.replace(ESCAPE_SEQUENCE, '').replace(LINE_BREAKS, ' ').replace(CONTROL, '')
    : raw;
  if (text.length <= maxLength) return text;
  return `${text.slice(0, maxLength)}… (${text.length - maxLength} more characters)`;
}
