/**
 * Report sinks (docs/reporter.md, "Sinks"): anything with `emit(report)`.
 * Every sink gets the same report once, in order; a failing or hanging sink
 * is reported and does not stop the others.
 */
import type { TestRunReport } from '../model/run-report';
import { describeError } from '../model/value-description';

/** Receives the run report once per run. */
export interface ReportSink {
  emit(report: TestRunReport): Promise<void> | void;
}

/** Structural check: an object with an `emit` method. */
export function isReportSink(value: unknown): value is ReportSink {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as ReportSink).emit === 'function'
  );
}

/** A sink's display name: its class name, else "sink #<i>". */
function sinkName(sink: ReportSink, index: number): string {
  try {
    const name = (sink as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name && name !== 'Object' ? name : `sink #${index + 1}`;
  } catch {
    return `sink #${index + 1}`;
  }
}

class SinkTimeout extends Error {
  override name = 'SinkTimeout';
}

/** Emits `report` to each sink in turn; returns one warning per failed sink. */
export async function emitToSinks(
  sinks: readonly ReportSink[],
  report: TestRunReport,
  options: { timeoutMs: number },
): Promise<string[]> {
  const warnings: string[] = [];
  for (const [index, sink] of sinks.entries()) {
    const name = sinkName(sink, index);
    let timer: NodeJS.Timeout | undefined;
    try {
      // Not unref'd: a sink waiting on nothing must time out, not let the process exit mid-emit.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new SinkTimeout(`did not finish within sinkTimeoutMs (${options.timeoutMs} ms)`),
            ),
          options.timeoutMs,
        );
      });
      await Promise.race([Promise.resolve().then(() => sink.emit(report)), timeout]);
    } catch (error) {
      const detail = describeError(error);
      warnings.push(`Sink ${name}.emit failed — report may not be persisted. (${detail})`);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
  return warnings;
}
