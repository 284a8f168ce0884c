/**
 * order_status: where an order of the verified customer stands, with its
 * parcel timeline; without a number, the customer's most recent orders.
 */
import { z } from 'zod';
import type { RichPart } from '../dialogue/reply';
import { latest, orderNotFound, orderNumberSchema, ownOrderWhere, parseHistory, toTimeline, verifiedCustomerId } from './orders-shared';
import type { Tool, ToolContext, ToolOutcome } from './types';

/** How many orders "my orders" lists. */
const RECENT_ORDERS = 5;

const input = z.object({ orderNumber: orderNumberSchema.optional() });

async function recentOrders(context: ToolContext): Promise<ToolOutcome> {
  const orders = await context.db.order.findMany({
    where: { customerId: verifiedCustomerId(context) },
    orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
    take: RECENT_ORDERS,
    select: { number: true, status: true, placedAt: true },
  });
  return { status: 'ok', data: { orders: orders.map((o) => ({ number: o.number, status: o.status, placedAt: o.placedAt.toISOString() })) } };
}

async function run(args: z.infer<typeof input>, context: ToolContext): Promise<ToolOutcome> {
  if (args.orderNumber === undefined) return recentOrders(context);
  const order = await context.db.order.findFirst({
    where: ownOrderWhere(context, args.orderNumber),
    include: {
      items: { include: { product: { select: { title: true } } }, orderBy: { id: 'asc' } },
      shipments: true,
    },
  });
  if (!order) return orderNotFound(context, 'order_status');
  const shipment = latest(order.shipments);
  const events = shipment ? parseHistory(shipment.history) : [];
  const eta = shipment?.eta ? shipment.eta.toISOString() : null;
  const timeline: RichPart = {
    type: 'order_timeline',
    orderNumber: order.number,
    status: order.status,
    ...(eta ? { eta } : {}),
    ...(shipment ? { carrier: shipment.carrier, trackingNumber: shipment.trackingNumber } : {}),
    events: toTimeline(events),
  };
  const delay = [...events].reverse().find((e) => e.status === 'delayed' && e.reason);
  return {
    status: 'ok',
    data: {
      order: {
        number: order.number,
        status: order.status,
        totalCents: order.totalCents,
        placedAt: order.placedAt.toISOString(),
        items: order.items.map((i) => ({ title: i.product.title, quantity: i.quantity })),
        eta,
        carrier: shipment?.carrier ?? null,
        trackingNumber: shipment?.trackingNumber ?? null,
        ...(order.status === 'delayed' && delay?.reason ? { delayReason: delay.reason } : {}),
      },
    },
    reply: { parts: [timeline] },
  };
}

/** The order_status tool. */
export const orderStatusTool: Tool<typeof input> = {
  name: 'order_status',
  description: "Status, ETA, carrier and tracking timeline of one of the verified customer's orders, or their recent orders.",
  input,
  requiresVerifiedCustomer: true,
  run,
};
