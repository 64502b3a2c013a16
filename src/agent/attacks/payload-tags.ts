/**
 * The taxonomy tags of a payload filled from a library template, copied into
 * the metadata of the Result of an attack that plants it, so coverage by
 * OWASP and ATLAS ids counts attacks as well as matrix tests.
 */
import type { Payload } from '../../model/trace-types';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** `payload_template`, `payload_technique` and the id lists, when the payload carries them. */
export function payloadTags(payload: Payload): Record<string, unknown> {
  const m = payload.metadata ?? {};
  if (typeof m.template !== 'string') return {};
  return {
    payload_template: m.template,
    ...(typeof m.technique === 'string' ? { payload_technique: m.technique } : {}),
    owasp_llm: strings(m.owasp_llm),
    owasp_agentic: strings(m.owasp_agentic),
    atlas: strings(m.atlas),
  };
}
