/**
 * The parts of the OpenAI Agents SDK (`@openai/agents` 0.x) the adapter
 * reads, described structurally: `rampart/openai-agents` never imports the
 * SDK, so it loads nothing a user did not.
 */

/** A function tool (what `tool()` returns). */
export interface OpenAiAgentsTool {
  type?: unknown;
  name: string;
  /** What the model is told the tool does; read on every model call. */
  description: string;
  /** JSON Schema of the arguments (`tool()` converts zod); read for the manifest. */
  parameters?: unknown;
  /** Runs the tool: `(runContext, input JSON text, details)`. */
  invoke?: unknown;
}

/** An `Agent`: its name and tools, for the manifest. */
export interface OpenAiAgentsAgent {
  readonly name?: string | undefined;
  readonly tools?: readonly unknown[] | undefined;
}

/** One item of `RunResult.newItems`: `tool_call_item`, `tool_call_output_item`, `message_output_item` ... */
export interface OpenAiAgentsRunItem {
  type: string;
  rawItem?: {
    type?: unknown;
    name?: unknown;
    callId?: unknown;
    /** On a `function_call`: the arguments as JSON text. */
    arguments?: unknown;
    status?: unknown;
  };
  /** On a `tool_call_output_item`: what the tool returned. */
  output?: unknown;
}

/** What `run(agent, input)` resolves to. */
export interface OpenAiAgentsRunResult {
  readonly newItems: readonly OpenAiAgentsRunItem[];
  /** The input and the new items, ready to be the next turn's input. */
  readonly history: readonly unknown[];
  readonly finalOutput?: unknown;
}

/**
 * `run` of `@openai/agents` (or `runner.run.bind(runner)`): the session's
 * input items are typed `never[]` so they fit whichever version is installed.
 */
export type OpenAiAgentsRunFunction = (
  agent: never,
  input: never[],
) => PromiseLike<OpenAiAgentsRunResult>;

/** A function that runs your agent on the session's input items. */
export type OpenAiAgentsRun = (
  input: never[],
) => OpenAiAgentsRunResult | PromiseLike<OpenAiAgentsRunResult>;
