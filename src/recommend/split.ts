/**
 * Leave-last-out split: for every shopper with enough distinct items, the item
 * they reached last (latest first interaction) is held out with all of its
 * interactions; the rest is training data. Used by the evaluation (test item)
 * and inside training (validation item for the ranker).
 */
import { timeOrder } from './dataset';
import type { Interaction } from './types';

export interface HoldoutSplit {
  train: Interaction[];
  /** Shopper -> held-out item id. */
  heldOut: Map<string, string>;
}

/**
 * @param minItems shoppers with fewer distinct items keep all their data in training.
 * @example leaveLastOut(log, 3).heldOut.get('u1') // the item u1 reached last
 */
export function leaveLastOut(interactions: readonly Interaction[], minItems = 3): HoldoutSplit {
  const order = timeOrder(interactions);
  const distinct = new Map<string, Set<string>>();
  const last = new Map<string, string>();
  for (const k of order) {
    const e = interactions[k]!;
    let seen = distinct.get(e.user);
    if (!seen) distinct.set(e.user, (seen = new Set()));
    if (!seen.has(e.item)) {
      seen.add(e.item);
      last.set(e.user, e.item);
    }
  }
  const heldOut = new Map<string, string>();
  for (const [user, item] of last) if (distinct.get(user)!.size >= minItems) heldOut.set(user, item);
  const train = interactions.filter((e) => heldOut.get(e.user) !== e.item);
  return { train, heldOut };
}
