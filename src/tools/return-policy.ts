/**
 * The return policy as code (pure, no database): return windows per
 * category, counted from delivery. intents/store-policy.yml states the same
 * rules in prose; test/tools/misc.test.ts keeps the two in step.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days to start a return after delivery, per Product.category. */
export const RETURN_WINDOW_DAYS: Readonly<Record<string, number>> = {
  clothing: 30,
  shoes: 30,
  bags: 30,
  furniture: 30,
  electronics: 15,
  beauty: 14,
};

/** Window for every category not listed above. */
export const DEFAULT_RETURN_WINDOW_DAYS = 30;

/** Categories that can only come back unopened (hygiene). */
export const UNOPENED_ONLY: ReadonlySet<string> = new Set(['beauty']);

/** Why an item is (not) returnable; also the start_return refusal reason. */
export type EligibilityReason = 'eligible' | 'final_sale' | 'window_expired' | 'not_delivered' | 'already_returned' | 'return_exists';

/** The verdict for one order item. */
export interface ItemEligibility {
  orderItemId: number;
  title: string;
  eligible: boolean;
  reason: EligibilityReason;
  /** Last moment to start the return (ISO), null when the order is not delivered. */
  deadline: string | null;
  /** Extra condition to tell the shopper ("unopened only"). */
  condition?: string;
}

/** What the policy needs to know about an order item. */
export interface PolicyItem {
  orderItemId: number;
  title: string;
  category: string;
  finalSale: boolean;
  /** A return already exists for this item (not rejected). */
  hasReturn: boolean;
}

/** Return window in days for a category. */
export function returnWindowDays(category: string): number {
  return RETURN_WINDOW_DAYS[category.toLowerCase()] ?? DEFAULT_RETURN_WINDOW_DAYS;
}

/** When the order arrived: the shipment's 'delivered' event, else (no tracking data) when it was placed. */
export function deliveryDate(history: readonly { status: string; at: string }[], placedAt: Date): Date {
  const delivered = history.filter((e) => e.status === 'delivered').map((e) => Date.parse(e.at)).filter((t) => !Number.isNaN(t));
  return delivered.length > 0 ? new Date(Math.max(...delivered)) : placedAt;
}

/** Applies the policy to each item of an order. */
export function assessItems(orderStatus: string, delivered: Date, items: readonly PolicyItem[], now: Date): ItemEligibility[] {
  return items.map((item) => {
    const days = returnWindowDays(item.category);
    const deadline = new Date(delivered.getTime() + days * DAY_MS);
    const base = {
      orderItemId: item.orderItemId,
      title: item.title,
      deadline: orderStatus === 'delivered' || orderStatus === 'returned' ? deadline.toISOString() : null,
      ...(UNOPENED_ONLY.has(item.category.toLowerCase()) ? { condition: 'unopened only' } : {}),
    };
    const refuse = (reason: EligibilityReason): ItemEligibility => ({ ...base, eligible: false, reason });
    if (orderStatus === 'returned') return refuse('already_returned');
    if (orderStatus !== 'delivered') return refuse('not_delivered');
    if (item.hasReturn) return refuse('return_exists');
    if (item.finalSale) return refuse('final_sale');
    if (now.getTime() > deadline.getTime()) return refuse('window_expired');
    return { ...base, eligible: true, reason: 'eligible' };
  });
}
