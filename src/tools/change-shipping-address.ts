/**
 * change_shipping_address: updates where an order goes, only while it is
 * still being prepared (after that the carrier owns the parcel).
 */
import { z } from 'zod';
import { notChangeableReason, orderNotFound, orderNumberSchema, ownOrderWhere } from './orders-shared';
import type { Tool, ToolContext, ToolOutcome } from './types';

const line = z.string().trim().min(1).max(120);

const input = z.object({
  orderNumber: orderNumberSchema,
  address: z.object({
    line1: line,
    city: line,
    postalCode: z.string().trim().min(2).max(16).optional(),
    country: z.string().trim().min(2).max(56).optional(),
  }),
});

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

async function run(args: z.infer<typeof input>, context: ToolContext): Promise<ToolOutcome> {
  const order = await context.db.order.findFirst({ where: ownOrderWhere(context, args.orderNumber), select: { id: true, number: true, status: true, shippingAddress: true } });
  if (!order) return orderNotFound(context, 'change_shipping_address');
  if (order.status !== 'processing') return { status: 'refused', reason: notChangeableReason(order.status) };
  const previous = asRecord(order.shippingAddress);
  // Keep the recipient name (and country/postcode unless given): the shopper restates the street, not everything.
  const address = {
    ...previous,
    line1: args.address.line1,
    city: args.address.city,
    ...(args.address.postalCode !== undefined ? { postalCode: args.address.postalCode } : {}),
    ...(args.address.country !== undefined ? { country: args.address.country } : {}),
  } as Record<string, string>;
  const updated = await context.db.order.updateMany({ where: { id: order.id, status: 'processing' }, data: { shippingAddress: address } });
  if (updated.count === 0) {
    // It changed under us (shipped or cancelled meanwhile): report what it is now.
    const current = await context.db.order.findUnique({ where: { id: order.id }, select: { status: true } });
    return { status: 'refused', reason: notChangeableReason(current?.status ?? 'unknown') };
  }
  context.audit('shipping_address_changed', { orderNumber: order.number, customerId: context.verification.customerId });
  return { status: 'ok', data: { orderNumber: order.number, shippingAddress: address } };
}

/** The change_shipping_address tool. */
export const changeShippingAddressTool: Tool<typeof input> = {
  name: 'change_shipping_address',
  description: 'Change the shipping address of an order that has not shipped yet.',
  input,
  requiresVerifiedCustomer: true,
  run,
};
