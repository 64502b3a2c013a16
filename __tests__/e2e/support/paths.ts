/** Locations shared by the end-to-end harness. */
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
/** The environment variable that moves WORK_DIR. */
export const WORK_DIR_VAR = 'RAMPART_E2E_WORK_DIR';
/**
 * Installed consumer projects, outside the repository: Node resolves packages
 * by walking up the directory tree, and this repository's node_modules (Jest
 * 30, every devDependency) would stand in for whatever a fixture lacks. One
 * directory per checkout, kept between runs as a cache.
 */
export const WORK_DIR =
  process.env[WORK_DIR_VAR] ||
  path.join(
    os.tmpdir(),
    'rampart-e2e',
    createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12),
  );
export const PACK_DIR = path.join(WORK_DIR, 'pack');
/** Written by global setup: the tarball under test. */
export const TARBALL_POINTER = path.join(PACK_DIR, 'current.txt');
/** Package managers (pnpm, Yarn) installed from fixtures/tools/. */
export const TOOLS_DIR = path.join(WORK_DIR, 'tools');

/** Supported Jest majors, each with a template under fixtures/. */
export const JEST_VERSIONS = [29, 30] as const;
export type JestMajor = (typeof JEST_VERSIONS)[number];

/** Installed consumer project of a Jest major. */
export function fixtureDir(jest: JestMajor): string {
  return path.join(WORK_DIR, `jest${jest}`);
}

/** Where the `node` package of an exact Node version is installed. */
export function nodeInstallDir(version: string): string {
  return path.join(WORK_DIR, 'node', version);
}
