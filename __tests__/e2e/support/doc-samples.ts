/**
 * Tagged code samples of a docs/ page, so that the suite runs what the docs
 * show. A sample's fence names its scenario and file:
 * ```js sample:jsdom/jest.config.js (read by ../../support/doc-code-blocks.ts).
 */
import { docCodeBlocks } from '../../support/doc-code-blocks';

/** The files of one sample scenario of `page` (relative to docs/), by file name; throws when the page has none. */
export function docSamples(page: string, scenario: string): Record<string, string> {
  const files = Object.fromEntries(
    docCodeBlocks(`docs/${page}`).flatMap(({ sample, code }) =>
      sample?.scenario === scenario ? [[sample.file, code]] : [],
    ),
  );
  if (Object.keys(files).length === 0)
    throw new Error(`docs/${page} has no code sample tagged sample:${scenario}/<file>`);
  return files;
}
