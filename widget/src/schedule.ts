/** Timers with exponential backoff that can all be cancelled at once. No DOM. */
type Timer = ReturnType<typeof setTimeout>;

export class Scheduler {
  private readonly timers = new Set<Timer>();
  private stopped = false;

  constructor(
    private readonly baseMs: number,
    private readonly maxMs: number,
  ) {}

  /** baseMs (times scale), doubling per attempt up to maxMs, with ±20% jitter so many widgets do not retry in step. */
  backoff(attempt: number, scale = 1): number {
    const delay = Math.min(this.maxMs, this.baseMs * scale * 2 ** Math.max(0, attempt - 1));
    return Math.round(delay * (0.8 + Math.random() * 0.4));
  }

  later(ms: number, fn: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) fn();
    }, ms);
    this.timers.add(timer);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
