/**
 * What the order tools share: the order-number input, the ownership rule
 * (every lookup is scoped to the verified customer, so another shopper's
 * order is indistinguishable from a missing one), shipment history parsing
 * and money formatting.
 */
import { z } from 'zod';
import type { TimelineEvent } from '../dialogue/reply';
import type { ToolContext, ToolOutcome } from './types';

/** "48213", "#48213", "order 48213" or the number 48213 -> "48213". */
export const orderNumberSchema = z.coerce
  .string()
  .trim()
  .transform((s) => s.replace(/^(order\s*)?(number\s*|no\.\s*)?#?\s*/i, ''))
  .pipe(z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'expected an order number such as 48213'));

/** Statuses after which a parcel has left the warehouse. */
export const SHIPPED_STATUSES: ReadonlySet<string> = new Set(['shipped', 'in_transit', 'delayed', 'delivered']);

/**
 * The verified customer's id. The registry already refuses unverified calls;
 * this guards a handler called directly (a bug), which must fail loudly.
 */
export function verifiedCustomerId(context: ToolContext): number {
  const id = context.verification.customerId;
  if (id === null) throw new Error('order tool called without a verified customer (bypassed the registry)');
  return id;
}

/** Prisma `where` for "this order number, if it belongs to the verified customer". */
export function ownOrderWhere(context: ToolContext, orderNumber: string): { number: string; customerId: number } {
  return { number: orderNumber, customerId: verifiedCustomerId(context) };
}

/**
 * The answer for an order the customer does not own or that does not exist.
 * Deliberately carries no data (not even the number asked for) so both
 * cases are byte-for-byte identical.
 */
export function orderNotFound(context: ToolContext, tool: string): ToolOutcome {
  context.audit('order_lookup_miss', { tool, customerId: context.verification.customerId });
  return { status: 'not_found' };
}

/** Why an order can no longer be changed ('already_shipped', 'already_cancelled', ...). */
export function notChangeableReason(status: string): string {
  if (SHIPPED_STATUSES.has(status)) return 'already_shipped';
  if (status === 'cancelled') return 'already_cancelled';
  if (status === 'returned') return 'already_returned';
  return `not_changeable_${status}`;
}

const shipmentEventSchema = z.object({
  status: z.string(),
  at: z.string(),
  location: z.string().optional(),
  reason: z.string().optional(),
});

/** One Shipment.history entry. */
export type ShipmentEvent = z.infer<typeof shipmentEventSchema>;

/**
 * Shipment.history as events in time order. Malformed entries are an error,
 * not skipped: a silently shortened timeline would mislead the shopper.
 */
export function parseHistory(history: unknown): ShipmentEvent[] {
  const events = z.array(shipmentEventSchema).parse(history);
  return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** History events in the reply's TimelineEvent shape (a delay reason becomes the note). */
export function toTimeline(events: readonly ShipmentEvent[]): TimelineEvent[] {
  return events.map((e) => ({
    status: e.status,
    at: e.at,
    ...(e.location !== undefined ? { location: e.location } : {}),
    ...(e.reason !== undefined ? { note: e.reason } : {}),
  }));
}

/** The most recently updated shipment, or undefined. */
export function latest<T extends { updatedAt: Date }>(shipments: readonly T[]): T | undefined {
  return [...shipments].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
}

/** "$74.99" (any ISO currency; en-US formatting). */
export function formatMoney(cents: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

/** Short order facts for confirmations ("cancel order 48215, a blender, $129.99?"). */
export interface OrderSummary {
  number: string;
  status: string;
  totalCents: number;
  total: string;
  placedAt: string;
  items: { title: string; quantity: number; size: string | null }[];
}

/** OrderSummary of an order loaded with SUMMARY_INCLUDE. */
export function summarizeOrder(order: {
  number: string;
  status: string;
  totalCents: number;
  currency: string;
  placedAt: Date;
  items: { quantity: number; size: string | null; product: { title: string } }[];
}): OrderSummary {
  return {
    number: order.number,
    status: order.status,
    totalCents: order.totalCents,
    total: formatMoney(order.totalCents, order.currency),
    placedAt: order.placedAt.toISOString(),
    items: order.items.map((i) => ({ title: i.product.title, quantity: i.quantity, size: i.size })),
  };
}

/** Prisma include for summarizeOrder. */
export const SUMMARY_INCLUDE = { items: { include: { product: { select: { title: true } } }, orderBy: { id: 'asc' } } } as const;
