/**
 * Placeholder syntax of payload templates: `{name}` or `{name|filter}`, with
 * `{{` and `}}` for literal braces. Filters encode a value (the encoded-
 * instruction templates use them). Parsing is strict: anything else between
 * braces is an error, so a typo cannot reach an agent unfilled.
 */
import { describeValue } from '../../model/value-description';
import { shiftLetters } from '../converters/letter-shift';

/** Value encoders usable as `{name|filter}`. */
export const PLACEHOLDER_FILTERS: Readonly<Record<string, (value: string) => string>> = {
  base64: (v) => Buffer.from(v, 'utf8').toString('base64'),
  hex: (v) => Buffer.from(v, 'utf8').toString('hex'),
  reverse: (v) => Array.from(v).reverse().join(''),
  rot13: (v) => shiftLetters(v, 13),
  url: (v) => encodeURIComponent(v),
};

/** A piece of a parsed template. */
export type Segment = { text: string } | { name: string; filter: string | null };

const TOKEN = /\{\{|\}\}|\{([a-z][a-z0-9_]*)(?:\|([a-z0-9]+))?\}|[{}]/g;

/** Splits `text` into literal text and placeholders; throws naming `where` on bad syntax. */
export function parsePlaceholders(text: string, where: string): Segment[] {
  const segments: Segment[] = [];
  let literal = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index as number;
    literal += text.slice(last, index);
    last = index + match[0].length;
    if (match[0] === '{{') literal += '{';
    else if (match[0] === '}}') literal += '}';
    else if (match[1] === undefined) {
      const context = text.slice(Math.max(0, index - 10), index + 20);
      throw new TypeError(
        `${where} must use {name} placeholders and {{ }} for literal braces, got a stray ${describeValue(match[0])} near ${describeValue(context)}`,
      );
    } else {
      const filter = match[2] ?? null;
      if (filter !== null && !(filter in PLACEHOLDER_FILTERS))
        throw new TypeError(
          `${where} placeholder filter must be one of ${Object.keys(PLACEHOLDER_FILTERS).join(', ')}, got ${describeValue(filter)}`,
        );
      if (literal) segments.push({ text: literal });
      literal = '';
      segments.push({ name: match[1], filter });
    }
  }
  literal += text.slice(last);
  if (literal) segments.push({ text: literal });
  return segments;
}

/** The placeholder names used in `segments`, in order of first use. */
export function placeholderNames(segments: readonly Segment[]): string[] {
  const names: string[] = [];
  for (const s of segments) if ('name' in s && !names.includes(s.name)) names.push(s.name);
  return names;
}

/** `segments` with every placeholder replaced by `lookup(name)` (filtered). */
export function renderSegments(
  segments: readonly Segment[],
  lookup: (name: string) => string,
): string {
  return segments
    .map((s) => {
      if ('text' in s) return s.text;
      const value = lookup(s.name);
      return s.filter === null
        ? value
        : (PLACEHOLDER_FILTERS[s.filter] as (v: string) => string)(value);
    })
    .join('');
}
