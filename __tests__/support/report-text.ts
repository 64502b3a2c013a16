/**
 * A report's JSON text in one string, built from the projection the writer
 * uses (src/report/json-report.ts): the oracle the streamed pieces must add
 * up to, and what the reader's round trips are compared with.
 */
import type { TestRunReport } from '../../src/report';
import { projectReport } from '../../src/report/json-report';

/** `JSON.stringify` of the whole projection: 2-space indent, trailing newline. */
export function reportText(report: TestRunReport): string {
  return `${JSON.stringify(projectReport(report), null, 2)}\n`;
}
