/** Sliding-window rate limit per connection: at most `limit` events per `windowMs`. */
export class SlidingWindowLimiter {
  private readonly times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Records an event if allowed; returns false when over the limit. */
  tryTake(now = Date.now()): boolean {
    while (this.times.length > 0 && now - this.times[0]! >= this.windowMs) this.times.shift();
    if (this.times.length >= this.limit) return false;
    this.times.push(now);
    return true;
  }
}
