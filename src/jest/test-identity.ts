/** Stable names for tests and trial groups (pure functions of circus entries). */
import * as path from 'node:path';
import type { CircusDescribeBlock } from './circus-types';

/** Separator of the parts of a test id, as in pytest node ids. */
const ID_SEPARATOR = '::';

/** Titles of the describe blocks around a test, outermost first (root excluded). */
export function ancestorTitles(block: CircusDescribeBlock | undefined): string[] {
  const titles: string[] = [];
  for (let current = block; current?.parent; current = current.parent) titles.unshift(current.name);
  return titles;
}

/** The test file relative to rootDir, with forward slashes on every platform. */
export function relativeTestPath(rootDir: string, testPath: string): string {
  return path.relative(rootDir, testPath).split(path.sep).join('/');
}

/** `<relative path>::<ancestor>::...::<title>`. */
export function testIdOf(
  relativePath: string,
  ancestors: readonly string[],
  title: string,
): string {
  return [relativePath, ...ancestors, title].join(ID_SEPARATOR);
}

/** Title of trial clone `index`. */
export function trialCloneTitle(title: string, index: number): string {
  return `${title} [trial-${index}]`;
}
