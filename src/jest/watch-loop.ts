/**
 * In watch mode Jest re-runs on any change to a file it tracks, `.json`
 * included: a report written inside a watched root would start the next run,
 * forever. Writing is safe only where the watcher does not look.
 */
import * as path from 'node:path';

/** The part of a Jest test context (project config) the check reads. */
export interface WatchedProject {
  config: {
    rootDir?: string;
    roots?: readonly string[];
    watchPathIgnorePatterns?: readonly string[];
  };
}

function inside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** True when a file written in `outputDir` would trigger another watch run. */
export function reportWouldRetrigger(
  outputDir: string,
  projects: Iterable<WatchedProject>,
): boolean {
  const sample = path.join(outputDir, 'run_report.json');
  for (const { config } of projects) {
    const roots = config.roots?.length ? config.roots : config.rootDir ? [config.rootDir] : [];
    if (!roots.some((root) => inside(root, outputDir))) continue;
    const ignored = (config.watchPathIgnorePatterns ?? []).some((pattern) => {
      try {
        return new RegExp(pattern).test(sample);
      } catch {
        return false;
      }
    });
    if (!ignored) return true;
  }
  return false;
}
