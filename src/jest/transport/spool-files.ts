/** Where a test file's spool lives inside the run directory. */
import { createHash } from 'node:crypto';
import * as path from 'node:path';

/**
 * Directory of one test file's spool files (one per environment instance),
 * keyed by Jest project and test path: two projects that run the same file
 * write to two directories.
 */
export function spoolDirFor(runDir: string, projectId: string, testPath: string): string {
  const key = createHash('sha1')
    .update(projectId)
    .update('\u0000')
    .update(testPath)
    .digest('hex')
    .slice(0, 20);
  return path.join(runDir, key);
}

/** Spool files end with this suffix. */
export const SPOOL_SUFFIX = '.jsonl';
