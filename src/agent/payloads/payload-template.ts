/**
 * `PayloadTemplate`: an injection payload with placeholders for its
 * objective, tagged with a technique and OWASP / ATLAS ids. Filling it with
 * objective values gives a `Payload` whose metadata carries the tags, so
 * reports can aggregate by them. Upstream's `PayloadTemplate` (name,
 * description, objective, instruction, variables, `withVariables`,
 * `resolve`); `id` plays upstream's `name`.
 */
import { createPayload, newPayloadId, validatePayloadId } from '../protocol/payload';
import { PayloadFormat, isTextFormat } from '../../model/payload-format';
import { type Payload } from '../../model/trace-types';
import { describeValue } from '../../model/value-description';
import { isObjectiveField, type PayloadObjective } from './objective';
import { type Segment, parsePlaceholders, placeholderNames, renderSegments } from './placeholders';
import { argumentChecks } from '../../model/value-checks';

/** Tags of a template: the ids of the official lists it exercises. */
export interface PayloadTags {
  /** OWASP Top 10 for LLM Applications 2025, e.g. `LLM01:2025`. */
  owaspLlm: readonly string[];
  /** OWASP Top 10 for Agentic Applications, `ASI01` … `ASI10`. */
  owaspAgentic: readonly string[];
  /** MITRE ATLAS techniques, e.g. `AML.T0051.001`. */
  atlas: readonly string[];
}

/** Options of a {@link PayloadTemplate}. */
export interface PayloadTemplateInit {
  /** Stable id (letters, digits, `.`, `_`, `-`; at most 100): `<technique>.<slug>` in the library. */
  id: string;
  /** The injection technique, e.g. `ignore-previous`. */
  technique: string;
  /** One sentence: what the payload does. */
  description: string;
  /** What success looks like for the attacker; may use placeholders. For reports only. */
  objective: string;
  /** The payload text, with `{name}` / `{name|filter}` placeholders. */
  instruction: string;
  /**
   * Extra placeholders of this template with their default values. A value
   * may itself use the standard placeholders (filled first).
   */
  variables?: Readonly<Record<string, string>>;
  /** `text` (default), `markdown` or `html`. */
  format?: PayloadFormat;
  tags: PayloadTags;
}

/** Values to fill a template with: the standard objective fields and the template's variables. */
export type PayloadValues = PayloadObjective & Readonly<Record<string, string | undefined>>;

/** Options of {@link PayloadTemplate.fill}. */
export interface FillOptions {
  /** Payload id; default `<template id>-<12 random hex>` (unique per run, as surfaces need). */
  id?: string;
  /** Extra metadata for the payload (kept beside the template's tags). */
  metadata?: Record<string, unknown>;
}

const TAG_PATTERNS: Record<keyof PayloadTags, RegExp> = {
  owaspLlm: /^LLM\d{2}:\d{4}$/,
  owaspAgentic: /^ASI\d{2}$/,
  atlas: /^AML\.T\d{4}(\.\d{3})?$/,
};
const VARIABLE_NAME = /^[a-z][a-z0-9_]*$/;

function checkText(value: unknown, what: string): string {
  return argumentChecks.nonBlankString(value, what);
}

function checkTags(tags: unknown, where: string): PayloadTags {
  if (tags === null || typeof tags !== 'object')
    throw new TypeError(
      `${where} tags must be an object with owaspLlm, owaspAgentic and atlas, got ${describeValue(tags)}`,
    );
  const out = {} as Record<keyof PayloadTags, readonly string[]>;
  for (const key of Object.keys(TAG_PATTERNS) as Array<keyof PayloadTags>) {
    const ids = (tags as Record<string, unknown>)[key];
    if (!Array.isArray(ids))
      throw new TypeError(
        `${where} tags.${key} must be an array of ids, got ${describeValue(ids)}`,
      );
    ids.forEach((id, i) => {
      if (typeof id !== 'string' || !TAG_PATTERNS[key].test(id))
        throw new TypeError(
          `${where} tags.${key}[${i}] must be an id like ${TAG_PATTERNS[key].source}, got ${describeValue(id)}`,
        );
    });
    out[key] = Object.freeze([...new Set(ids as string[])]);
  }
  return Object.freeze(out);
}

/** An injection payload template of the library (or your own). */
export class PayloadTemplate {
  readonly id: string;
  readonly technique: string;
  readonly description: string;
  readonly objective: string;
  readonly instruction: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly format: PayloadFormat;
  readonly tags: PayloadTags;
  /**
   * The standard placeholders (objective fields) a fill needs, used directly
   * or through a variable, in order of first use.
   */
  readonly placeholders: readonly string[];
  private readonly instructionSegments: Segment[];
  private readonly objectiveSegments: Segment[];
  private readonly variableSegments: ReadonlyMap<string, Segment[]>;

