/**
 * return_eligibility: which items of a delivered order can still be returned,
 * why not otherwise, and until when (see return-policy.ts for the rules).
 */
import { z } from 'zod';
import { latest, orderNotFound, orderNumberSchema, ownOrderWhere, parseHistory } from './orders-shared';
import { assessItems, deliveryDate, type ItemEligibility } from './return-policy';
import { terms } from './text-match';
import type { Tool, ToolContext, ToolOutcome } from './types';

const input = z.object({
  orderNumber: orderNumberSchema,
  itemTitle: z.string().trim().min(1).max(200).optional(),
});

/** An order of the verified customer with its items judged by the policy, or null (not theirs / missing). */
export async function assessOrder(context: ToolContext, orderNumber: string) {
  const order = await context.db.order.findFirst({
    where: ownOrderWhere(context, orderNumber),
    include: {
      items: { include: { product: { select: { title: true, category: true, finalSale: true } } }, orderBy: { id: 'asc' } },
      shipments: true,
      returns: { select: { orderItemId: true, status: true } },
    },
  });
  if (!order) return null;
  const shipment = latest(order.shipments);
  const delivered = deliveryDate(shipment ? parseHistory(shipment.history) : [], order.placedAt);
  // A rejected return does not block a new request for the same item.
  const returned = new Set(order.returns.filter((r) => r.status !== 'rejected').map((r) => r.orderItemId));
  const items = assessItems(
    order.status,
    delivered,
    order.items.map((i) => ({ orderItemId: i.id, title: i.product.title, category: i.product.category, finalSale: i.product.finalSale, hasReturn: returned.has(i.id) })),
    context.now(),
  );
  return { order, deliveredAt: delivered, items };
}

/** Items whose title shares the most words with `query` (all of them when none does). */
export function pickItems(items: readonly ItemEligibility[], query: string): ItemEligibility[] {
  const wanted = new Set(terms(query));
  const scored = items.map((item) => ({ item, hits: terms(item.title).filter((t) => wanted.has(t)).length }));
  const best = Math.max(0, ...scored.map((s) => s.hits));
  return best === 0 ? [] : scored.filter((s) => s.hits === best).map((s) => s.item);
}

async function run(args: z.infer<typeof input>, context: ToolContext): Promise<ToolOutcome> {
  const assessed = await assessOrder(context, args.orderNumber);
  if (!assessed) return orderNotFound(context, 'return_eligibility');
  let items = assessed.items;
  if (args.itemTitle !== undefined) {
    items = pickItems(items, args.itemTitle);
    if (items.length === 0) return { status: 'refused', reason: 'item_not_in_order', data: { items: assessed.items.map((i) => i.title) } };
  }
  return {
    status: 'ok',
    data: {
      orderNumber: assessed.order.number,
      orderStatus: assessed.order.status,
      deliveredAt: assessed.order.status === 'delivered' || assessed.order.status === 'returned' ? assessed.deliveredAt.toISOString() : null,
      items,
    },
  };
}

/** The return_eligibility tool. */
export const returnEligibilityTool: Tool<typeof input> = {
  name: 'return_eligibility',
  description: 'Check which items of a delivered order can be returned and until when.',
  input,
  requiresVerifiedCustomer: true,
  run,
};
