/**
 * Code samples of a docs/ page, so that the suite runs what the docs show.
 * A sample's fence names its scenario and file: ```js sample:jsdom/jest.config.js
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

/** One tagged code block. */
export interface DocSample {
  language: string;
  scenario: string;
  file: string;
  code: string;
}

const FENCE = /^```(\S*)([^\n]*)\n([\s\S]*?)^```$/gm;
const TAG = /\bsample:([\w-]+)\/(\S+)/;

/** Every fenced code block of `page` (relative to docs/), with its tag when it has one. */
export function docCodeBlocks(page: string): Array<DocSample | { language: string; code: string }> {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'docs', page), 'utf8');
  return [...text.matchAll(FENCE)].map(([, language = '', info = '', code = '']) => {
    const tag = TAG.exec(info);
    return tag
      ? { language, scenario: tag[1] as string, file: tag[2] as string, code }
      : { language, code };
  });
}

/** The files of one sample scenario of `page`, by file name; throws when the page has none. */
export function docSamples(page: string, scenario: string): Record<string, string> {
  const files = Object.fromEntries(
    docCodeBlocks(page)
      .filter((block): block is DocSample => 'scenario' in block && block.scenario === scenario)
      .map((block) => [block.file, block.code]),
  );
  if (Object.keys(files).length === 0)
    throw new Error(`docs/${page} has no code sample tagged sample:${scenario}/<file>`);
  return files;
}
