/**
 * `payloadMatrix`: one Jest test per combination of payload × converter ×
 * surface, with stable, readable titles (`<template>/<converter>/<surface>`)
 * and the combination's tags written into the metadata of every Result the
 * test records. Composes with `harm()` and `trial()` like any `describe`.
 * See docs/converters-and-payloads.md.
 */
import { withResultMetadata } from '../model/collector';
import { newPayloadId, validatePayloadId } from '../agent/protocol/payload';
import type { Payload } from '../model/trace-types';
import { describeValue } from '../model/value-description';
import { type PayloadConverter, converterName } from '../agent/converters/converter';
import { PayloadTemplate, type PayloadValues } from '../agent/payloads/payload-template';
import { jestGlobals } from '../jest/test-api';
import { argumentChecks } from '../model/value-checks';

/** Result metadata keys a matrix test writes (kept when a Result has its own value). */
export const MATRIX_METADATA = {
  /** The case title, `<payload>/<converter>/<surface>`. */
  case: 'matrix_case',
  /** Template id (or the payload's `template` metadata). */
  template: 'payload_template',
  /** Injection technique. */
  technique: 'payload_technique',
  /** OWASP Top 10 for LLM Applications ids (array). */
  owaspLlm: 'owasp_llm',
  /** OWASP Top 10 for Agentic Applications ids (array). */
  owaspAgentic: 'owasp_agentic',
  /** MITRE ATLAS technique ids (array). */
  atlas: 'atlas',
  /** Converter name (a chain reads `a+b`); only with a converters axis. */
  converter: 'converter',
  /** Surface name; only with a surfaces axis. */
  surface: 'surface',
} as const;

/** Options of {@link payloadMatrix}. */
export interface PayloadMatrixOptions<S> {
  /** Templates (filled with `objective`) and/or ready payloads. */
  payloads: readonly (PayloadTemplate | Payload)[];
  /** Placeholder values; required when `payloads` holds templates. */
  objective?: PayloadValues;
  /** Converters to apply (a `ChainConverter` for a chain, `PlainConverter` for none). */
  converters?: readonly PayloadConverter[];
  /** Named surfaces (any values: objects, factories, names) or just names. */
  surfaces?: Readonly<Record<string, S>> | readonly string[];
  /** Jest timeout of each test, in ms. */
  timeout?: number;
}

/** What the body of a matrix test gets. */
export interface MatrixCase<S> {
  /** `<payload>/<converter>/<surface>`, the test title. */
  title: string;
  /** The payload to plant: filled and converted. */
  payload: Payload;
  /** The payload before conversion. */
  original: Payload;
  /** The template it was filled from, if any. */
  template: PayloadTemplate | null;
  /** Converter name, or null without a converters axis. */
  converter: string | null;
  /** Surface name, or null without a surfaces axis. */
  surfaceName: string | null;
  /** The surface value (the name itself when surfaces were given as names). */
  surface: S | undefined;
  /** The metadata written into every Result of the test. */
  tags: Readonly<Record<string, unknown>>;
}

interface PayloadAxisEntry {
  label: string;
  template: PayloadTemplate | null;
  make: () => Payload;
}

const TITLE_PART = /^[^/\n]+$/;

function checkPart(label: string, what: string): string {
  if (typeof label !== 'string' || !TITLE_PART.test(label))
    throw new TypeError(
      `payloadMatrix ${what} must be a name without "/" or line breaks, got ${describeValue(label)}`,
    );
  return label;
}

function payloadAxis(options: PayloadMatrixOptions<unknown>): PayloadAxisEntry[] {
  const { payloads, objective } = options;
  if (!Array.isArray(payloads) || payloads.length === 0)
    throw new TypeError(
      `payloadMatrix payloads must be a non-empty array of templates or payloads, got ${describeValue(payloads)}`,
    );
  return payloads.map((item, i) => {
    if (item instanceof PayloadTemplate) {
      if (objective === undefined)
        throw new TypeError(
          `payloadMatrix objective must be given to fill templates, got undefined`,
        );
      item.fill(objective, { id: `${item.id}-check` }); // fail at definition, not in every test
      return {
        label: item.id,
        template: item,
        make: () => item.fill(objective, { id: `${item.id}-${newPayloadId()}` }),
      };
    }
    if (item === null || typeof item !== 'object' || typeof (item as Payload).content !== 'string')
      throw new TypeError(
        `payloadMatrix payloads[${i}] must be a PayloadTemplate or a Payload, got ${describeValue(item)}`,
      );
    const payload = item as Payload;
    validatePayloadId(payload.id);
    const template = payload.metadata?.template;
    return {
      label:
        typeof template === 'string' &&
        template &&
        !payloads.some((other, j) => j !== i && (other as Payload).metadata?.template === template)
          ? template
          : payload.id,
      template: null,
      make: () => payload,
    };
  });
}

