/**
 * The one escaper for text that goes into Markdown (`rampart diff --format
 * markdown`): text from tests and agents must stay text, never become a
 * link, an image, HTML, a heading or a table cell boundary.
 */
import { sanitizeLine } from './terminal-text';

// Inside a line: emphasis, code, links and images, HTML, tables, strikethrough,
// entities, and GitHub's @mentions. Line-start markers (#, -, +, 1.) cannot
// occur: callers never start a line with escaped text.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>|~&@]/g;

/**
 * Text for inside one Markdown line: control characters and line breaks
 * removed as for the terminal (bounded), then every character Markdown or
 * HTML gives a meaning there escaped, so it renders as itself, also inside
 * a table cell. Never start a line with it.
 */
export function escapeMarkdown(value: unknown, maxLength?: number): string {
  return sanitizeLine(value, maxLength).replace(MARKDOWN_SPECIAL, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`,
  );
}
