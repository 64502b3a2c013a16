/**
 * `rampart/env`: jest-environment-node plus RAMPART collection. A thin
 * reducer over circus events; the logic lives in FileRun.
 */
import { TestEnvironment as NodeEnvironment } from 'jest-environment-node';
import { COLLECTOR_HOST_KEY } from '../core/collector';
import type { CircusEvent, CircusState, ExpectLike } from './circus-types';
import { FileRun } from './file-run';
import { rampartMatchers } from './matchers';
import { projectOf } from './project-identity';
import { SCOPE_BRIDGE_KEY } from './scope-bridge';
import { RUN_ENV_VAR, decodeChannel, ownsChannel } from './transport/channel';
import { claimMissingReporterNotice } from './missing-reporter-notice';

function warn(message: string): void {
  process.stderr.write(`\n${message}\n`);
}

/** Tells the user, once per run, that Results are not aggregated. */
function noticeMissingReporter(): void {
  if (!claimMissingReporterNotice()) return;
  warn(
    "RAMPART: the rampart/reporter is not configured for this run (IDE runs replace reporters); tests run normally, but no safety summary or report is produced. Add ['rampart/reporter', {}] to reporters to aggregate Results.",
  );
}

/** The RAMPART test environment (Node). */
export class RampartEnvironment extends NodeEnvironment {
  private readonly rampart: FileRun;
  private readonly onExit = (): void => this.rampart.interrupt();

  constructor(...args: ConstructorParameters<typeof NodeEnvironment>) {
    super(...args);
    const [config, context] = args;
    const channel = decodeChannel(process.env[RUN_ENV_VAR]);
    const ours = channel && ownsChannel(channel) ? channel : undefined;
    const collecting = (config.globalConfig as { collectTests?: boolean }).collectTests === true;
    if (!ours && !collecting) noticeMissingReporter();
    this.rampart = new FileRun({
      testPath: context.testPath,
      project: projectOf(config.projectConfig),
      channel: collecting ? undefined : ours,
      warn,
    });
    // Before the reporter's own exit handler (in band), so it sees these records.
    process.prependListener('exit', this.onExit);
    // Non-enumerable: the bridges are not user-visible globals.
    Object.defineProperty(this.global, SCOPE_BRIDGE_KEY, {
      value: this.rampart.scopeBridge,
      configurable: true,
    });
    Object.defineProperty(this.global, COLLECTOR_HOST_KEY, {
      value: this.rampart.collectorHost,
      configurable: true,
    });
  }

  override async teardown(): Promise<void> {
    process.removeListener('exit', this.onExit);
    this.rampart.finish();
    await super.teardown();
  }

  /** Receives jest-circus events; `add_test` is dispatched synchronously and handled so. */
  handleTestEvent(event: CircusEvent, state: CircusState): void {
    if (event.name === 'setup') {
      const expect =
        event.runtimeGlobals?.expect ?? (this.global as { expect?: ExpectLike }).expect;
      expect?.extend?.(rampartMatchers);
    }
    this.rampart.handle(event, state);
  }
}
