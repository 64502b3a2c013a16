/**
 * Every relative link of README.md and docs/ leads somewhere: to a file of
 * the repository (the end-to-end suite checks that the packed package holds
 * it too) and, with a fragment, to a heading of that file, named as GitHub
 * names headings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, docPages, relativeLinks } from '../../support/doc-code-blocks';

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown file (a repeated heading gets `-1`, `-2` ...). */
function anchors(file: string): Set<string> {
  const text = fs.readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading = ''] of text.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = anchor(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

test.each(docPages())('the links of %s lead to a file and a heading', (page) => {
  const broken: string[] = [];
  for (const [target, fragment] of relativeLinks(
    fs.readFileSync(path.join(REPO_ROOT, page), 'utf8'),
  )) {
    const file =
      target === ''
        ? path.join(REPO_ROOT, page)
        : path.resolve(path.dirname(path.join(REPO_ROOT, page)), target);
    if (!fs.existsSync(file)) broken.push(`${target}: no such file`);
    else if (fragment && !anchors(file).has(fragment))
      broken.push(`${target}#${fragment}: no such heading`);
  }
  expect(broken).toEqual([]);
});
