/**
 * A token bucket: `capacity` tokens, refilled continuously at `perMinute`
 * per minute. Callers take tokens before a call (requests) or after it
 * (tokens the endpoint reported): the balance may go negative, and the next
 * taker then waits until it is paid back. Clock and sleep are injected so
 * tests are deterministic.
 */

/** Time as the limiter sees it. */
export interface Clock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason once it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** A bucket of `perMinute` tokens refilled continuously. */
export class TokenBucket {
  private balance: number;
  private updated: number;
  /** Takers in order, so a waiting caller is not overtaken by later ones. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly perMinute: number,
    private readonly clock: Clock,
    readonly capacity = perMinute,
  ) {
    this.balance = capacity;
    this.updated = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.balance = Math.min(
      this.capacity,
      this.balance + ((now - this.updated) * this.perMinute) / 60_000,
    );
    this.updated = now;
  }

  /** Waits until `count` tokens are there (in arrival order), then takes them. */
  take(count: number, signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        signal?.throwIfAborted();
        this.refill();
        if (this.balance >= Math.min(count, this.capacity)) {
          this.balance -= count;
          return;
        }
        const missing = Math.min(count, this.capacity) - this.balance;
        await this.clock.sleep(Math.ceil((missing * 60_000) / this.perMinute), signal);
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Takes `count` tokens now, going into debt if needed (usage known after the call). */
  charge(count: number): void {
    this.refill();
    this.balance -= count;
  }
}

/** At most `limit` holders at once; the others wait in arrival order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  /** Resolves to a release function once a slot is free. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.active >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const wake = (): void => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = (): void => {
          const index = this.waiting.indexOf(wake);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal?.reason as unknown);
        };
        this.waiting.push(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    } else this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    };
  }
}
