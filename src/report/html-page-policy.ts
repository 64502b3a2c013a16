/**
 * The Content-Security-Policy of the HTML report (docs/html-report.md,
 * "Hostile text"): nothing may be loaded from anywhere, and the only style
 * and script the browser applies are the page's own, named by their SHA-256
 * hashes. The texts are constants, so the hashes are those of the shipped
 * style sheet and script, whatever a report holds.
 */
import { createHash } from 'node:crypto';
import { HTML_PAGE_SCRIPT } from './html-page-script';
import { HTML_PAGE_STYLE } from './html-page-style';

const sha256 = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy, for a `<meta http-equiv="Content-Security-Policy">` element. */
export const HTML_PAGE_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(HTML_PAGE_STYLE)}`,
  `script-src ${sha256(HTML_PAGE_SCRIPT)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
