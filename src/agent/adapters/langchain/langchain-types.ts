/**
 * The parts of LangChain.js / LangGraph the adapter reads (`@langchain/core`
 * 1 with `langchain` 1 and `@langchain/langgraph` 1, or `@langchain/core`
 * 0.3 with `@langchain/langgraph` 0.2 to 0.4), described structurally:
 * `rampart/langchain` never imports them, so it loads nothing a user did not
 * and fits either major.
 */

/** A LangChain tool (what `tool()` returns, or a `StructuredTool`). */
export interface LangChainTool {
  name: string;
  /** What the model is told the tool does; read when the agent binds its tools. */
  description: string;
  /** zod (3 or 4) or JSON Schema; read for the manifest. */
  schema?: unknown;
  /** `content_and_artifact` tools return `[content, artifact]`. */
  responseFormat?: unknown;
}

/** A message of the conversation: a `BaseMessage`, or a plain `{ role, content }`. */
export interface LangChainMessage {
  /** `human`, `ai`, `tool`, `system` on a 1.x `BaseMessage` (0.3 has `_getType()` instead). */
  type?: unknown;
  /** `user`, `assistant`, `tool` on a plain message. */
  role?: unknown;
  content?: unknown;
  /** On an AI message: the tool calls it asks for, with parsed arguments. */
  tool_calls?: ReadonlyArray<{ id?: unknown; name?: unknown; args?: unknown }> | undefined;
  /** On a tool message: the call it answers, and whether the tool failed. */
  tool_call_id?: unknown;
  name?: unknown;
  status?: unknown;
}

/**
 * The input handed to your agent each turn: this session's messages, typed
 * `never[]` so they fit the `messages` of any graph's state.
 */
export interface LangChainCall {
  messages: never[];
}

/** What the graph's `invoke` resolves to: its state, whose `messages` hold the whole conversation. */
export interface LangChainState {
  messages: readonly unknown[];
}

/** Per-run options of the graph (`configurable.thread_id` is set per session). */
export interface LangChainRunConfig {
  configurable?: Record<string, unknown> | undefined;
  recursionLimit?: number | undefined;
  [key: string]: unknown;
}

/** A compiled LangGraph graph over a `messages` state: `createAgent`, `createReactAgent`, or a `StateGraph` of your own. */
export interface LangChainAgent {
  invoke(input: LangChainCall, config?: never): PromiseLike<LangChainState>;
}

/**
 * A chat model (`ChatOpenAI`, `ChatAnthropic` ...), bare or with its tools
 * bound (`model.bindTools(tools)`): the adapter runs the tool loop itself.
 */
export interface LangChainChatModel {
  invoke(input: never, config?: never): PromiseLike<unknown>;
}

/** A function that runs your agent on the session's messages and returns its final state. */
export type LangChainRun = (
  call: LangChainCall,
  config: LangChainRunConfig,
) => LangChainState | PromiseLike<LangChainState>;