  constructor(init: PayloadTemplateInit) {
    if (init === null || typeof init !== 'object')
      throw new TypeError(`PayloadTemplate options must be an object, got ${describeValue(init)}`);
    const id = validatePayloadId(init.id);
    if (id.length > 100)
      throw new TypeError(
        `PayloadTemplate id must be at most 100 characters, got ${describeValue(id)}`,
      );
    const where = `PayloadTemplate ${id}`;
    this.id = id;
    this.technique = checkText(init.technique, `${where} technique`);
    this.description = checkText(init.description, `${where} description`);
    this.objective = checkText(init.objective, `${where} objective`);
    this.instruction = checkText(init.instruction, `${where} instruction`);
    this.format = init.format ?? PayloadFormat.TEXT;
    if (!isTextFormat(this.format))
      throw new TypeError(
        `${where} format must be text, markdown or html, got ${describeValue(this.format)}`,
      );
    const variables = init.variables ?? {};
    if (variables === null || typeof variables !== 'object' || Array.isArray(variables))
      throw new TypeError(
        `${where} variables must be an object of strings, got ${describeValue(variables)}`,
      );
    const segments = new Map<string, Segment[]>();
    for (const [name, value] of Object.entries(variables)) {
      if (!VARIABLE_NAME.test(name) || isObjectiveField(name))
        throw new TypeError(
          `${where} variable names must be lower-case identifiers other than the standard placeholders, got ${describeValue(name)}`,
        );
      argumentChecks.string(value, `${where} variables.${name}`);
      const parsed = parsePlaceholders(value, `${where} variables.${name}`);
      for (const inner of placeholderNames(parsed))
        if (!isObjectiveField(inner))
          throw new TypeError(
            `${where} variables.${name} may only use the standard placeholders, got ${describeValue(inner)}`,
          );
      segments.set(name, parsed);
    }
    this.variables = Object.freeze({ ...variables });
    this.variableSegments = segments;
    this.tags = checkTags(init.tags, where);
    this.instructionSegments = parsePlaceholders(this.instruction, `${where} instruction`);
    this.objectiveSegments = parsePlaceholders(this.objective, `${where} objective`);
    const used = placeholderNames([...this.instructionSegments, ...this.objectiveSegments]);
    for (const name of used)
      if (!isObjectiveField(name) && !segments.has(name))
        throw new TypeError(
          `${where} uses unknown placeholder ${describeValue(name)}; use a standard placeholder or declare it in variables`,
        );
    const viaVariables = used.flatMap((name) =>
      segments.has(name) ? placeholderNames(segments.get(name) as Segment[]) : [],
    );
    this.placeholders = Object.freeze(
      [...new Set([...used, ...viaVariables])].filter((name) => isObjectiveField(name)),
    );
    Object.freeze(this);
  }

  /** The same template with some variables' defaults replaced (upstream `with_variables`). */
  withVariables(overrides: Readonly<Record<string, string>>): PayloadTemplate {
    return new PayloadTemplate({
      ...this.toInit(),
      variables: { ...this.variables, ...overrides },
    });
  }

  /** The options this template was built from. */
  toInit(): PayloadTemplateInit {
    const { id, technique, description, objective, instruction, variables, format, tags } = this;
    return { id, technique, description, objective, instruction, variables, format, tags };
  }

  /** The payload text with every placeholder filled (upstream `resolve`). */
  resolve(values: PayloadValues = {}): string {
    return renderSegments(this.instructionSegments, this.lookup(values));
  }

  /** The objective with every placeholder filled. */
  resolveObjective(values: PayloadValues = {}): string {
    return renderSegments(this.objectiveSegments, this.lookup(values));
  }

  /**
   * A payload: the filled instruction, the template's format, and metadata
   * `template`, `technique`, `objective`, `owasp_llm`, `owasp_agentic`,
   * `atlas`. Throws when a value is missing or names no placeholder.
   */
  fill(values: PayloadValues, options: FillOptions = {}): Payload {
    const content = this.resolve(values);
    const objective = this.resolveObjective(values);
    return createPayload({
      content,
      id: options.id ?? `${this.id}-${newPayloadId()}`,
      format: this.format,
      metadata: {
        ...options.metadata,
        template: this.id,
        technique: this.technique,
        objective,
        owasp_llm: [...this.tags.owaspLlm],
        owasp_agentic: [...this.tags.owaspAgentic],
        atlas: [...this.tags.atlas],
      },
    });
  }

  private lookup(values: PayloadValues): (name: string) => string {
    if (values === null || typeof values !== 'object')
      throw new TypeError(
        `PayloadTemplate ${this.id} values must be an object, got ${describeValue(values)}`,
      );
    for (const [name, value] of Object.entries(values)) {
      if (!isObjectiveField(name) && !this.variableSegments.has(name))
        throw new TypeError(
          `PayloadTemplate ${this.id} has no placeholder ${describeValue(name)}; the placeholders are the standard ones and ${describeValue(Object.keys(this.variables).join(', ') || '(no variables)')}`,
        );
      if (value !== undefined && typeof value !== 'string')
        throw new TypeError(
          `PayloadTemplate ${this.id} value of ${name} must be a string, got ${describeValue(value)}`,
        );
    }
    const standard = (name: string): string => {
      const value = values[name];
      if (typeof value !== 'string' || value.length === 0)
        throw new TypeError(
          `PayloadTemplate ${this.id} needs a value for placeholder ${describeValue(name)}, got ${describeValue(value)}`,
        );
      return value;
    };
    return (name) => {
      const segments = this.variableSegments.get(name);
      if (segments === undefined) return standard(name);
      const own = values[name];
      if (typeof own === 'string' && own.length > 0) return own;
      return renderSegments(segments, standard);
    };
  }
}
