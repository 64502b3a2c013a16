/**
 * Payloads: the content planted for or sent to the agent, and their ids.
 * Ids become file and upload names on surfaces, hence the strict alphabet.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { PayloadFormat, isTextFormat } from '../../model/payload-format';
import type { Payload } from '../../model/trace-types';
import { isEnumValue } from '../../model/wire-enum';
import { describeValue } from '../../model/value-description';
import { argumentChecks } from '../../model/value-checks';

const PAYLOAD_ID = /^[A-Za-z0-9._-]{1,128}$/;
/**
 * Throws unless `id` is 1-128 characters of letters, digits, `.`, `_` and `-`
 * and is not `.` or `..`. Returns the id.
 */
export function validatePayloadId(id: unknown): string {
  if (typeof id !== 'string' || !PAYLOAD_ID.test(id) || id === '.' || id === '..') {
    throw new TypeError(
      `Invalid payload id: ${describeValue(id)}. Payload IDs must be 1-128 characters using only letters, numbers, '.', '_', and '-'.`,
    );
  }
  return id;
}

/** A fresh random payload id: 12 hex characters, as upstream. */
export function newPayloadId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 12);
}

/** Options of {@link createPayload}. */
export interface PayloadInit {
  /** The human-readable semantic text, also for binary formats (for reports). */
  content: string;
  /** Defaults to {@link newPayloadId}. */
  id?: string;
  /** Defaults to `text`. */
  format?: PayloadFormat;
  /** Rendered file of a binary format; must be absent for text formats. */
  artifact?: string | null;
  /** Provenance (template, converter, ...). */
  metadata?: Record<string, unknown>;
}

/** A validated {@link Payload}. */
export function createPayload(init: PayloadInit): Payload {
  if (init === null || typeof init !== 'object')
    throw new TypeError(`Payload options must be an object, got ${describeValue(init)}`);
  argumentChecks.string(init.content, 'Payload content');
  const id = init.id === undefined ? newPayloadId() : validatePayloadId(init.id);
  const format = init.format ?? PayloadFormat.TEXT;
  if (!isEnumValue(PayloadFormat, format)) {
    throw new TypeError(
      `Payload format must be one of ${Object.values(PayloadFormat).join(', ')}, got ${describeValue(format)}`,
    );
  }
  const artifact = init.artifact ?? null;
  if (artifact !== null && typeof artifact !== 'string')
    throw new TypeError(`Payload artifact must be a file path, got ${describeValue(artifact)}`);
  if (isTextFormat(format) && artifact !== null) {
    throw new TypeError(
      `Text format ${format} delivers content directly — artifact must be null, got ${describeValue(artifact)}.`,
    );
  }
  if (!isTextFormat(format)) {
    if (artifact === null) {
      throw new TypeError(
        `Binary format ${format} requires an artifact path. Provide artifact or use a converter to render the payload.`,
      );
    }
    if (!existsSync(artifact))
      throw new Error(`Artifact file does not exist: ${describeValue(artifact, 200)}`);
  }
  const metadata = init.metadata ?? {};
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata))
    throw new TypeError(`Payload metadata must be a plain object, got ${describeValue(metadata)}`);
  return { content: init.content, id, format, artifact, metadata: { ...metadata } };
}
