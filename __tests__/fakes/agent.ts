/**
 * Test doubles for the adapter protocol: a scripted agent whose replies are
 * functions of the request, and a surface whose handles log their lifecycle.
 */
import type {
  AgentAdapter,
  AppManifest,
  InjectionHandle,
  ObservabilityLevel,
  Payload,
  Request,
  ResponseInput,
  Session,
  Surface,
} from '../../src/index';

/** A reply: fixed, or computed from the request and the turn index. */
export type Reply = ResponseInput | ((request: Request, turn: number) => ResponseInput);

/** Shared, ordered log of lifecycle steps. */
export type Log = string[];

/** An adapter whose sessions answer from `replies` (the last one repeats). */
export class ScriptedAdapter implements AgentAdapter {
  readonly sessions: Request[][] = [];
  readonly manifest: AppManifest | null;

  constructor(
    readonly observabilityProfile: ObservabilityLevel,
    private readonly replies: Reply[],
    private readonly log: Log = [],
    options: { manifest?: AppManifest; failOnSend?: Error; failOnClose?: Error } = {},
  ) {
    this.manifest = options.manifest ?? null;
    this.failOnSend = options.failOnSend;
    this.failOnClose = options.failOnClose;
  }

  private readonly failOnSend: Error | undefined;
  private readonly failOnClose: Error | undefined;

  createSession(): Session {
    const requests: Request[] = [];
    this.sessions.push(requests);
    const index = this.sessions.length - 1;
    this.log.push(`session ${index} created`);
    return {
      open: () => void this.log.push(`session ${index} open`),
      send: (request) => {
        this.log.push(`session ${index} send ${request.prompt ?? '(attachments)'}`);
        if (this.failOnSend) throw this.failOnSend;
        requests.push(request);
        const reply = this.replies[Math.min(requests.length - 1, this.replies.length - 1)] as Reply;
        return typeof reply === 'function' ? reply(request, requests.length - 1) : reply;
      },
      close: () => {
        this.log.push(`session ${index} closed`);
        if (this.failOnClose) throw this.failOnClose;
      },
    };
  }
}

/** How a recording handle misbehaves. */
export interface HandleFaults {
  activate?: Error;
  ready?: Error | 'hang' | 'hang-ignoring-signal';
  cleanup?: Error;
}

/** A surface whose handles log activate / ready / cleanup into `log`. */
export class RecordingSurface implements Surface {
  readonly planted = new Map<string, string>();

  constructor(
    readonly name: string,
    private readonly log: Log,
    private readonly faults: HandleFaults = {},
  ) {}

  inject(options: { payload: Payload }): InjectionHandle {
    const { payload } = options;
    const { log, faults, planted, name } = this;
    return {
      payloadId: payload.id,
      surfaceName: name,
      activate: async () => {
        log.push(`activate ${payload.id}`);
        if (faults.activate) throw faults.activate;
        planted.set(payload.id, payload.content);
      },
      waitUntilReady: ({ signal }) => {
        log.push(`ready? ${payload.id}`);
        if (faults.ready === 'hang') {
          return new Promise<void>((_, reject) =>
            signal.addEventListener('abort', () => {
              log.push(`aborted ${payload.id}`);
              reject(signal.reason);
            }),
          );
        }
        if (faults.ready === 'hang-ignoring-signal') return new Promise<void>(() => {});
        if (faults.ready) return Promise.reject(faults.ready);
        return Promise.resolve();
      },
      cleanup: async () => {
        log.push(`cleanup ${payload.id}`);
        planted.delete(payload.id);
        if (faults.cleanup) throw faults.cleanup;
      },
    };
  }
}
