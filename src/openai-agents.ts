/**
 * `rampart/openai-agents`: agents of the OpenAI Agents SDK (`@openai/agents`
 * 0.x), run with `run(agent, input)`, as agents under test —
 * `openAiAgentsAdapter` and the tool-output and tool-description surfaces
 * (docs/adapters.md). It reads the SDK's objects structurally and never
 * loads it; the root entry point `rampart` never loads this one.
 */
export * from './agent/adapters/openai-agents';
