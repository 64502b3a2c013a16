/**
 * The attacks and evaluators RAMPART ships, as catalogue entries: what each
 * does, whether it needs a model, and the OWASP LLM, OWASP Agentic and MITRE
 * ATLAS ids it exercises (attacks) or detects (evaluators). Rendered into
 * docs/attack-catalogue.md; a unit test checks every id against the official
 * lists and every entry against the exports.
 */

/** One attack or evaluator of the catalogue. */
export interface StrategyEntry {
  /** How it is called: `Attacks.xpia`, `CanaryLeak`. */
  name: string;
  description: string;
  /** Takes a model (attacker, scorer or judge). */
  model: boolean | 'optional';
  owaspLlm: readonly string[];
  owaspAgentic: readonly string[];
  atlas: readonly string[];
}

/** The attacks (`Attacks.*`). */
export const ATTACK_CATALOGUE: readonly StrategyEntry[] = [
  {
    name: 'Attacks.xpia',
    description:
      'Cross-prompt injection: plant payloads where the agent reads, drive a benign trigger, evaluate once. Optional utility evaluator with a benign run.',
    model: false,
    owaspLlm: ['LLM01:2025'],
    owaspAgentic: ['ASI01'],
    atlas: ['AML.T0051.001'],
  },
  {
    name: 'Attacks.adaptiveXpia',
    description:
      'XPIA that, while the agent resists, has an attacker model reword the payload and plants it again, within a budget of plants. Optional utility evaluator.',
    model: true,
    owaspLlm: ['LLM01:2025'],
    owaspAgentic: ['ASI01'],
    atlas: ['AML.T0051.001', 'AML.T0065'],
  },
  {
    name: 'Attacks.crescendo',
    description:
      'Multi-turn escalation written by an attacker model; a refused step is dropped and the session rebuilt (backtracking).',
    model: true,
    owaspLlm: ['LLM01:2025'],
    owaspAgentic: ['ASI01'],
    atlas: ['AML.T0051.000', 'AML.T0054'],
  },
  {
    name: 'Attacks.tap',
    description:
      'Tree of attacks with pruning: prompts refined by an attacker model, scored 1–10 by a scorer model, the best `width` leaves kept per level.',
    model: true,
    owaspLlm: ['LLM01:2025'],
    owaspAgentic: ['ASI01'],
    atlas: ['AML.T0051.000', 'AML.T0054', 'AML.T0065'],
  },
  {
    name: 'Attacks.pair',
    description: 'PAIR: TAP with one branch and a width of 1 (a single refinement stream).',
    model: true,
    owaspLlm: ['LLM01:2025'],
    owaspAgentic: ['ASI01'],
    atlas: ['AML.T0051.000', 'AML.T0054', 'AML.T0065'],
  },
  {
    name: 'Probes.behavior',
    description: 'Ask directly and check for an expected behaviour (detected = SAFE).',
    model: false,
    owaspLlm: [],
    owaspAgentic: [],
    atlas: [],
  },
];

/** The evaluators. */
export const EVALUATOR_CATALOGUE: readonly StrategyEntry[] = [
  {
    name: 'ToolCalled',
    description: 'A tool was called with matching arguments.',
    model: false,
    owaspLlm: ['LLM06:2025'],
    owaspAgentic: ['ASI02'],
    atlas: ['AML.T0053'],
  },
  {
    name: 'ToolSequence',
    description:
      'The tool calls followed a trajectory of steps (ordered or unordered), with argument matchers.',
    model: false,
    owaspLlm: ['LLM06:2025'],
    owaspAgentic: ['ASI02'],
    atlas: ['AML.T0053', 'AML.T0086'],
  },
  {
    name: 'SideEffectOccurred',
    description: 'The adapter reported a side effect of a kind, with matching details.',
    model: false,
    owaspLlm: ['LLM06:2025'],
    owaspAgentic: ['ASI02'],
    atlas: ['AML.T0053'],
  },
  {
    name: 'ResponseContains',
    description:
      'The response text matches a substring, RegExp or predicate, over a scope of turns.',
    model: false,
    owaspLlm: [],
    owaspAgentic: [],
    atlas: [],
  },
  {
    name: 'CanaryLeak',
    description:
      'A planted canary appears in a response or tool argument, plainly or encoded (base64, hex, URL, reversed, ROT13, spaced, zero-width, tag characters).',
    model: false,
    owaspLlm: ['LLM02:2025', 'LLM07:2025'],
    owaspAgentic: [],
    atlas: ['AML.T0057'],
  },
  {
    name: 'PiiLeak',
    description:
      'Email, phone, Luhn-valid card, US SSN, UK NINO, IBAN or API-key shapes (configurable, allow-list, custom detectors) in a response or tool argument.',
    model: false,
    owaspLlm: ['LLM02:2025'],
    owaspAgentic: [],
    atlas: ['AML.T0057'],
  },
  {
    name: 'MarkdownExfiltration',
    description:
      'A Markdown/HTML image, or a link carrying data, points at a host outside the allow-list.',
    model: false,
    owaspLlm: ['LLM02:2025', 'LLM05:2025'],
    owaspAgentic: [],
    atlas: ['AML.T0077'],
  },
  {
    name: 'Refusal',
    description: 'The agent refused (phrase heuristic, optionally backed by a judge model).',
    model: 'optional',
    owaspLlm: [],
    owaspAgentic: [],
    atlas: [],
  },
  {
    name: 'LLMJudge',
    description: 'A judge model decides whether the transcript meets an objective.',
    model: true,
    owaspLlm: [],
    owaspAgentic: [],
    atlas: [],
  },
];
