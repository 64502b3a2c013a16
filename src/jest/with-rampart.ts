/**
 * `withRampart(Base)`: RAMPART collection added to any jest-circus test
 * environment class, keeping what the base does (constructor, setup,
 * teardown, getVmContext, exportConditions, globals, its own
 * handleTestEvent). `rampart/env` is withRampart(jest-environment-node).
 * A thin reducer over circus events; the logic lives in FileRun. Handler
 * order: docs/architecture.md, "Composing with another environment".
 */
import { COLLECTOR_HOST_KEY } from '../model/collector';
import { describeValue } from '../model/value-description';
import type { CircusEvent, CircusState, ExpectLike } from './circus-types';
import { ENVIRONMENT_OPTIONS_KEY, splitEnvironmentConfig } from './environment-options';
import type {
  EnvironmentConfig,
  EnvironmentContext,
  RampartEnvironmentClass,
  TestEnvironmentClass,
  TestEnvironmentInstance,
} from './environment-types';
import { FileRun } from './file-run';
import { rampartMatchers } from './matchers';
import { projectOf } from './project-identity';
import { SCOPE_BRIDGE_KEY } from './scope-bridge';
import { RUN_ENV_VAR, decodeChannel, ownsChannel } from './transport/channel';

function warn(message: string): void {
  process.stderr.write(`\n${message}\n`);
}

/**
 * Tells the user, once per run, that Results are not aggregated. Its module
 * (a marker file in the temporary directory) loads only in such a run, not
 * with every worker's rampart/env.
 */
function noticeMissingReporter(): void {
  type Notice = typeof import('./missing-reporter-notice');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { claimMissingReporterNotice } = require('./missing-reporter-notice') as Notice;
  if (!claimMissingReporterNotice()) return;
  warn(
    "RAMPART: the rampart/reporter is not configured for this run (IDE runs replace reporters); tests run normally, but no safety summary or report is produced. Add ['rampart/reporter', {}] to reporters to aggregate Results.",
  );
}

type EventHandler = (event: CircusEvent, state: CircusState) => unknown;

/** A base environment instance as the mixin uses it. */
interface BaseInstance extends TestEnvironmentInstance {
  handleTestEvent?(event: CircusEvent, state: CircusState): unknown;
}

type BaseConstructor = new (config: EnvironmentConfig, context: EnvironmentContext) => BaseInstance;

/** Static marker of classes that already collect: withRampart() returns them unchanged. */
const COLLECTS = Symbol.for('rampart.jest.collecting-environment.v1');

/** One wrapped class per base, so that every file of a run shares it. */
const wrappedClasses = new WeakMap<TestEnvironmentClass, TestEnvironmentClass>();

function isEnvironmentClass(value: unknown): value is TestEnvironmentClass {
  return (
    typeof value === 'function' &&
    typeof (value as { prototype?: { getVmContext?: unknown } }).prototype?.getVmContext ===
      'function'
  );
}

