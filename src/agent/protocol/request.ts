/** Requests sent to the agent: a prompt, attachments (inline payloads), or both. */
import { PayloadFormat } from '../../model/payload-format';
import { type Payload, type Request } from '../../model/trace-types';
import { isEnumValue } from '../../model/wire-enum';
import { describeValue } from '../../model/value-description';
import { argumentChecks } from '../../model/value-checks';

/** What a driver or a test may hand over as a request; missing fields take defaults. */
export interface RequestInput {
  prompt?: string | null;
  attachments?: readonly Payload[];
}

function checkAttachment(value: unknown, path: string): Payload {
  const payload = value as Partial<Payload> | null;
  if (
    payload === null ||
    typeof payload !== 'object' ||
    typeof payload.content !== 'string' ||
    typeof payload.id !== 'string' ||
    !isEnumValue(PayloadFormat, payload.format)
  ) {
    throw new TypeError(
      `${path} must be a Payload (content, id, format; see createPayload), got ${describeValue(value)}`,
    );
  }
  return payload as Payload;
}

/**
 * A validated {@link Request}. At least a prompt (possibly empty) or one
 * attachment is required, as upstream. `what` names the argument in errors.
 */
export function createRequest(input: RequestInput | string, what = 'request'): Request {
  if (typeof input === 'string') return { prompt: input, attachments: [] };
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw new TypeError(`${what} must be a string or a Request, got ${describeValue(input)}`);
  const prompt = input.prompt ?? null;
  if (prompt !== null && typeof prompt !== 'string')
    throw new TypeError(`${what}.prompt must be a string or null, got ${describeValue(prompt)}`);
  const attachments = input.attachments ?? [];
  argumentChecks.array(attachments, `${what}.attachments`);
  const checked = attachments.map((a, i) => checkAttachment(a, `${what}.attachments[${i}]`));
  if (prompt === null && checked.length === 0)
    throw new TypeError(`${what}: Request must include at least a prompt or attachments.`);
  return { prompt, attachments: checked };
}