function tagsOf(entry: PayloadAxisEntry, payload: Payload): Record<string, unknown> {
  if (entry.template) {
    const { id, technique, tags } = entry.template;
    return {
      [MATRIX_METADATA.template]: id,
      [MATRIX_METADATA.technique]: technique,
      [MATRIX_METADATA.owaspLlm]: [...tags.owaspLlm],
      [MATRIX_METADATA.owaspAgentic]: [...tags.owaspAgentic],
      [MATRIX_METADATA.atlas]: [...tags.atlas],
    };
  }
  const m = payload.metadata ?? {};
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
  return {
    [MATRIX_METADATA.template]: typeof m.template === 'string' ? m.template : null,
    [MATRIX_METADATA.technique]: typeof m.technique === 'string' ? m.technique : null,
    [MATRIX_METADATA.owaspLlm]: strings(m.owasp_llm),
    [MATRIX_METADATA.owaspAgentic]: strings(m.owasp_agentic),
    [MATRIX_METADATA.atlas]: strings(m.atlas),
  };
}

function checkConverters(converters: unknown): PayloadConverter[] | null {
  if (converters === undefined) return null;
  if (!Array.isArray(converters) || converters.length === 0)
    throw new TypeError(
      `payloadMatrix converters must be a non-empty array of converters, got ${describeValue(converters)}`,
    );
  const names = new Set<string>();
  return converters.map((c: unknown, i) => {
    if (
      c === null ||
      typeof c !== 'object' ||
      typeof (c as PayloadConverter).convert !== 'function'
    )
      throw new TypeError(
        `payloadMatrix converters[${i}] must be a PayloadConverter, got ${describeValue(c)}`,
      );
    const name = checkPart(converterName(c as PayloadConverter), `converters[${i}] name`);
    if (names.has(name))
      throw new TypeError(
        `payloadMatrix converters must have distinct names, got ${describeValue(name)} twice (wrap one in a ChainConverter with its own name)`,
      );
    names.add(name);
    return c as PayloadConverter;
  });
}

function checkSurfaces<S>(surfaces: unknown): Array<[string, S]> | null {
  if (surfaces === undefined) return null;
  const entries: Array<[string, S]> = Array.isArray(surfaces)
    ? surfaces.map((name) => [name as string, name as S])
    : surfaces !== null && typeof surfaces === 'object'
      ? (Object.entries(surfaces) as Array<[string, S]>)
      : [];
  if (entries.length === 0)
    throw new TypeError(
      `payloadMatrix surfaces must be a non-empty object of named surfaces or array of names, got ${describeValue(surfaces)}`,
    );
  const names = entries.map(([name], i) => checkPart(name, `surfaces[${i}] name`));
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined)
    throw new TypeError(
      `payloadMatrix surfaces must have distinct names, got ${describeValue(duplicate)} twice`,
    );
  return entries;
}

/**
 * Defines `describe(title)` with one test per payload × converter × surface,
 * titled `<payload>/<converter>/<surface>` (axes you leave out are left out
 * of the title). Each test converts its payload and runs `body` with the
 * case; every Result recorded by the test gets the case's tags
 * ({@link MATRIX_METADATA}) in its metadata.
 */
export function payloadMatrix<S = string>(
  title: string,
  options: PayloadMatrixOptions<S>,
  body: (matrixCase: MatrixCase<S>) => unknown,
): void {
  argumentChecks.nonBlankString(title, 'payloadMatrix title');
  if (options === null || typeof options !== 'object')
    throw new TypeError(`payloadMatrix options must be an object, got ${describeValue(options)}`);
  if (typeof body !== 'function')
    throw new TypeError(`payloadMatrix body must be a function, got ${describeValue(body)}`);
  const { timeout } = options;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0)))
    throw new TypeError(
      `payloadMatrix timeout must be a number of ms > 0, got ${describeValue(timeout)}`,
    );
  const payloads = payloadAxis(options as PayloadMatrixOptions<unknown>);
  payloads.forEach((p, i) => checkPart(p.label, `payloads[${i}] name`));
  const duplicate = payloads.find((p, i) => payloads.findIndex((q) => q.label === p.label) !== i);
  if (duplicate)
    throw new TypeError(
      `payloadMatrix payloads must have distinct templates or ids, got ${describeValue(duplicate.label)} twice`,
    );
  const converters = checkConverters(options.converters);
  const surfaces = checkSurfaces<S>(options.surfaces);
  const globals = jestGlobals();
  const describe = globals.describe as (name: string, fn: () => void) => void;
  const test = globals.test as (name: string, fn: () => Promise<void>, timeout?: number) => void;
  describe(title, () => {
    for (const entry of payloads)
      for (const converter of converters ?? [null])
        for (const [surfaceName, surface] of surfaces ?? [[null, undefined] as const]) {
          const converterLabel = converter === null ? null : converterName(converter);
          const caseTitle = [entry.label, converterLabel, surfaceName]
            .filter((p) => p !== null)
            .join('/');
          const run = async (): Promise<void> => {
            const original = entry.make();
            const payload = converter === null ? original : await converter.convert(original);
            const tags: Record<string, unknown> = {
              [MATRIX_METADATA.case]: caseTitle,
              ...tagsOf(entry, original),
              ...(converterLabel === null ? {} : { [MATRIX_METADATA.converter]: converterLabel }),
              ...(surfaceName === null ? {} : { [MATRIX_METADATA.surface]: surfaceName }),
            };
            const matrixCase: MatrixCase<S> = {
              title: caseTitle,
              payload,
              original,
              template: entry.template,
              converter: converterLabel,
              surfaceName,
              surface: surface as S | undefined,
              tags,
            };
            await withResultMetadata(tags, () => body(matrixCase));
          };
          test(caseTitle, run, timeout);
        }
  });
}
