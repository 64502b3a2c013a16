/** Locations shared by the end-to-end harness. */
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const WORK_DIR = path.join(REPO_ROOT, 'fixtures', '.work');
export const PACK_DIR = path.join(WORK_DIR, 'pack');
/** Written by global setup: the tarball under test. */
export const TARBALL_POINTER = path.join(PACK_DIR, 'current.txt');

/** Supported Jest majors, each with a template under fixtures/. */
export const JEST_VERSIONS = [29, 30] as const;
export type JestMajor = (typeof JEST_VERSIONS)[number];

/** Installed consumer project of a Jest major. */
export function fixtureDir(jest: JestMajor): string {
  return path.join(WORK_DIR, `jest${jest}`);
}
