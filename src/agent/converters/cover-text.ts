/** Helpers of the converters that hide a payload inside other content. */
import { describeValue } from '../../model/value-description';

/** Validates a `cover` option (visible text shown around hidden content); default ''. */
export function checkCover(cover: unknown, who: string): string {
  if (cover === undefined) return '';
  if (typeof cover !== 'string')
    throw new TypeError(`${who} cover must be a string, got ${describeValue(cover)}`);
  return cover;
}

/** `text` escaped for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
