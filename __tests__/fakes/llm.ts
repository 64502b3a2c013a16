/** LLM test doubles: a scripted client and a local OpenAI-compatible HTTP server. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CompletionRequest, LlmClient } from '../../src/index';

/** Answers with `replies` in order (a function computes one; an Error is thrown); records requests. */
export class ScriptedClient implements LlmClient {
  readonly requests: CompletionRequest[] = [];
  constructor(
    private readonly replies: Array<string | Error | ((r: CompletionRequest) => string)>,
  ) {}

  async complete(request: CompletionRequest): Promise<string> {
    this.requests.push(request);
    const reply = this.replies[Math.min(this.requests.length - 1, this.replies.length - 1)];
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(request) : (reply as string);
  }
}

/** One canned HTTP answer. */
export interface CannedAnswer {
  /** Never answer (to exercise timeouts). */
  hang?: boolean;
  status?: number;
  body: string | Record<string, unknown>;
}

/** A chat-completion body with `content` as the assistant message. */
export const completion = (content: unknown): Record<string, unknown> => ({
  id: 'cmpl-1',
  choices: [{ index: 0, message: { role: 'assistant', content } }],
});

/** What the fake server received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A server on 127.0.0.1 (ephemeral port) answering `answers` in order (the last repeats). */
export async function startChatServer(answers: CannedAnswer[]): Promise<{
  endpoint: string;
  received: ReceivedRequest[];
  close: () => Promise<void>;
}> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(raw || '{}') as Record<string, unknown>,
      });
      const answer = answers[Math.min(received.length - 1, answers.length - 1)] as CannedAnswer;
      if (answer.hang) return;
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/v1`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
