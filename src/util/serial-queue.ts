/** Runs work per key one at a time, in arrival order; keys with nothing queued take no memory. */
export class SerialQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Queues `work` behind everything already queued for `key`; settles when `work` does. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    // The tail never rejects, so one failed turn does not poison the turns queued behind it.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Whether anything is queued or running for `key`. */
  busy(key: string): boolean {
    return this.tails.has(key);
  }
}
