/**
 * RAMPART's default output folder keeps out of version control by itself:
 * when RAMPART creates it, it writes a `.gitignore` holding `*` into it (as
 * pytest does for its cache folder), so report files never show up as
 * untracked. A folder the user made or named is left as it is
 * (docs/reporter.md, "Where reports go").
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasErrorCode, writeNewFileSync } from '../model/exclusive-file';

/** What RAMPART writes into the default output folder it creates. */
export const OUTPUT_FOLDER_GITIGNORE = '# Created by RAMPART: its reports are not committed.\n*\n';

/** Creates `dir` (and its parents) with a `.gitignore` holding `*`; never replaces an existing `.gitignore`. */
export function createIgnoredOutputFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  try {
    writeNewFileSync(path.join(dir, '.gitignore'), OUTPUT_FOLDER_GITIGNORE);
  } catch (error) {
    if (!hasErrorCode(error, 'EEXIST')) throw error;
  }
}
