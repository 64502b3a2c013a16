/**
 * What the tests read of the documentation, read one way for both suites:
 * the fenced code blocks (the unit test compiles the TypeScript samples
 * against src/, the end-to-end tests run tagged samples against the packed
 * package; a tag in the fence's info string names a sample's scenario and
 * file: ```js sample:jsdom/jest.config.js) and the relative links.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository. */
export const REPO_ROOT = path.resolve(__dirname, '../..');

/** One fenced code block. */
export interface DocCodeBlock {
  /** The fence's language (`ts`, `js`, `sh`, ...; empty when none). */
  language: string;
  code: string;
  /** 1-based line of the block's first line of code in its file. */
  line: number;
  /** The sample tag, when the fence has one. */
  sample?: { scenario: string; file: string };
}

const FENCE = /^```(\S*)([^\n]*)\n([\s\S]*?)^```$/gm;
const TAG = /\bsample:([\w-]+)\/(\S+)/;

/** Every fenced code block of `file` (relative to the repository: `docs/reporter.md`, `README.md`). */
export function docCodeBlocks(file: string): DocCodeBlock[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
  return [...text.matchAll(FENCE)].map((match) => {
    const [, language = '', info = '', code = ''] = match;
    const line = text.slice(0, match.index).split('\n').length + 1;
    const tag = TAG.exec(info);
    return tag
      ? { language, code, line, sample: { scenario: tag[1] as string, file: tag[2] as string } }
      : { language, code, line };
  });
}

/** The documentation pages: README.md and every page of docs/. */
export function docPages(): string[] {
  const pages = fs
    .readdirSync(path.join(REPO_ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...pages];
}

/** The relative links of a Markdown text, outside code: `[target, fragment]` (either may be ''). */
export function relativeLinks(markdown: string): Array<[target: string, fragment: string]> {
  const prose = markdown.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map(([, href = '']) => href)
    .filter((href) => !/^[a-z]+:/.test(href))
    .map((href) => {
      const [target = '', fragment = ''] = href.split('#');
      return [target, fragment];
    });
}
