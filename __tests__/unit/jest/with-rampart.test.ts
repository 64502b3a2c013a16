import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ObservabilityLevel, Result } from '../../../src/index';
import { COLLECTOR_HOST_KEY, type CollectorHost } from '../../../src/model/collector';
import type { CircusDescribeBlock, CircusTestEntry } from '../../../src/jest/circus-types';
import { RampartEnvironment } from '../../../src/jest/environment';
import { SCOPE_BRIDGE_KEY, type ScopeBridge } from '../../../src/jest/scope-bridge';
import { RUN_ENV_VAR, encodeChannel } from '../../../src/jest/transport/channel';
import { spoolDirFor } from '../../../src/jest/transport/spool-files';
import { readSpoolDir } from '../../../src/jest/transport/spool-reader';
import { collectsResults, withRampart } from '../../../src/jest/with-rampart';

let runDir: string;
let rootDir: string;
beforeEach(() => {
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-with-run-'));
  rootDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-with-root-'));
  process.env[RUN_ENV_VAR] = encodeChannel({
    v: 1,
    dir: runDir,
    ownerPid: process.pid,
    maxResultBytes: 1 << 20,
  });
});
afterEach(() => {
  delete process.env[RUN_ENV_VAR];
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.rmSync(rootDir, { recursive: true, force: true });
});

type Handler = (event: { name: string }, state: unknown) => unknown;
interface Env {
  global: Record<PropertyKey, unknown>;
  handleTestEvent(event: { name: string }, state: unknown): unknown;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  getVmContext(): unknown;
}

const config = (testEnvironmentOptions: Record<string, unknown> = {}) => ({
  projectConfig: { rootDir, testEnvironmentOptions },
  globalConfig: {},
});
const context = () => ({ testPath: path.join(rootDir, 'a.test.js') });

/** A base environment that logs what reaches it; `seen` is the test name at each add_test. */
class LoggingBase {
  global: Record<PropertyKey, unknown> = { fromBase: true };
  log: string[] = [];
  options: Record<string, unknown>;
  constructor(cfg: ReturnType<typeof config>) {
    this.options = cfg.projectConfig.testEnvironmentOptions;
  }
  async setup(): Promise<void> {
    this.log.push('setup');
  }
  async teardown(): Promise<void> {
    this.log.push('teardown');
  }
  getVmContext(): unknown {
    return 'base context';
  }
  exportConditions(): string[] {
    return ['base-condition'];
  }
}

class PrototypeHandlerBase extends LoggingBase {
  handleTestEvent(event: { name: string }, state: { currentDescribeBlock: CircusDescribeBlock }) {
    const last = state.currentDescribeBlock.children.at(-1);
    this.log.push(`${event.name}${event.name === 'add_test' ? `:${last?.name}` : ''}`);
  }
}

/** A small circus driver: defines tests and runs them through the environment's handler. */
function circus(env: Env) {
  const root: CircusDescribeBlock = { type: 'describeBlock', name: 'ROOT', children: [] };
  const state = { currentDescribeBlock: root };
  const dispatch = (event: Record<string, unknown> & { name: string }) =>
    env.handleTestEvent(event, state);
  return {
    define(name: string, fn: () => void = () => {}): CircusTestEntry {
      const entry: CircusTestEntry = {
        type: 'test',
        name,
        parent: root,
        fn,
        invocations: 0,
        errors: [],
      };
      root.children.push(entry);
      dispatch({ name: 'add_test', testName: name });
      return entry;
    },
    async run(entry: CircusTestEntry): Promise<void> {
      entry.invocations += 1;
      await dispatch({ name: 'test_start', test: entry });
      await entry.fn?.();
      await dispatch({ name: 'test_done', test: entry });
    },
    dispatch,
  };
}

function recordIn(env: Env, summary: string): void {
  const host = env.global[COLLECTOR_HOST_KEY] as CollectorHost;
  host.deliver(
    new Result({ status: 'unsafe', summary, observabilityLevel: ObservabilityLevel.TOOL_ONLY }),
  );
}

