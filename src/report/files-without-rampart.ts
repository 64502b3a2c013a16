/**
 * Test files that ran without RAMPART collection (a project or file on
 * another testEnvironment): where the report keeps them and how the summary
 * lists them. Information, not a failure: a project of plain unit tests
 * beside a safety project is normal (docs/reporter.md, "Files without
 * rampart/env").
 */
import type { TestRunReport } from '../model/run-report';
import { sanitizeLine } from './terminal-text';

/** Report metadata key: `{ count, files }` (files sorted, at most {@link MAX_LISTED_FILES}). */
export const FILES_WITHOUT_RAMPART_KEY = 'files_without_rampart_env';
/** Most file names kept in the report metadata. */
export const MAX_LISTED_FILES = 100;
/** Most file names printed in the summary. */
const MAX_PRINTED_FILES = 10;

/** What the report metadata holds under {@link FILES_WITHOUT_RAMPART_KEY}. */
export interface FilesWithoutRampart {
  count: number;
  files: string[];
}

/** The metadata entry for `files` (all of them; the entry lists the first ones). */
export function filesWithoutRampartEntry(files: readonly string[]): FilesWithoutRampart {
  return { count: files.length, files: files.slice(0, MAX_LISTED_FILES) };
}

/** The entry of a report, or null when there is none (or it is malformed). */
export function filesWithoutRampart(report: TestRunReport): FilesWithoutRampart | null {
  const entry = report.metadata[FILES_WITHOUT_RAMPART_KEY] as Partial<FilesWithoutRampart> | null;
  if (entry === null || typeof entry !== 'object') return null;
  const { count, files } = entry;
  if (typeof count !== 'number' || count <= 0 || !Array.isArray(files)) return null;
  return { count, files: files.map(String) };
}

/** Summary lines naming the files that ran without RAMPART collection ([] when none). */
export function filesWithoutRampartLines(report: TestRunReport): string[] {
  const entry = filesWithoutRampart(report);
  if (!entry) return [];
  const { count, files } = entry;
  const shown = files.slice(0, MAX_PRINTED_FILES);
  const lines = [
    `RAMPART: ${count} test file(s) ran without rampart/env; tests there cannot record Results:`,
    ...shown.map((file) => `  - ${sanitizeLine(file)}`),
  ];
  if (count > shown.length)
    lines.push(`  ... and ${count - shown.length} more (metadata.${FILES_WITHOUT_RAMPART_KEY})`);
  return lines;
}
