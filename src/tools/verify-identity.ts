/**
 * verify_identity: proves the shopper is a customer by an email address plus
 * one of their order numbers. Every failure looks the same (unknown email,
 * unknown order, or a mismatch), so the tool cannot be used to learn whether
 * an email is registered or an order exists.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { orderNumberSchema } from './orders-shared';
import type { Tool, ToolContext, Verification } from './types';

/** Failed attempts after which the conversation is locked out (the engine counts them). */
export const MAX_VERIFICATION_FAILURES = 5;

const input = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  orderNumber: orderNumberSchema,
});

/** Hash for audit logs: lets analysts correlate attempts without storing the address. */
export function emailHash(email: string): string {
  return crypto.createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16);
}

/** Locked when too many failures, or while lockedUntil lies ahead (an unparseable date fails closed). */
export function isLocked(verification: Verification, now: Date): boolean {
  if (verification.failures >= MAX_VERIFICATION_FAILURES) return true;
  if (verification.lockedUntil === null) return false;
  const until = Date.parse(verification.lockedUntil);
  return Number.isNaN(until) || until > now.getTime();
}

function sameEmail(a: string, b: string): boolean {
  // Compare fixed-length digests in constant time so the comparison does not leak a prefix match.
  const da = crypto.createHash('sha256').update(a.toLowerCase()).digest();
  const db = crypto.createHash('sha256').update(b.toLowerCase()).digest();
  return crypto.timingSafeEqual(da, db);
}

async function run(args: z.infer<typeof input>, context: ToolContext) {
  const hash = emailHash(args.email);
  if (isLocked(context.verification, context.now())) {
    context.audit('verification_attempt', { success: false, locked: true, emailHash: hash });
    return { status: 'refused' as const, reason: 'locked' };
  }
  // One query by the unique order number whatever the email is: the work done
  // (and so the timing) is the same for unknown emails and wrong orders.
  const order = await context.db.order.findUnique({
    where: { number: args.orderNumber },
    select: { customer: { select: { id: true, name: true, email: true } } },
  });
  // Hash-compare even without an order so the unknown-order path does the same work.
  const matches = sameEmail(order?.customer.email ?? '', args.email);
  const success = order !== null && matches;
  context.audit('verification_attempt', { success, emailHash: hash, ...(success ? { customerId: order.customer.id } : {}) });
  if (!success) return { status: 'refused' as const, reason: 'verification_failed' };
  return { status: 'ok' as const, data: { customerId: order.customer.id, name: order.customer.name } };
}

/** The verify_identity tool. */
export const verifyIdentityTool: Tool<typeof input> = {
  name: 'verify_identity',
  description: 'Verify the shopper by email address and one of their order numbers.',
  input,
  requiresVerifiedCustomer: false,
  run,
};
