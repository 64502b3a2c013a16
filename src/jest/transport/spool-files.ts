/** Where a test file's spool lives inside the run directory. */
import { createHash } from 'node:crypto';
import * as path from 'node:path';

/** Directory of one test file's spool files (one per environment instance). */
export function spoolDirFor(runDir: string, testPath: string): string {
  const key = createHash('sha1').update(testPath).digest('hex').slice(0, 20);
  return path.join(runDir, key);
}

/** Spool files end with this suffix. */
export const SPOOL_SUFFIX = '.jsonl';
