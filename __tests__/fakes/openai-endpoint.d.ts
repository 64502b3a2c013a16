/** Types of openai-endpoint.js, the fake OpenAI-compatible endpoint of the tests and the bench. */
import type { IncomingHttpHeaders } from 'node:http';

/** A scripted answer: a status with headers and body, a stall, or a reset connection. */
export type FakeStep =
  'stall' | 'reset' | { status: number; headers?: Record<string, string>; body?: unknown };

/** Options of {@link startFakeEndpoint}. */
export interface FakeEndpointOptions {
  latencyMs?: number;
  ratePerSecond?: number | null;
  retryAfter?: 'seconds' | 'date' | 'ms' | 'none';
  script?: FakeStep[];
  reply?: (request: { messages?: Array<{ role: string; content: string }> }) => string;
}

/** A running fake endpoint. */
export interface FakeEndpoint {
  endpoint: string;
  stats: {
    requests: number;
    rateLimited: number;
    answered: number;
    received: Array<{ url: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }>;
  };
  close(): Promise<void>;
}

/** Starts the endpoint on 127.0.0.1 (ephemeral port). */
export function startFakeEndpoint(options?: FakeEndpointOptions): Promise<FakeEndpoint>;
