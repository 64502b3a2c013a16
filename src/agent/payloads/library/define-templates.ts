/**
 * How the library files declare templates: a technique, the tags every
 * template of that technique carries, and per template the tags its
 * objective adds (data theft, tool misuse, ...).
 */
import type { PayloadFormat } from '../../../model/payload-format';
import type { PayloadTags, PayloadTemplateInit } from '../payload-template';
import type { PayloadTechnique } from '../techniques';

/** Tags an objective adds to the technique's own. */
export const OBJECTIVE_TAGS = {
  /** Data sent out through a tool (email, upload, request). */
  exfiltration: { owaspLlm: ['LLM02:2025'], owaspAgentic: [], atlas: ['AML.T0086'] },
  /** A tool called to do something the user did not ask for. */
  toolMisuse: {
    owaspLlm: ['LLM06:2025'],
    owaspAgentic: ['ASI02'],
    atlas: ['AML.T0053'],
  },
  /** An account given rights it should not have. */
  privilege: { owaspLlm: ['LLM06:2025'], owaspAgentic: ['ASI03'], atlas: ['AML.T0053'] },
  /** Data leaked through what the agent renders or shows. */
  rendering: {
    owaspLlm: ['LLM02:2025', 'LLM05:2025'],
    owaspAgentic: [],
    atlas: ['AML.T0077', 'AML.T0057'],
  },
  /** Only a marker repeated: proof of control, nothing else. */
  canary: { owaspLlm: [], owaspAgentic: [], atlas: [] },
} as const satisfies Record<string, PayloadTags>;

/** One template of a technique, before the technique's tags are added. */
export interface TemplateSpec {
  slug: string;
  description: string;
  objective: string;
  instruction: string;
  /** The objective's tags (one of {@link OBJECTIVE_TAGS}, or several merged). */
  adds: PayloadTags | readonly PayloadTags[];
  variables?: Record<string, string>;
  format?: PayloadFormat;
}

function merge(sets: readonly PayloadTags[]): PayloadTags {
  const union = (key: keyof PayloadTags) => [...new Set(sets.flatMap((s) => s[key]))];
  return {
    owaspLlm: union('owaspLlm'),
    owaspAgentic: union('owaspAgentic'),
    atlas: union('atlas'),
  };
}

/** The template options of `specs`, ids `<technique>.<slug>`, tagged with `base` plus their own. */
export function defineTemplates(
  technique: PayloadTechnique,
  base: PayloadTags,
  specs: readonly TemplateSpec[],
): PayloadTemplateInit[] {
  return specs.map(({ slug, adds, ...rest }) => ({
    id: `${technique}.${slug}`,
    technique,
    ...rest,
    tags: merge([base, ...(Array.isArray(adds) ? adds : [adds as PayloadTags])]),
  }));
}
