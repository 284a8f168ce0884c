/**
 * cancel_order: cancels an order that has not left the warehouse. Two steps:
 * without confirmation it only describes what would be cancelled, so the
 * shopper always sees the order before it is gone.
 */
import { z } from 'zod';
import { notChangeableReason, orderNotFound, orderNumberSchema, ownOrderWhere, summarizeOrder, SUMMARY_INCLUDE } from './orders-shared';
import type { Tool, ToolContext, ToolOutcome } from './types';

const input = z.object({
  orderNumber: orderNumberSchema,
  confirmed: z.boolean().default(false),
});

async function run(args: z.infer<typeof input>, context: ToolContext): Promise<ToolOutcome> {
  const where = ownOrderWhere(context, args.orderNumber);
  const order = await context.db.order.findFirst({ where, include: SUMMARY_INCLUDE });
  if (!order) return orderNotFound(context, 'cancel_order');
  const summary = summarizeOrder(order);
  if (order.status !== 'processing') return { status: 'refused', reason: notChangeableReason(order.status), data: { order: summary } };
  if (!args.confirmed) return { status: 'ok', data: { needsConfirmation: true, order: summary } };

  const now = context.now();
  const cancelled = await context.db.$transaction(async (tx) => {
    // Conditional update: if the warehouse shipped it since we read it, nothing changes.
    const updated = await tx.order.updateMany({ where: { id: order.id, status: 'processing' }, data: { status: 'cancelled' } });
    if (updated.count === 0) return false;
    await tx.shipment.updateMany({ where: { orderId: order.id, status: 'processing' }, data: { status: 'cancelled', updatedAt: now } });
    return true;
  });
  if (!cancelled) {
    const current = await context.db.order.findFirst({ where, select: { status: true } });
    return { status: 'refused', reason: notChangeableReason(current?.status ?? 'unknown'), data: { order: summary } };
  }
  context.audit('order_cancelled', { orderNumber: order.number, customerId: order.customerId });
  return { status: 'ok', data: { cancelled: true, order: { ...summary, status: 'cancelled' }, refundCents: order.totalCents } };
}

/** The cancel_order tool. */
export const cancelOrderTool: Tool<typeof input> = {
  name: 'cancel_order',
  description: 'Cancel an order that has not shipped yet; call with confirmed=false first to show the shopper what will be cancelled.',
  input,
  requiresVerifiedCustomer: true,
  run,
};
