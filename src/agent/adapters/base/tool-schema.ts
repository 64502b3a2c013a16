/**
 * Manifests derived from the tools a framework already holds: a tool's input
 * schema (zod 3 or 4, JSON Schema, or the AI SDK's `jsonSchema()` wrapper)
 * becomes the manifest's parameter list, read structurally so that no schema
 * library is loaded (docs/adapters.md, "The manifest").
 */
import type { AppManifest, DataSource, ToolDeclaration } from '../../protocol/manifest';

/** A tool as a framework describes it to the model. */
export interface ToolDescription {
  name: string;
  description?: string | undefined;
  /** zod (3 or 4), a JSON Schema object, or an object holding one in `jsonSchema`. */
  schema?: unknown;
}

/** What a framework adapter's manifest is built from. */
export interface ManifestOptions {
  /** The agent's name for the judge; default `agent`. */
  name?: string | undefined;
  description?: string | undefined;
  /** Where the agent reads from; mark the ones outsiders can write (`writableByUntrusted`). */
  dataSources?: DataSource[] | undefined;
  metadata?: Record<string, unknown> | undefined;
}

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return value !== null && typeof value === 'object';
}

/** A zod node's type name in JSON Schema's words, and whether it may be left out. */
function zodField(node: unknown): { type: string; optional: boolean; description?: string } {
  let current = node;
  let optional = false;
  let description: string | undefined;
  for (let depth = 0; depth < 8 && isObject(current); depth++) {
    const own = (current as { description?: unknown }).description;
    if (description === undefined && typeof own === 'string') description = own;
    // zod 4 keeps its definition in `_zod.def` (type: 'string'), zod 3 in `_def` (typeName: 'ZodString').
    const v4 = isObject(current._zod) && isObject(current._zod.def) ? current._zod.def : undefined;
    const v3 = isObject(current._def) ? current._def : undefined;
    const raw =
      v4?.type ?? (typeof v3?.typeName === 'string' ? v3.typeName.replace(/^Zod/, '') : undefined);
    const kind = typeof raw === 'string' ? raw.toLowerCase() : 'unknown';
    const def = (v4 ?? v3) as Loose | undefined;
    if (['optional', 'default', 'nullable', 'catch', 'readonly', 'prefault'].includes(kind)) {
      if (kind !== 'readonly') optional = true;
      current = def?.innerType;
      continue;
    }
    if (kind === 'effects' || kind === 'pipe') {
      current = def?.schema ?? def?.in;
      continue;
    }
    if (kind === 'enum' || kind === 'nativeenum') {
      const values = Array.isArray(def?.values)
        ? def.values
        : isObject(def?.entries)
          ? Object.values(def.entries)
          : [];
      return {
        type:
          values.length > 0 ? `one of ${values.map((v) => JSON.stringify(v)).join(', ')}` : 'enum',
        optional,
        ...(description ? { description } : {}),
      };
    }
    return { type: kind, optional, ...(description ? { description } : {}) };
  }
  return { type: 'unknown', optional, ...(description ? { description } : {}) };
}

function zodShape(schema: Loose): Loose | undefined {
  const v4 = isObject(schema._zod) && isObject(schema._zod.def) ? schema._zod.def : undefined;
  if (v4 !== undefined) return v4.type === 'object' && isObject(v4.shape) ? v4.shape : undefined;
  const v3 = isObject(schema._def) ? schema._def : undefined;
  if (v3?.typeName !== 'ZodObject') return undefined;
  const shape = typeof v3.shape === 'function' ? (v3.shape as () => unknown)() : v3.shape;
  return isObject(shape) ? shape : undefined;
}

function jsonSchemaType(property: unknown): string {
  if (!isObject(property)) return 'unknown';
  if (Array.isArray(property.enum))
    return `one of ${property.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (typeof property.type === 'string') return property.type;
  if (Array.isArray(property.type)) return property.type.join(' | ');
  if (Array.isArray(property.anyOf)) return property.anyOf.map(jsonSchemaType).join(' | ');
  return 'unknown';
}

function describeParameter(type: string, optional: boolean, description?: string): string {
  return `${type}${optional ? ', optional' : ''}${description ? ` — ${description}` : ''}`;
}

/**
 * A tool's parameters for the manifest: name → `type[, optional][ — description]`,
 * with JSON Schema's type names (`string`, `number`, `object`...). Empty for
 * a schema it cannot read.
 */
export function schemaParameters(schema: unknown): Record<string, string> {
  if (!isObject(schema)) return {};
  const parameters: Record<string, string> = {};
  const shape = zodShape(schema);
  if (shape !== undefined) {
    for (const [name, field] of Object.entries(shape)) {
      const { type, optional, description } = zodField(field);
      parameters[name] = describeParameter(type, optional, description);
    }
    return parameters;
  }
  // The AI SDK's jsonSchema() wraps the JSON Schema in `jsonSchema`.
  const json = isObject(schema.jsonSchema) ? schema.jsonSchema : schema;
  if (!isObject(json.properties)) return {};
  const required = Array.isArray(json.required) ? json.required : [];
  for (const [name, property] of Object.entries(json.properties)) {
    const description =
      isObject(property) && typeof property.description === 'string'
        ? property.description
        : undefined;
    parameters[name] = describeParameter(
      jsonSchemaType(property),
      !required.includes(name),
      description,
    );
  }
  return parameters;
}

/** A manifest whose tools are the framework's tools, parameters read from their schemas. */
export function manifestFromTools(
  tools: readonly ToolDescription[],
  options: ManifestOptions = {},
): AppManifest {
  const declarations: ToolDeclaration[] = tools.map((tool) => ({
    name: tool.name,
    ...(tool.description ? { description: tool.description } : {}),
    parameters: schemaParameters(tool.schema),
  }));
  return {
    name: options.name ?? 'agent',
    ...(options.description ? { description: options.description } : {}),
    tools: declarations,
    ...(options.dataSources ? { dataSources: options.dataSources } : {}),
    ...(options.metadata ? { metadata: options.metadata } : {}),
  };
}
