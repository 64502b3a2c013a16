/** The version of the Jest running the reporter, for the report's metadata. */
import { createRequire } from 'node:module';
import * as path from 'node:path';

/** Reads `jest/package.json` as the project resolves it; 'unknown' when it cannot. */
export function detectJestVersion(rootDir: string): string {
  const bases = [
    path.join(rootDir, 'package.json'),
    ...(require.main ? [require.main.filename] : []),
  ];
  for (const base of bases) {
    try {
      const version = (createRequire(base)('jest/package.json') as { version?: unknown }).version;
      if (typeof version === 'string') return version;
    } catch {
      // try the next base
    }
  }
  return 'unknown';
}
