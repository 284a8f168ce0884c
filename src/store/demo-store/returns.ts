/**
 * Returns: every 'returned' order gets a return for one or more of its
 * returnable items (refunded, or refund pending/failed); a few recently
 * delivered orders have a return that is only requested or approved, and a few
 * attempts on final-sale items were rejected.
 */
import type { Rng } from './prng';
import { DAY, HOUR, MINUTE } from './time';
import type { OrderItemRow, OrderRow, ProductRow, RefundStatus, ReturnRow, ReturnStatus } from './types';

export interface ReturnInput {
  order: OrderRow;
  items: OrderItemRow[];
  deliveredAtMs: number | null;
  returnedAtMs: number | null;
}

const SIZE_REASONS = ['Too small', 'Too large', 'Too small', 'Too large', "Didn't fit well"];
const GENERIC_REASONS = ['Changed my mind', 'Arrived damaged', 'Not as described', 'Defective', 'Quality not as expected', 'Ordered by mistake', 'Found a better price', 'Wrong item sent', 'Color not as pictured'];

function reasonFor(rng: Rng, item: OrderItemRow): string {
  if (item.size !== null && rng.chance(0.65)) return rng.pick(SIZE_REASONS);
  return rng.pick(GENERIC_REASONS);
}

export function buildReturns(rng: Rng, inputs: readonly ReturnInput[], products: readonly ProductRow[], refMs: number, firstId = 1): ReturnRow[] {
  const rows: ReturnRow[] = [];
  const finalSale = (item: OrderItemRow) => (products[item.productId - 1] as ProductRow).finalSale;
  const push = (order: OrderRow, item: OrderItemRow, reason: string, status: ReturnStatus, refundStatus: RefundStatus | null, refundedAtMs: number | null, createdAtMs: number, refundCents = item.quantity * item.unitPriceCents) => {
    rows.push({ id: firstId + rows.length, orderId: order.id, orderItemId: item.id, reason, status, refundCents, refundStatus, refundedAt: refundedAtMs === null ? null : new Date(refundedAtMs), createdAt: new Date(createdAtMs) });
  };

  for (const { order, items, deliveredAtMs, returnedAtMs } of inputs) {
    if (deliveredAtMs === null) continue;
    const returnable = items.filter((i) => !finalSale(i));
    if (order.status === 'returned' && returnedAtMs !== null) {
      const chosen = returnable.length > 1 && rng.chance(0.2) ? returnable : rng.sample(returnable, 1);
      for (const item of chosen) {
        const createdAtMs = deliveredAtMs + Math.max(MINUTE, Math.floor((returnedAtMs - deliveredAtMs) * rng.range(0.15, 0.6)));
        const refundAtMs = returnedAtMs + rng.int(2, 72) * HOUR;
        const reason = reasonFor(rng, item);
        if (refundAtMs >= refMs) push(order, item, reason, 'received', 'pending', null, createdAtMs);
        else {
          const x = rng.float();
          if (x < 0.05) push(order, item, reason, 'received', 'failed', null, createdAtMs);
          else if (x < 0.08 && refMs - returnedAtMs < 10 * DAY) push(order, item, reason, 'received', 'pending', null, createdAtMs);
          else push(order, item, reason, 'refunded', 'issued', refundAtMs, createdAtMs);
        }
      }
      continue;
    }
    if (order.status !== 'delivered' || refMs - deliveredAtMs > 30 * DAY) continue;
    // A few open returns on recently delivered orders, and rejected attempts on final-sale items.
    const x = rng.float();
    const createdAtMs = deliveredAtMs + Math.floor((refMs - HOUR - deliveredAtMs) * rng.range(0.1, 0.9));
    if (x < 0.07 && returnable.length > 0) {
      const item = rng.pick(returnable);
      const approved = rng.chance(0.45);
      push(order, item, reasonFor(rng, item), approved ? 'approved' : 'requested', approved && rng.chance(0.5) ? 'pending' : null, null, createdAtMs);
    } else if (x < 0.1 && returnable.length < items.length) {
      const item = rng.pick(items.filter(finalSale));
      push(order, item, reasonFor(rng, item), 'rejected', null, null, createdAtMs, 0);
    }
  }
  return rows;
}
