/**
 * Cassettes: model answers recorded to readable JSON files and replayed
 * offline (docs/real-endpoints.md, "Cassettes"). A call's key is a SHA-256
 * of what determines its answer: the model's identity (provider, model,
 * sampling parameters) and the request (messages, response format). A file
 * holds the key, the identity, the request and the answer: never a header,
 * so never an API key. Files are created atomically and never replaced.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasErrorCode, writeNewFileSync } from '../../model/exclusive-file';
import type { CompletionRequest } from './client';

/** What a cassette file holds. */
export interface CassetteEntry {
  key: string;
  model: unknown;
  /** What of the request determines the answer. */
  request: unknown;
  /** The answer as recorded. */
  response: unknown;
}

/** JSON with object keys sorted, so equal values hash equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The request part of an entry: only what determines the answer (no signal). */
export function cassetteRequest(request: CompletionRequest): {
  messages: CompletionRequest['messages'];
  responseFormat: 'text' | 'json';
} {
  return {
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    responseFormat: request.responseFormat ?? 'text',
  };
}

/** The stable key of a call of `model` (its identity) with `request`. */
export function cassetteKey(model: unknown, request: unknown): string {
  return createHash('sha256').update(canonical({ model, request })).digest('hex');
}

/** The file of `key` under `dir`. */
export function cassetteFile(dir: string, key: string): string {
  return path.resolve(dir, `${key.slice(0, 32)}.json`);
}

/** The recorded answer for `key`, or undefined when there is none. */
export function readCassette(dir: string, key: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(cassetteFile(dir, key), 'utf8');
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  const entry = JSON.parse(text) as Partial<CassetteEntry>;
  if (entry.key !== key || entry.response === undefined)
    throw new TypeError(`cassette ${cassetteFile(dir, key)} must hold the answer for key ${key}`);
  return entry.response;
}

/** Records `entry`; a file already recorded for the key (another worker's) is kept. */
export function writeCassette(dir: string, entry: CassetteEntry): void {
  try {
    writeNewFileSync(cassetteFile(dir, entry.key), `${JSON.stringify(entry, null, 2)}\n`);
  } catch (error) {
    if (!hasErrorCode(error, 'EEXIST')) throw error;
  }
}
