/**
 * refund_status: the returns of the verified customer's orders and where
 * their refunds stand.
 */
import { z } from 'zod';
import { formatMoney, orderNotFound, orderNumberSchema, ownOrderWhere, verifiedCustomerId } from './orders-shared';
import type { Tool, ToolContext, ToolOutcome } from './types';

/** Without an order number, this many most recent returns. */
const RECENT_RETURNS = 10;

const input = z.object({ orderNumber: orderNumberSchema.optional() });

async function run(args: z.infer<typeof input>, context: ToolContext): Promise<ToolOutcome> {
  let orderFilter: { orderId: number } | { order: { customerId: number } };
  if (args.orderNumber !== undefined) {
    const order = await context.db.order.findFirst({ where: ownOrderWhere(context, args.orderNumber), select: { id: true } });
    if (!order) return orderNotFound(context, 'refund_status');
    orderFilter = { orderId: order.id };
  } else {
    orderFilter = { order: { customerId: verifiedCustomerId(context) } };
  }
  const returns = await context.db.return.findMany({
    where: orderFilter,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: RECENT_RETURNS,
    include: { order: { select: { number: true, currency: true } }, orderItem: { include: { product: { select: { title: true } } } } },
  });
  return {
    status: 'ok',
    data: {
      returns: returns.map((r) => ({
        returnId: r.id,
        orderNumber: r.order.number,
        itemTitle: r.orderItem?.product.title ?? null,
        status: r.status,
        refundCents: r.refundCents,
        refund: formatMoney(r.refundCents, r.order.currency),
        refundStatus: r.refundStatus,
        refundedAt: r.refundedAt ? r.refundedAt.toISOString() : null,
        requestedAt: r.createdAt.toISOString(),
      })),
    },
  };
}

/** The refund_status tool. */
export const refundStatusTool: Tool<typeof input> = {
  name: 'refund_status',
  description: "Returns and refund status of the verified customer's orders (one order, or the most recent).",
  input,
  requiresVerifiedCustomer: true,
  run,
};