/** True when `value` is an environment class that already collects Results (rampart/env, or made by withRampart). */
export function collectsResults(value: unknown): boolean {
  return typeof value === 'function' && (value as { [COLLECTS]?: unknown })[COLLECTS] === true;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** Both handlers' outcomes as one: a promise when either returned one, so circus awaits both. */
function settleBoth(first: unknown, second: unknown): void | Promise<void> {
  const pending = [first, second].filter(isThenable);
  if (pending.length === 0) return undefined;
  return Promise.all(pending).then(() => undefined);
}

/** The configuration for the base: RAMPART's options taken out (and `base` refused here). */
function baseConfigOf<C extends EnvironmentConfig>(config: C, base: TestEnvironmentClass): C {
  const { options, baseConfig } = splitEnvironmentConfig(config);
  if (options.base !== undefined) {
    throw new TypeError(
      `testEnvironmentOptions.${ENVIRONMENT_OPTIONS_KEY}.base must be unset when the test environment is a class of your own (${base.name || 'anonymous'} has its base already; the option is read only by testEnvironment 'rampart/env'), got ${describeValue(options.base)}`,
    );
  }
  return baseConfig;
}

/**
 * Adds RAMPART collection to a jest-circus test environment class:
 * `module.exports = withRampart(require('jest-environment-jsdom').TestEnvironment)`.
 * The returned class is constructed like `Base` and keeps all it does; its
 * `handleTestEvent` runs RAMPART's reducer and then the base's own handler
 * (a promise the base returns is returned, so circus awaits it). Passing a
 * class that already collects returns it unchanged.
 */
export function withRampart<Base extends TestEnvironmentClass>(
  base: Base,
): RampartEnvironmentClass<Base> {
  if (!isEnvironmentClass(base)) {
    throw new TypeError(
      `withRampart(Base) Base must be a test environment class (with a getVmContext method), got ${describeValue(base)}`,
    );
  }
  if (collectsResults(base)) return base as unknown as RampartEnvironmentClass<Base>;
  const known = wrappedClasses.get(base);
  if (known) return known as unknown as RampartEnvironmentClass<Base>;
  const Parent = base as unknown as BaseConstructor;

  class RampartCollectingEnvironment extends Parent {
    static readonly [COLLECTS] = true;
    readonly #run: FileRun;
    readonly #onExit = (): void => this.#run.interrupt();
    /**
     * Events RAMPART has handled: each exactly once, whichever way it arrives.
     * Only a wrapped instance handler (below) can bring an event twice; without
     * one, Jest calls the class's handler once per event and nothing is kept.
     */
    #handled: WeakSet<object> | null = null;
    /** Set while an instance-level base handler has run and the class handlers follow. */
    #baseHandlerDone = false;

    constructor(config: EnvironmentConfig, context: EnvironmentContext) {
      super(baseConfigOf(config, base), context);
      const channel = decodeChannel(process.env[RUN_ENV_VAR]);
      const ours = channel && ownsChannel(channel) ? channel : undefined;
      const collecting = (config.globalConfig as { collectTests?: boolean }).collectTests === true;
      if (!ours && !collecting) noticeMissingReporter();
      this.#run = new FileRun({
        testPath: context.testPath,
        project: projectOf(config.projectConfig),
        channel: collecting ? undefined : ours,
        warn,
      });
      // Before the reporter's own exit handler (in band), so it sees these lines.
      process.prependListener('exit', this.#onExit);
      const sandbox: unknown = this.global;
      if (sandbox === null || typeof sandbox !== 'object') {
        throw new TypeError(
          `withRampart(${base.name || 'Base'}) needs the environment's global to be an object once its constructor has run, got ${describeValue(sandbox)}`,
        );
      }
      // Non-enumerable: the bridges are not user-visible globals.
      Object.defineProperty(sandbox, SCOPE_BRIDGE_KEY, {
        value: this.#run.scopeBridge,
        configurable: true,
      });
      Object.defineProperty(sandbox, COLLECTOR_HOST_KEY, {
        value: this.#run.collectorHost,
        configurable: true,
      });
      this.#adoptInstanceHandler();
    }

    /**
     * A base may set handleTestEvent on the instance (a class field, or a
     * wrapper as allure-jest installs), which hides the class's handler from
     * Jest. Wrap it: the base's handler runs, then the class's handlers,
     * unless the base's handler already called them itself.
     */
    #adoptInstanceHandler(): void {
      const own = Object.getOwnPropertyDescriptor(this, 'handleTestEvent');
      if (!own || typeof own.value !== 'function') return;
      const baseHandler = own.value as EventHandler;
      const handled = new WeakSet<object>();
      this.#handled = handled;
      const classHandler = (Object.getPrototypeOf(this) as { handleTestEvent: EventHandler })
        .handleTestEvent;
      const handleTestEvent = (event: CircusEvent, state: CircusState): void | Promise<void> => {
        let first: unknown;
        let second: unknown;
        try {
          first = baseHandler.call(this, event, state);
        } finally {
          if (!handled.has(event)) {
            this.#baseHandlerDone = true;
            try {
              second = classHandler.call(this, event, state);
            } finally {
              this.#baseHandlerDone = false;
            }
          }
        }
        return settleBoth(first, second);
      };
      Object.defineProperty(this, 'handleTestEvent', { ...own, value: handleTestEvent });
    }

    override async teardown(): Promise<void> {
      process.removeListener('exit', this.#onExit);
      this.#run.finish();
      await super.teardown();
    }

    /** RAMPART's reducer (synchronous: `add_test` is dispatched synchronously), then the base's handler. */
    override handleTestEvent(event: CircusEvent, state: CircusState): void | Promise<void> {
      this.#collect(event, state);
      if (this.#baseHandlerDone) return undefined;
      return super.handleTestEvent?.(event, state) as void | Promise<void>;
    }

    #collect(event: CircusEvent, state: CircusState): void {
      const handled = this.#handled;
      if (handled) {
        if (handled.has(event)) return;
        handled.add(event);
      }
      if (event.name === 'setup') {
        const expect =
          event.runtimeGlobals?.expect ?? (this.global as { expect?: ExpectLike }).expect;
        expect?.extend?.(rampartMatchers);
      }
      this.#run.handle(event, state);
    }
  }

  Object.defineProperty(RampartCollectingEnvironment, 'name', {
    value: `${base.name || 'Environment'}WithRampart`,
  });
  wrappedClasses.set(base, RampartCollectingEnvironment as unknown as TestEnvironmentClass);
  return RampartCollectingEnvironment as unknown as RampartEnvironmentClass<Base>;
}
