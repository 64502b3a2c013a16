/**
 * Sink modules (docs/reporter.md, "Sinks"; the equivalent of upstream's
 * `pytest_rampart_sinks` hook): the reporter's `sinks` option names modules
 * whose default export is `(context) => ReportSink[]`. Resolution errors are
 * configuration errors and throw; what a module returns is validated with
 * warnings.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeError, describeValue } from '../model/value-description';
import { type ReportSink, isReportSink } from './sink';

/** What a sink factory receives. */
export interface SinkFactoryContext {
  /** Jest's rootDir. */
  rootDir: string;
  /** The reporter's resolved output directory. */
  outputDir: string;
  /** The options given in the `[specifier, options]` form ({} otherwise). */
  options: Record<string, unknown>;
}

/** A sink factory: the default export of a sink module. */
export type SinkFactory = (context: SinkFactoryContext) => ReportSink[] | Promise<ReportSink[]>;

/** A resolved `sinks` entry. */
export interface ResolvedSinkModule {
  specifier: string;
  file: string;
  options: Record<string, unknown>;
}

/** Validates and resolves the `sinks` option from rootDir; throws naming the bad entry. */
export function resolveSinkModules(value: unknown, rootDir: string): ResolvedSinkModule[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new TypeError(
      `rampart/reporter option "sinks" must be an array of module specifiers, got ${describeValue(value)}`,
    );
  }
  const requireFromRoot = createRequire(path.join(rootDir, 'package.json'));
  return value.map((entry: unknown, index) => {
    const [specifier, options] = Array.isArray(entry) ? entry : [entry, {}];
    if (typeof specifier !== 'string' || specifier.length === 0) {
      throw new TypeError(
        `rampart/reporter option "sinks[${index}]" must be a module specifier string or [specifier, options], got ${describeValue(entry)}`,
      );
    }
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new TypeError(
        `rampart/reporter option "sinks[${index}]" options must be an object, got ${describeValue(options)}`,
      );
    }
    let file: string;
    try {
      file = requireFromRoot.resolve(specifier);
    } catch {
      throw new Error(
        `rampart/reporter cannot find sink module ${describeValue(specifier)} (resolved from ${rootDir})`,
      );
    }
    return { specifier, file, options: options as Record<string, unknown> };
  });
}

async function loadModule(file: string): Promise<unknown> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw error;
    return (await import(pathToFileURL(file).href)) as unknown;
  }
}

function factoryOf(loaded: unknown): SinkFactory | undefined {
  if (typeof loaded === 'function') return loaded as SinkFactory;
  const fallback = (loaded as { default?: unknown } | null)?.default;
  if (typeof fallback === 'function') return fallback as SinkFactory;
  const nested = (fallback as { default?: unknown } | null)?.default;
  return typeof nested === 'function' ? (nested as SinkFactory) : undefined;
}

/** Loads each module and calls its factory; problems become warnings. */
export async function loadSinkModules(
  modules: readonly ResolvedSinkModule[],
  context: Omit<SinkFactoryContext, 'options'>,
): Promise<{ sinks: ReportSink[]; warnings: string[] }> {
  const sinks: ReportSink[] = [];
  const warnings: string[] = [];
  for (const module of modules) {
    const name = `Sink module ${JSON.stringify(module.specifier)}`;
    let returned: unknown;
    try {
      const factory = factoryOf(await loadModule(module.file));
      if (!factory) {
        warnings.push(
          `${name} exports no sink factory (expected a default-exported function (context) => ReportSink[]); ignoring it.`,
        );
        continue;
      }
      returned = await factory({ ...context, options: module.options });
    } catch (error) {
      warnings.push(`${name} failed to load: ${describeError(error)}; ignoring it.`);
      continue;
    }
    if (!Array.isArray(returned)) {
      warnings.push(
        `${name} returned ${describeValue(returned)}, expected ReportSink[]; ignoring it.`,
      );
      continue;
    }
    for (const item of returned) {
      if (isReportSink(item)) sinks.push(item);
      else
        warnings.push(
          `${name} returned a non-sink item ${describeValue(item)} (a sink needs an emit(report) method); ignoring it.`,
        );
    }
  }
  return { sinks, warnings };
}
