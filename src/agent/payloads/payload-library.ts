/**
 * The payload library: injection templates written for RAMPART, each with a
 * technique and OWASP / ATLAS tags, and the ways to pick some of them.
 */
import { describeValue } from '../../model/value-description';
import { FAKE_ASSISTANT_TURN, FAKE_SYSTEM_TURN, IGNORE_PREVIOUS } from './library/goal-override';
import { DELAYED_TRIGGER, ENCODED_INSTRUCTIONS, HIDDEN_MULTI_STEP } from './library/covert-tasks';
import {
  LINK_EXFILTRATION,
  MARKDOWN_IMAGE_EXFILTRATION,
  PROMPT_LEAK,
} from './library/exfiltration-channels';
import { AUTHORITY_IMPERSONATION, SPOOFED_TOOL_OUTPUT, URGENCY } from './library/impersonation';
import { MEMORY_POISONING, TOOL_DESCRIPTION_POISONING } from './library/persistence';
import { PayloadTemplate } from './payload-template';

/** Every template of the library, grouped by technique in catalogue order. */
export const PAYLOAD_LIBRARY: readonly PayloadTemplate[] = Object.freeze(
  [
    ...IGNORE_PREVIOUS,
    ...FAKE_SYSTEM_TURN,
    ...FAKE_ASSISTANT_TURN,
    ...SPOOFED_TOOL_OUTPUT,
    ...AUTHORITY_IMPERSONATION,
    ...URGENCY,
    ...HIDDEN_MULTI_STEP,
    ...DELAYED_TRIGGER,
    ...ENCODED_INSTRUCTIONS,
    ...MARKDOWN_IMAGE_EXFILTRATION,
    ...LINK_EXFILTRATION,
    ...PROMPT_LEAK,
    ...TOOL_DESCRIPTION_POISONING,
    ...MEMORY_POISONING,
  ].map((init) => new PayloadTemplate(init)),
);

/** Which templates to pick; every given criterion must hold (a list means any of its ids). */
export interface PayloadTemplateQuery {
  technique?: string | readonly string[];
  owaspLlm?: string | readonly string[];
  owaspAgentic?: string | readonly string[];
  atlas?: string | readonly string[];
  /** Only templates whose placeholders are all among these (e.g. what your objective fills). */
  placeholders?: readonly string[];
}

const list = (value: string | readonly string[] | undefined): readonly string[] | undefined =>
  value === undefined ? undefined : typeof value === 'string' ? [value] : value;

/** The library templates matching `query` (all of them without one), in library order. */
export function payloadTemplates(query: PayloadTemplateQuery = {}): PayloadTemplate[] {
  if (query === null || typeof query !== 'object')
    throw new TypeError(`payloadTemplates query must be an object, got ${describeValue(query)}`);
  const techniques = list(query.technique);
  const tagCriteria = (['owaspLlm', 'owaspAgentic', 'atlas'] as const).map(
    (key) => [key, list(query[key])] as const,
  );
  return PAYLOAD_LIBRARY.filter(
    (t) =>
      (techniques === undefined || techniques.includes(t.technique)) &&
      tagCriteria.every(
        ([key, ids]) => ids === undefined || t.tags[key].some((id) => ids.includes(id)),
      ) &&
      (query.placeholders === undefined ||
        t.placeholders.every((name) => (query.placeholders as readonly string[]).includes(name))),
  );
}

/** The library template `id`; throws naming the id when there is none. */
export function payloadTemplate(id: string): PayloadTemplate {
  const found = PAYLOAD_LIBRARY.find((t) => t.id === id);
  if (!found)
    throw new TypeError(
      `payloadTemplate id must be the id of a library template, got ${describeValue(id)}`,
    );
  return found;
}
