/**
 * start_return: opens a return for one item after re-checking eligibility.
 * Idempotent per item: asking twice (a retry, an impatient shopper) returns
 * the return already opened instead of a second one.
 */
import { z } from 'zod';
import { formatMoney, orderNotFound, orderNumberSchema } from './orders-shared';
import { assessOrder } from './return-eligibility';
import type { Tool, ToolContext, ToolOutcome } from './types';

const input = z.object({
  orderNumber: orderNumberSchema,
  orderItemId: z.coerce.number().int().positive().optional(),
  reason: z.string().trim().min(1).max(500),
});

/** What the shopper does next; consistent with intents/store-policy.yml. */
export const RETURN_INSTRUCTIONS =
  'We have emailed you a prepaid return label. Pack the item with its original tags and packaging, attach the label and drop the parcel at any UPS or USPS location within 14 days. ' +
  'Your refund goes back to the original payment method within 5-7 business days after the return reaches our warehouse.';

async function run(args: z.infer<typeof input>, context: ToolContext): Promise<ToolOutcome> {
  const assessed = await assessOrder(context, args.orderNumber);
  if (!assessed) return orderNotFound(context, 'start_return');
  const { order, items } = assessed;
  const choices = items.map((i) => ({ orderItemId: i.orderItemId, title: i.title, eligible: i.eligible }));
  let itemId = args.orderItemId;
  if (itemId === undefined) {
    if (items.length !== 1) return { status: 'refused', reason: 'choose_item', data: { items: choices } };
    itemId = items[0]!.orderItemId;
  }
  const item = items.find((i) => i.orderItemId === itemId);
  if (!item) return { status: 'refused', reason: 'item_not_in_order', data: { items: choices } };
  const line = order.items.find((i) => i.id === itemId)!;

  // Existing open return first: that is what makes a repeated request idempotent.
  const existing = await context.db.return.findFirst({ where: { orderId: order.id, orderItemId: itemId, status: { not: 'rejected' } }, orderBy: { id: 'asc' } });
  if (existing) {
    return {
      status: 'ok',
      data: { returnId: existing.id, refundCents: existing.refundCents, refund: formatMoney(existing.refundCents, order.currency), status: existing.status, instructions: RETURN_INSTRUCTIONS, existing: true },
    };
  }
  if (!item.eligible) return { status: 'refused', reason: item.reason, data: { item } };
  const refundCents = line.unitPriceCents * line.quantity;
  const created = await context.db.return.create({
    data: { orderId: order.id, orderItemId: itemId, reason: args.reason, status: 'requested', refundCents, refundStatus: null, createdAt: context.now() },
  });
  context.audit('return_started', { orderNumber: order.number, orderItemId: itemId, customerId: order.customerId });
  return {
    status: 'ok',
    data: { returnId: created.id, refundCents, refund: formatMoney(refundCents, order.currency), status: created.status, instructions: RETURN_INSTRUCTIONS, existing: false },
  };
}

/** The start_return tool. */
export const startReturnTool: Tool<typeof input> = {
  name: 'start_return',
  description: 'Start a return for one item of a delivered order (re-checks eligibility; repeating it returns the same return).',
  input,
  requiresVerifiedCustomer: true,
  run,
};