function spooled(): Array<{ id: string; summaries: string[] }> {
  // Without a Jest project id, the project is identified by its rootDir.
  const instances = readSpoolDir(spoolDirFor(runDir, rootDir, context().testPath));
  return instances.flatMap((instance) => {
    expect(instance.problems).toEqual([]);
    expect(instance.close).not.toBeNull();
    return instance.tests.map((t) => ({
      id: t.id,
      summaries: t.results.map((r) => (r as { summary: string }).summary),
    }));
  });
}

describe('withRampart', () => {
  test('keeps the base: constructor, globals, setup, teardown, getVmContext, exportConditions', async () => {
    const Env = withRampart(LoggingBase as never) as unknown as new (
      ...args: unknown[]
    ) => Env & LoggingBase;
    const env = new Env(config({ resultsDir: 'kept' }), context());
    expect(env).toBeInstanceOf(LoggingBase);
    expect(env.global.fromBase).toBe(true);
    expect(env.options).toEqual({ resultsDir: 'kept' });
    expect(env.getVmContext()).toBe('base context');
    expect(env.exportConditions()).toEqual(['base-condition']);
    // The bridges are installed on the base's global, not enumerable.
    expect(env.global[SCOPE_BRIDGE_KEY]).toBeDefined();
    expect(env.global[COLLECTOR_HOST_KEY]).toBeDefined();
    expect(Object.keys(env.global)).toEqual(['fromBase']);
    await env.setup();
    await env.teardown();
    expect(env.log).toEqual(['setup', 'teardown']);
  });

  test("RAMPART handles each event before the base's prototype handler; Results reach the spool", async () => {
    const Env = withRampart(PrototypeHandlerBase as never) as unknown as new (
      ...args: unknown[]
    ) => Env & LoggingBase;
    const env = new Env(config(), context());
    const run = circus(env);
    const bridge = env.global[SCOPE_BRIDGE_KEY] as ScopeBridge;
    bridge.pushScope({ trial: { n: 2, threshold: 1, index: 0 } });
    const clone = run.define('attack', () => recordIn(env, 'leaked'));
    bridge.popScope();
    await run.run(clone);
    await env.teardown();
    // The base saw the clone under the title Jest reports.
    expect(env.log).toEqual(['add_test:attack [trial-0]', 'test_start', 'test_done', 'teardown']);
    expect(spooled()).toEqual([{ id: 'a.test.js::attack [trial-0]', summaries: ['leaked'] }]);
  });

  test("an async base handler's promise is returned and awaited", async () => {
    let finished = false;
    class AsyncBase extends LoggingBase {
      async handleTestEvent(event: { name: string }) {
        await new Promise((resolve) => setImmediate(resolve));
        finished = event.name === 'test_done';
      }
    }
    const Env = withRampart(AsyncBase as never) as unknown as new (...args: unknown[]) => Env;
    const env = new Env(config(), context());
    const run = circus(env);
    const entry = run.define('t');
    await run.dispatch({ name: 'test_start', test: entry });
    const returned = run.dispatch({ name: 'test_done', test: entry });
    expect(returned).toBeInstanceOf(Promise);
    expect(finished).toBe(false);
    await returned;
    expect(finished).toBe(true);
    await env.teardown();
    expect(spooled()).toEqual([{ id: 'a.test.js::t', summaries: [] }]);
  });

  test('a handler the base sets on the instance (class field) still runs, and so does RAMPART', async () => {
    class FieldBase extends LoggingBase {
      count = 0;
      handleTestEvent = (event: { name: string }) => {
        this.count += 1;
        this.log.push(event.name);
      };
    }
    const Env = withRampart(FieldBase as never) as unknown as new (
      ...args: unknown[]
    ) => Env & FieldBase;
    const env = new Env(config(), context());
    const run = circus(env);
    const entry = run.define('t', () => recordIn(env, 'from field base'));
    await run.run(entry);
    await env.teardown();
    expect(env.count).toBe(3);
    expect(env.log).toEqual(['add_test', 'test_start', 'test_done', 'teardown']);
    expect(spooled()).toEqual([{ id: 'a.test.js::t', summaries: ['from field base'] }]);
  });

  test('a base wrapper that calls the class handler itself (as allure-jest does) runs each handler once', async () => {
    class WrappingBase extends LoggingBase {
      constructor(cfg: ReturnType<typeof config>) {
        super(cfg);
        const inner = (this as unknown as { handleTestEvent?: Handler }).handleTestEvent?.bind(
          this,
        );
        (this as unknown as { handleTestEvent: Handler }).handleTestEvent = (event, state) => {
          const result = inner?.(event, state);
          this.log.push(`wrapper:${event.name}`);
          return result;
        };
      }
    }
    // A prototype override in a user subclass (the usual way to extend an environment).
    class UserEnv extends (withRampart(WrappingBase as never) as unknown as new (
      ...args: unknown[]
    ) => Env & LoggingBase) {
      override handleTestEvent(event: { name: string }, state: unknown) {
        this.log.push(`user:${event.name}`);
        return super.handleTestEvent(event, state);
      }
    }
    const env = new UserEnv(config(), context());
    const run = circus(env);
    const entry = run.define('t', () => recordIn(env, 'through the wrapper'));
    await run.run(entry);
    await env.teardown();
    expect(env.log).toEqual([
      'user:add_test',
      'wrapper:add_test',
      'user:test_start',
      'wrapper:test_start',
      'user:test_done',
      'wrapper:test_done',
      'teardown',
    ]);
    expect(spooled()).toEqual([{ id: 'a.test.js::t', summaries: ['through the wrapper'] }]);
  });

  test("a base handler that throws: RAMPART has handled the event, the base's error propagates", async () => {
    class ThrowingBase extends LoggingBase {
      handleTestEvent(event: { name: string }) {
        if (event.name === 'test_done') throw new Error('base failed');
      }
    }
    const Env = withRampart(ThrowingBase as never) as unknown as new (...args: unknown[]) => Env;
    const env = new Env(config(), context());
    const run = circus(env);
    const entry = run.define('t', () => recordIn(env, 'kept'));
    await expect(run.run(entry)).rejects.toThrow('base failed');
    await env.teardown();
    expect(spooled()).toEqual([{ id: 'a.test.js::t', summaries: ['kept'] }]);
  });

  test('testEnvironmentOptions.rampart is taken out before the base sees the options', () => {
    const Env = withRampart(LoggingBase as never) as unknown as new (
      ...args: unknown[]
    ) => LoggingBase;
    expect(new Env(config({ rampart: {}, resultsDir: 'r' }), context()).options).toEqual({
      resultsDir: 'r',
    });
    expect(() => new Env(config({ rampart: { base: 'jsdom' } }), context())).toThrow(
      `testEnvironmentOptions.rampart.base must be unset when the test environment is a class of your own (LoggingBase has its base already; the option is read only by testEnvironment 'rampart/env'), got "jsdom"`,
    );
    expect(() => new Env(config({ rampart: 'jsdom' }), context())).toThrow(
      `testEnvironmentOptions.rampart must be an object such as { base: 'jsdom' }, got "jsdom"`,
    );
  });

  test('one class per base; a class that collects already is returned unchanged', () => {
    const once = withRampart(LoggingBase as never);
    expect(withRampart(LoggingBase as never)).toBe(once);
    expect(withRampart(once as never)).toBe(once);
    expect(withRampart(RampartEnvironment)).toBe(RampartEnvironment);
    expect(collectsResults(once)).toBe(true);
    expect(collectsResults(RampartEnvironment)).toBe(true);
    expect(collectsResults(LoggingBase)).toBe(false);
    expect((once as { name: string }).name).toBe('LoggingBaseWithRampart');
  });

  test.each([
    [undefined, 'undefined'],
    [{}, '{}'],
    [class NoVm {}, 'function NoVm'],
  ])('withRampart(%p) is refused with a message naming the value', (value, shown) => {
    expect(() => withRampart(value as never)).toThrow(
      `withRampart(Base) Base must be a test environment class (with a getVmContext method), got ${shown}`,
    );
  });
});

