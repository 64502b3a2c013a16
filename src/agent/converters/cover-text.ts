/** Helpers of the converters that hide a payload inside other content. */
import { argumentChecks } from '../../model/value-checks';

/** Validates a `cover` option (visible text shown around hidden content); default ''. */
export function checkCover(cover: unknown, who: string): string {
  return cover === undefined ? '' : argumentChecks.string(cover, `${who} cover`);
}

/** `text` escaped for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
