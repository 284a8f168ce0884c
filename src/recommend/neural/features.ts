/**
 * History encoding shared by the neural model's training and inference: three
 * weighted bags of item indexes (the last item, a short-term bag with recency
 * decay, a long-term bag with equal weights), each normalised to sum 1.
 */

export interface BagSettings {
  shortWindow: number;
  shortDecay: number;
  longWindow: number;
}

/** A weighted set of items. */
export interface Bag {
  items: number[];
  weights: number[];
}

/** Number of bags, so the encoder input is BAG_COUNT x dim. */
export const BAG_COUNT = 3;

/**
 * Bags of `items[0..end)` (oldest first).
 * @param keep optional filter for the long-term bag (training-time item dropout).
 */
export function historyBags(items: ArrayLike<number>, end: number, settings: BagSettings, keep?: () => boolean): Bag[] {
  const last: Bag = { items: [], weights: [] };
  const short: Bag = { items: [], weights: [] };
  const long: Bag = { items: [], weights: [] };
  if (end > 0) {
    last.items.push(items[end - 1]!);
    last.weights.push(1);
    let w = 1;
    let total = 0;
    for (let p = end - 1; p >= Math.max(0, end - settings.shortWindow); p--) {
      short.items.push(items[p]!);
      short.weights.push(w);
      total += w;
      w *= settings.shortDecay;
    }
    short.weights = short.weights.map((x) => x / total);
    for (let p = end - 1; p >= Math.max(0, end - settings.longWindow); p--) if (!keep || keep() || p === end - 1) long.items.push(items[p]!);
    long.weights = long.items.map(() => 1 / long.items.length);
  }
  return [last, short, long];
}
