/**
 * The shared base of framework adapters: a framework maps one turn of its
 * agent to a {@link FrameworkTurn} (text, tool calls, tool outcomes) and
 * says which messages make up the conversation; this keeps a fresh history
 * per session, renders requests with their attachments, pairs tool calls
 * with their outcomes, adds the declared side effects and derives the
 * observability level from what was declared (docs/adapters.md).
 */
import type { AgentAdapter, Session } from '../../protocol/adapter';
import type { AppManifest } from '../../protocol/manifest';
import { type ResponseInput, type SideEffectInput, toolArguments } from '../../protocol/response';
import { ObservabilityLevel } from '../../../model/result-status';
import type { Request } from '../../../model/trace-types';
import { describeValue } from '../../../model/value-description';
import { type RequestRenderer, renderRequest } from './request-text';
import {
  type SideEffectMap,
  type SideEffectWatcher,
  checkSideEffectMap,
  checkSideEffectWatcher,
  declaredSideEffects,
} from './side-effects';
import {
  type FrameworkToolCall,
  type FrameworkToolOutcome,
  type PairedToolCall,
  pairToolCalls,
  toToolCallInput,
} from './tool-pairing';

/** What one turn of a framework's agent did. */
export interface FrameworkTurn {
  /** The agent's final text of the turn. */
  text: string;
  /** Every tool call of the turn, in order (all steps). */
  toolCalls: readonly FrameworkToolCall[];
  /** Their outputs or errors, linked by call id. */
  toolOutcomes: readonly FrameworkToolOutcome[];
  metadata?: Record<string, unknown>;
}

/** The framework-specific part of an adapter: one turn of the agent. */
export interface FrameworkBinding<Message> {
  /** Framework name, put in every Response's metadata (`framework`). */
  readonly framework: string;
  /**
   * Runs the agent on `history` (this session's messages so far, oldest
   * first) followed by a user message `text`; returns the turn and the
   * session's history after it.
   */
  runTurn(input: {
    history: readonly Message[];
    text: string;
    request: Request;
  }): Promise<{ turn: FrameworkTurn; history: readonly Message[] }>;
}

/** What a user declares about the agent, for every framework adapter. */
export interface FrameworkAdapterOptions {
  /** The agent's capabilities for LLM judges; framework adapters derive it from the tools. */
  manifest?: AppManifest | null | undefined;
  /** Tool name → the side effect each successful call has (docs/adapters.md, "Side effects"). */
  sideEffects?: SideEffectMap | undefined;
  /** Snapshot/diff of the world around each turn, for side effects no tool call shows. */
  watch?: SideEffectWatcher | undefined;
  /** How a request becomes the user message; default {@link renderRequest}. */
  renderRequest?: RequestRenderer | undefined;
}

/**
 * What an adapter built from these options can promise: tool calls and side
 * effects when side effects are declared, tool calls alone otherwise.
 */
export function declaredObservability(options: FrameworkAdapterOptions): ObservabilityLevel {
  return options.sideEffects !== undefined || options.watch !== undefined
    ? ObservabilityLevel.TOOL_AND_SIDE_EFFECTS
    : ObservabilityLevel.TOOL_ONLY;
}

/** Arguments as a record; text that is no JSON object is kept under `unparsed`. */
function parsedArguments(call: PairedToolCall): Record<string, unknown> {
  try {
    return toolArguments(call.arguments, 'arguments');
  } catch {
    return {
      unparsed: typeof call.arguments === 'string' ? call.arguments : describeValue(call.arguments),
    };
  }
}

/** An {@link AgentAdapter} over `binding`: a fresh history per session. */
export function frameworkAdapter<Message>(
  binding: FrameworkBinding<Message>,
  options: FrameworkAdapterOptions = {},
): AgentAdapter {
  if (options === null || typeof options !== 'object')
    throw new TypeError(`adapter options must be an object, got ${describeValue(options)}`);
  const sideEffects =
    options.sideEffects === undefined
      ? undefined
      : checkSideEffectMap(options.sideEffects, 'sideEffects');
  const watch =
    options.watch === undefined ? undefined : checkSideEffectWatcher(options.watch, 'watch');
  const render = options.renderRequest ?? renderRequest;
  if (typeof render !== 'function')
    throw new TypeError(`renderRequest must be a function, got ${describeValue(render)}`);

  return {
    observabilityProfile: declaredObservability(options),
    manifest: options.manifest ?? null,
    createSession(): Session {
      let history: readonly Message[] = [];
      return {
        async send(request: Request): Promise<ResponseInput> {
          const before = watch ? await watch.snapshot() : undefined;
          const { turn, history: next } = await binding.runTurn({
            history,
            text: render(request),
            request,
          });
          history = next;
          const calls = pairToolCalls(turn.toolCalls, turn.toolOutcomes).map((call) => ({
            ...call,
            parsedArguments: parsedArguments(call),
          }));
          const effects: SideEffectInput[] = sideEffects
            ? declaredSideEffects(sideEffects, calls)
            : [];
          if (watch) effects.push(...watch.diff(before, await watch.snapshot()));
          const failed = calls.filter((call) => call.failed);
          return {
            text: turn.text,
            toolCalls: calls.map((call) =>
              toToolCallInput({ ...call, arguments: call.parsedArguments }),
            ),
            sideEffects: effects,
            metadata: {
              framework: binding.framework,
              ...(failed.length > 0
                ? { tool_errors: failed.map((call) => ({ tool: call.name, error: call.error })) }
                : {}),
              ...turn.metadata,
            },
          };
        },
      };
    },
  };
}
