/**
 * The parts of the Vercel AI SDK (`ai`, majors 6 and 7) the adapter reads,
 * described structurally: `rampart/ai-sdk` never imports `ai`, so it works
 * with either major (ai 7 is ESM-only) and loads nothing a user did not.
 */

/** A tool of an AI SDK tool set (what `tool()` returns). */
export interface AiSdkTool {
  /** Text; in ai 7 also a function of the call's context that returns the text. */
  description?: unknown;
  /** zod, or the AI SDK's `jsonSchema()`; read for the manifest. */
  inputSchema?: unknown;
  execute?: unknown;
}

/** Tools by name, as `generateText({ tools })` and `ToolLoopAgent` take them. */
export type AiSdkToolSet = Record<string, AiSdkTool>;

/** One content part of a step: text, `tool-call`, `tool-result`, `tool-error`... */
export interface AiSdkContentPart {
  type: string;
  toolCallId?: string | undefined;
  toolName?: string | undefined;
  input?: unknown;
  output?: unknown;
  /** On a `tool-result` streamed before the tool's output. */
  preliminary?: boolean | undefined;
  error?: unknown;
}

/** One step of a run. */
export interface AiSdkStep {
  content: readonly AiSdkContentPart[];
}

/** `T`, or a promise of it (a `streamText` result holds promises). */
export type MaybePromise<T> = T | PromiseLike<T>;

/** What `generateText`, `streamText` and `agent.generate`/`agent.stream` return. */
export interface AiSdkResult {
  text: MaybePromise<string>;
  steps: MaybePromise<readonly AiSdkStep[]>;
  /** ai 7: the messages of every step. */
  responseMessages?: MaybePromise<readonly unknown[]> | undefined;
  /** ai 6: the messages of every step (ai 7: of the last step only). */
  response?: MaybePromise<{ messages: readonly unknown[] }> | undefined;
}

/**
 * The conversation handed to your agent each turn: this session's messages
 * in the AI SDK's `ModelMessage` form (typed `never[]` so it fits the
 * `messages` parameter of whichever major is installed).
 */
export interface AiSdkCall {
  messages: never[];
}

/** A `ToolLoopAgent` (or any AI SDK `Agent`): `generate({ messages })`, and its tools. */
export interface AiSdkAgent {
  generate(options: AiSdkCall): PromiseLike<AiSdkResult>;
  readonly tools?: AiSdkToolSet | undefined;
  readonly id?: string | undefined;
}

/** A function that runs your agent: typically `generateText({ model, tools, messages, stopWhen })`. */
export type AiSdkRun = (call: AiSdkCall) => MaybePromise<AiSdkResult>;
