/**
 * Injection techniques of the payload library: how a payload tries to take
 * over the agent. Each template has exactly one; reports aggregate by it.
 */

/** Technique ids. */
export const PayloadTechnique = {
  IGNORE_PREVIOUS: 'ignore-previous',
  FAKE_SYSTEM_TURN: 'fake-system-turn',
  FAKE_ASSISTANT_TURN: 'fake-assistant-turn',
  SPOOFED_TOOL_OUTPUT: 'spoofed-tool-output',
  AUTHORITY_IMPERSONATION: 'authority-impersonation',
  URGENCY: 'urgency',
  HIDDEN_MULTI_STEP: 'hidden-multi-step',
  MARKDOWN_IMAGE_EXFILTRATION: 'markdown-image-exfiltration',
  LINK_EXFILTRATION: 'link-exfiltration',
  TOOL_DESCRIPTION_POISONING: 'tool-description-poisoning',
  MEMORY_POISONING: 'memory-poisoning',
  ENCODED_INSTRUCTIONS: 'encoded-instructions',
  DELAYED_TRIGGER: 'delayed-trigger',
  PROMPT_LEAK: 'prompt-leak',
} as const;
/** One of the {@link PayloadTechnique} ids (custom templates may use their own). */
export type PayloadTechnique = (typeof PayloadTechnique)[keyof typeof PayloadTechnique];

/** What each technique does, for the catalogue. */
export const TECHNIQUE_DESCRIPTIONS: Readonly<Record<PayloadTechnique, string>> = {
  'ignore-previous': 'Tells the agent to drop its earlier instructions and follow new ones.',
  'fake-system-turn':
    'Forges a system or developer message (chat-template tokens, headers, tags) inside data.',
  'fake-assistant-turn':
    'Forges earlier assistant turns so the agent believes it already agreed to the attack.',
  'spoofed-tool-output':
    'Poses as the output of a tool or API that tells the agent what to do next.',
  'authority-impersonation':
    'Claims to come from someone the agent should obey: an executive, IT security, legal, the developers, the account owner.',
  urgency: 'Pushes the agent to skip checks because something bad happens unless it acts now.',
  'hidden-multi-step':
    'Hides the attack in a sequence of innocent-looking steps, often with a step that covers the tracks.',
  'markdown-image-exfiltration':
    'Makes the agent render a Markdown image whose URL carries data to the attacker (fetched without a click).',
  'link-exfiltration':
    'Makes the agent show a link whose URL carries data, or that leads the user to the attacker.',
  'tool-description-poisoning':
    'Text placed in a tool description (e.g. an MCP server) that steers how the agent uses its tools.',
  'memory-poisoning':
    'Plants a false fact, preference or standing order in the agent’s long-term memory.',
  'encoded-instructions':
    'Carries the instruction encoded (Base64, hex, reversed, ROT13, URL) and asks the agent to decode and follow it.',
  'delayed-trigger':
    'Arms an instruction for later: the next request, a keyword, the end of the session.',
  'prompt-leak': 'Makes the agent disclose its system prompt, hidden rules or tool definitions.',
};
