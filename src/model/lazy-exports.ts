/**
 * Names of a module whose layer is loaded on first use: the root entry
 * point `rampart` gives the attack, probe, evaluator, model and suite
 * layers' names this way, so that a test file that only records Results
 * does not evaluate them (Jest evaluates a test file's modules again for
 * every test file). docs/architecture.md, "Layers loaded on first use".
 */

/**
 * Turns each of `names`, already declared on `target` (the module's
 * `exports`), into an enumerable getter that loads the layer with `load`
 * the first time one of its names is read, and reads the name from it.
 * A name not declared first is a mistake in the entry point, and throws:
 * the declaration is what Node's ESM loader reads the module's names from.
 */
export function lazyExports<Layer extends object>(
  target: object,
  load: () => Layer,
  names: readonly (keyof Layer & string)[],
): void {
  let layer: Layer | undefined;
  for (const name of names) {
    if (!Object.prototype.hasOwnProperty.call(target, name))
      throw new Error(`lazy export ${name} must be declared by the module first (export let)`);
    Object.defineProperty(target, name, {
      enumerable: true,
      get: () => (layer ??= load())[name],
    });
  }
}
