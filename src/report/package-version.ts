/**
 * The version of this rampart package, from its own package.json (shipped
 * in the package): `rampart --version` prints it and the report's metadata
 * records it (docs/diff-and-gates.md, "Run facts").
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The `version` of rampart's package.json; `unknown` when it cannot be read. */
export function rampartVersion(): string {
  try {
    // dist/<layer>/ -> the package root.
    const manifest = path.join(__dirname, '..', '..', 'package.json');
    const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}
