/**
 * The default way a framework adapter turns a {@link Request} into the user
 * message it sends: the prompt, then each attachment inline between markers,
 * as a chat client pastes a document (docs/adapters.md, "Attachments").
 */
import type { Request } from '../../../model/trace-types';

/** Turns a request into the text of one user message. */
export type RequestRenderer = (request: Request) => string;

/**
 * The prompt (absent when `null`), then every attachment as
 * `[attached document: <id>]`, its content and `[end attachment]`, separated
 * by blank lines.
 */
export function renderRequest(request: Request): string {
  const parts = request.prompt === null ? [] : [request.prompt];
  for (const payload of request.attachments) {
    parts.push(`[attached document: ${payload.id}]\n${payload.content}\n[end attachment]`);
  }
  return parts.join('\n\n');
}
