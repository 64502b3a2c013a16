/**
 * The one escaping helper of the HTML report (docs/html-report.md, "Hostile
 * text"): everything that comes from a Result reaches the page through these
 * functions, as element text or a quoted attribute value, or as JSON inside a
 * `<script type="application/json">` block. No Result value is ever placed in
 * a URL, a style or an executable script.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Text for element content or a double- or single-quoted attribute value:
 * the markup characters become entities, and control characters and lone
 * surrogates (which a browser would drop or mangle) become U+FFFD.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] as string)
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    );
}

/** What must not stand as itself inside a `<script>` element. */
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/;
const SCRIPT_UNSAFE_ALL = /[<>&\u2028\u2029]/g;

/**
 * JSON for the inside of a `<script type="application/json">` element: `<`,
 * `>` and `&` are written as `\u` escapes, so no text can close the element
 * or open a comment, and U+2028/U+2029 as well, so the text stays valid
 * JavaScript wherever it is pasted.
 */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value);
  // One scan for the usual text with nothing to escape; the replacement only when needed.
  return SCRIPT_UNSAFE.test(json)
    ? json.replace(SCRIPT_UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json;
}
