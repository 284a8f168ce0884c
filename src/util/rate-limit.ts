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

/**
 * One sliding window per key (e.g. client IP) for public endpoints. Keys are
 * forgotten oldest-first past `maxKeys`, so a flood of addresses cannot grow
 * memory without bound.
 */
export class KeyedRateLimiter {
  private readonly windows = new Map<string, SlidingWindowLimiter>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly maxKeys = 10_000,
  ) {}

  tryTake(key: string, now = Date.now()): boolean {
    let window = this.windows.get(key);
    if (!window) {
      if (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
      window = new SlidingWindowLimiter(this.limit, this.windowMs);
      this.windows.set(key, window);
    }
    return window.tryTake(now);
  }
}
