/**
 * The run channel: how workers learn where to write. The reporter is built
 * before any worker exists, so an environment variable it sets is inherited by
 * every worker process and thread of this Jest run, and by no other run.
 */
import { isMainThread } from 'node:worker_threads';

/** Environment variable carrying the channel, as JSON. */
export const RUN_ENV_VAR = 'RAMPART_RUN';

/** What the reporter tells the environments of its run. */
export interface RunChannel {
  v: 1;
  /** Private spool directory of this run. */
  dir: string;
  /** pid of the Jest process that owns the reporter. */
  ownerPid: number;
  /** Per-Result size cap of the transport, in bytes. */
  maxResultBytes: number;
}

/** Serialises a channel for {@link RUN_ENV_VAR}. */
export function encodeChannel(channel: RunChannel): string {
  return JSON.stringify(channel);
}

/** The last text decoded and its channel: every test file of a worker decodes the same. */
let lastDecoded: { raw: string; channel: RunChannel | undefined } | null = null;

/** Parses {@link RUN_ENV_VAR}; undefined when absent or not ours. */
export function decodeChannel(raw: string | undefined): RunChannel | undefined {
  if (!raw) return undefined;
  if (lastDecoded?.raw !== raw) lastDecoded = { raw, channel: parseChannel(raw) };
  return lastDecoded.channel;
}

function parseChannel(raw: string): RunChannel | undefined {
  try {
    const value = JSON.parse(raw) as Partial<RunChannel>;
    if (
      value.v === 1 &&
      typeof value.dir === 'string' &&
      typeof value.ownerPid === 'number' &&
      typeof value.maxResultBytes === 'number'
    ) {
      return value as RunChannel;
    }
  } catch {
    // Not a channel we understand.
  }
  return undefined;
}

/**
 * True when this process belongs to the Jest run that published the channel:
 * the reporter's own process (in band, worker threads) or one of its child
 * processes. A Jest started from inside a test inherits the variable but is
 * neither, so it does not write into its parent's run.
 */
export function ownsChannel(channel: RunChannel): boolean {
  if (process.pid === channel.ownerPid) return true;
  return isMainThread && process.ppid === channel.ownerPid;
}
