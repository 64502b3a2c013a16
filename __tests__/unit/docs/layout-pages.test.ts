/**
 * CONTRIBUTING.md and docs/architecture.md describe the code: every file or
 * folder of the repository they name in backticks exists (placeholders such
 * as `src/<framework>.ts` aside), and every file the folder map of
 * docs/architecture.md lists is in its folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/doc-code-blocks';

const PAGES = ['CONTRIBUTING.md', 'docs/architecture.md'];
const ROOTS = /^(src|__tests__|schema|fixtures|scripts|bench|examples|docs)\//;

function backticked(page: string): string[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, page), 'utf8');
  return [...text.matchAll(/`([^`\s]+)`/g)].map(([, token = '']) => token);
}

test.each(PAGES)('the paths %s names exist', (page) => {
  const paths = backticked(page).filter(
    (token) => (ROOTS.test(token) || token === 'eslint.config.js') && !/[<*]/.test(token),
  );
  expect(paths.length).toBeGreaterThan(5);
  expect(paths.filter((file) => !fs.existsSync(path.join(REPO_ROOT, file)))).toEqual([]);
});

test('every file of the folder map of docs/architecture.md is in its folder', () => {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'architecture.md'), 'utf8');
  const rows = [...text.matchAll(/^\| `([\w/]+\/)`\s*\|(.*)\|$/gm)];
  expect(rows.length).toBeGreaterThan(10);
  const missing: string[] = [];
  for (const [, folder = '', cell = ''] of rows) {
    const dir = path.join(REPO_ROOT, 'src', folder);
    if (!fs.existsSync(dir)) missing.push(`src/${folder}`);
    for (const [, file = ''] of cell.matchAll(/`([\w.-]+\.ts)`/g))
      if (!fs.existsSync(path.join(dir, file))) missing.push(`src/${folder}${file}`);
  }
  expect(missing).toEqual([]);
});
