/**
 * Time helpers: every instant in the demo store is an offset from the
 * reference date, drawn from a store-activity calendar (growth over the 18
 * months of history, holiday peaks, busier evenings).
 */
import { WeightedSampler, type Rng } from './prng';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Length of the order history: 18 months. */
export const HISTORY_DAYS = 548;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Relative shopping activity per hour of day (UTC, close enough for a demo). */
const HOUR_WEIGHTS = [0.3, 0.2, 0.15, 0.15, 0.2, 0.3, 0.5, 0.7, 0.85, 0.95, 1, 1, 1.1, 1.05, 1, 1, 1.05, 1.15, 1.3, 1.45, 1.5, 1.35, 1.05, 0.6];

export class ActivityCalendar {
  private readonly days: WeightedSampler;
  private readonly hours = new WeightedSampler(HOUR_WEIGHTS);

  constructor(readonly refMs: number) {
    const weights: number[] = [];
    for (let d = 0; d < HISTORY_DAYS; d++) {
      const date = new Date(refMs - (d + 1) * DAY);
      const month = date.getUTCMonth();
      const day = date.getUTCDate();
      const growth = 0.6 + 0.8 * (1 - d / HISTORY_DAYS);
      let season = 1;
      if (month === 10 && day >= 20) season = 1.8; // Black Friday / Cyber Monday
      else if (month === 11 && day <= 20) season = 1.5; // holiday gifting
      else if (month === 0 || month === 1) season = 0.85;
      const recent = d < 21 ? 1.3 : 1;
      weights.push(growth * season * recent);
    }
    this.days = new WeightedSampler(weights);
  }

  /** An instant in the 18 months before the reference date, weighted by store activity. */
  sample(rng: Rng): number {
    const d = this.days.sample(rng);
    const hour = this.hours.sample(rng);
    return this.refMs - (d + 1) * DAY + hour * HOUR + Math.floor(rng.float() * HOUR);
  }

  /** Like sample(), but no earlier than `fromMs` (uniform in [fromMs, ref) when the draw is too early). */
  sampleAfter(rng: Rng, fromMs: number): number {
    const t = this.sample(rng);
    if (t >= fromMs) return t;
    return Math.min(this.refMs - MINUTE, fromMs + Math.floor(rng.float() * Math.max(HOUR, this.refMs - HOUR - fromMs)));
  }
}
