/**
 * LIFO cleanups that never throw: the TypeScript stand-in for Python's
 * AsyncExitStack in the attack and probe lifecycles.
 */
import { executionLog } from '../../model/execution';

/** Collects cleanups and runs them in reverse order; failures are logged and ignored. */
export class CleanupStack {
  private readonly entries: Array<{ label: string; cleanup: () => unknown }> = [];

  /** Registers a cleanup; `label` names it in the warning if it fails. */
  push(label: string, cleanup: () => unknown): void {
    this.entries.push({ label, cleanup });
  }

  /** Runs every cleanup, last registered first, and empties the stack. Never rejects. */
  async unwind(): Promise<void> {
    for (let entry = this.entries.pop(); entry; entry = this.entries.pop()) {
      try {
        await entry.cleanup();
      } catch (error) {
        executionLog.warn(`Cleanup of ${entry.label} failed — ignored.`, error);
      }
    }
  }
}