describe("rampart/env's by-name base (testEnvironmentOptions.rampart.base)", () => {
  const writeBase = (file: string, source: string) => {
    fs.mkdirSync(path.dirname(path.join(rootDir, file)), { recursive: true });
    fs.writeFileSync(path.join(rootDir, file), source);
  };
  const BASE_SOURCE = `
class CustomBase {
  constructor(config) { this.global = { custom: true }; this.options = config.projectConfig.testEnvironmentOptions; }
  async setup() {}
  async teardown() {}
  getVmContext() { return null; }
  handleTestEvent(event) { (this.seen ??= []).push(event.name); }
}
module.exports = CustomBase;
`;
  const newRampartEnv = (options: Record<string, unknown>) =>
    new RampartEnvironment(config(options) as never, context() as never) as unknown as Env & {
      options: unknown;
      seen?: string[];
      constructor: { name: string };
    };

  test('a path from rootDir: Jest gets an instance of the named base, with collection', async () => {
    writeBase('envs/custom.js', BASE_SOURCE);
    const env = newRampartEnv({ rampart: { base: './envs/custom.js' }, other: 1 });
    expect(env.constructor.name).toBe('CustomBaseWithRampart');
    expect(env.global.custom).toBe(true);
    expect(env.options).toEqual({ other: 1 });
    const run = circus(env);
    await run.run(run.define('t', () => recordIn(env, 'named base')));
    await env.teardown();
    expect(env.seen).toEqual(['add_test', 'test_start', 'test_done']);
    expect(spooled()).toEqual([{ id: 'a.test.js::t', summaries: ['named base'] }]);
  });

  test('a package name is tried with the jest-environment- prefix first, as Jest does', () => {
    writeBase('node_modules/jest-environment-custom/index.js', BASE_SOURCE);
    writeBase('node_modules/custom/index.js', 'module.exports = 42;');
    expect(newRampartEnv({ rampart: { base: 'custom' } }).global.custom).toBe(true);
    writeBase(
      'node_modules/@acme/env/index.js',
      `${BASE_SOURCE}\nmodule.exports = { default: CustomBase };`,
    );
    expect(newRampartEnv({ rampart: { base: '@acme/env' } }).global.custom).toBe(true);
    writeBase('<root>/e.js', BASE_SOURCE);
    expect(newRampartEnv({ rampart: { base: '<rootDir>/<root>/e.js' } }).global.custom).toBe(true);
  });

  test('a missing module, one that throws and one without an environment are clear errors', () => {
    expect(() => newRampartEnv({ rampart: { base: 'allure-jest/nod' } })).toThrow(
      `testEnvironmentOptions.rampart.base must name a test environment module that resolves from rootDir ${rootDir}, got "allure-jest/nod" (tried "jest-environment-allure-jest/nod" and "allure-jest/nod"); is the package installed?`,
    );
    writeBase('throws.js', "throw new Error('broken env');");
    expect(() => newRampartEnv({ rampart: { base: './throws.js' } })).toThrow(
      `testEnvironmentOptions.rampart.base must name a module that loads with require(), got "./throws.js" (${path.join(rootDir, 'throws.js')}), which failed: Error: broken env`,
    );
    writeBase('plain.js', 'module.exports = { notAnEnvironment: true };');
    expect(() => newRampartEnv({ rampart: { base: './plain.js' } })).toThrow(
      `testEnvironmentOptions.rampart.base must name a module that exports a test environment class (with getVmContext), got "./plain.js" (${path.join(rootDir, 'plain.js')}), which exports { notAnEnvironment: true }`,
    );
  });

  test.each([
    [
      { rampart: null },
      "testEnvironmentOptions.rampart must be an object such as { base: 'jsdom' }, got null",
    ],
    [
      { rampart: { bsae: 'jsdom' } },
      'testEnvironmentOptions.rampart has no option "bsae" (did you mean "base"?); known options: base',
    ],
    [
      { rampart: { base: '' } },
      'testEnvironmentOptions.rampart.base must be a non-empty string naming a test environment module, got ""',
    ],
    [
      { rampart: { base: 7 } },
      'testEnvironmentOptions.rampart.base must be a non-empty string naming a test environment module, got 7',
    ],
  ])('%p is refused with a message naming the option', (options, message) => {
    expect(() => newRampartEnv(options)).toThrow(message);
  });

  test('without the option: jest-environment-node, and `rampart` is no sandbox global', async () => {
    const env = newRampartEnv({ rampart: {}, visible: 'yes' });
    expect(env).toBeInstanceOf(RampartEnvironment);
    expect(env.global.visible).toBe('yes');
    expect(env.global.rampart).toBeUndefined();
    await env.teardown();
  });
});
