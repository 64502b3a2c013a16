/**
 * Names of a module whose layer is loaded on first use: the root entry
 * point `rampart` gives the attack, probe, evaluator, model and suite
 * layers' names this way, so that a test file that only records Results
 * does not evaluate them (Jest evaluates a test file's modules again for
 * every test file). docs/architecture.md, "Layers loaded on first use".
 *
 * A module declares each such name once, by destructuring a stand-in of
 * the layer (`export const { A, B } = onFirstUse(() => require(...))`), and
 * calls `lazyExports(exports)` last.
 */

/** What reading a name of a stand-in gives: where the name's value will come from. */
class Deferred {
  constructor(
    readonly layer: () => object,
    readonly name: string,
  ) {}

  read(): unknown {
    return (this.layer() as Record<string, unknown>)[this.name];
  }
}

/**
 * A stand-in of the layer `load` returns, typed as the layer: reading one of
 * its names loads nothing and gives a placeholder, which `lazyExports`
 * turns into a getter of the name. The layer is loaded once, on the first
 * read of any of those getters.
 */
export function onFirstUse<Layer extends object>(load: () => Layer): Layer {
  let layer: Layer | undefined;
  const loadOnce = (): Layer => (layer ??= load());
  return new Proxy({} as Layer, {
    get: (_target, name) => {
      if (typeof name !== 'string') throw new TypeError('a layer is read by name only');
      return new Deferred(loadOnce, name);
    },
  });
}

/**
 * Turns each name of `target` (the module's `exports`) that holds a
 * placeholder of {@link onFirstUse} into an enumerable getter that loads
 * its layer and reads the name from it. The module's own assignment
 * `exports.A = ...` stays in its compiled code, which is where Node's and
 * Jest's ES module loaders find the names of a CommonJS module.
 */
export function lazyExports(target: object): void {
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(target))) {
    const deferred: unknown = descriptor.value;
    if (!(deferred instanceof Deferred)) continue;
    Object.defineProperty(target, name, { enumerable: true, get: () => deferred.read() });
  }
}
