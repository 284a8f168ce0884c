/**
 * discount_code: checks a promo code against the store's code table. The
 * table lives here until codes get their own database table; conditions
 * (minimum subtotal, first order) are returned for the bot to explain and
 * are enforced again at checkout.
 */
import { z } from 'zod';
import { formatMoney } from './orders-shared';
import type { Tool, ToolContext, ToolOutcome } from './types';

/** One promo code and its conditions. */
export interface DiscountCode {
  code: string;
  kind: 'percent' | 'amount' | 'free_shipping';
  /** Percent off (kind 'percent') or cents off (kind 'amount'). */
  value: number;
  minSubtotalCents?: number;
  firstOrderOnly?: boolean;
  /** ISO instant after which the code no longer works. */
  expiresAt?: string;
  description: string;
}

/** The codes the demo store runs. */
export const DISCOUNT_CODES: readonly DiscountCode[] = [
  { code: 'WELCOME10', kind: 'percent', value: 10, firstOrderOnly: true, description: '10% off your first order' },
  { code: 'FREESHIP', kind: 'free_shipping', value: 0, minSubtotalCents: 5000, description: `free standard shipping on orders over ${formatMoney(5000)}` },
  { code: 'SAVE20', kind: 'amount', value: 2000, minSubtotalCents: 10000, description: `${formatMoney(2000)} off orders over ${formatMoney(10000)}` },
  { code: 'SUMMER25', kind: 'percent', value: 25, expiresAt: '2025-09-01T00:00:00.000Z', description: '25% off summer styles' },
];

/** Case, spaces and dashes do not matter ("save 20", "Save-20"). */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

/** The code matching `code` in any spelling, or undefined. */
export function findDiscountCode(code: string): DiscountCode | undefined {
  const wanted = normalizeCode(code);
  return DISCOUNT_CODES.find((c) => c.code === wanted);
}

const input = z.object({ code: z.string().trim().min(1).max(40) });

async function run(args: z.infer<typeof input>, context: ToolContext): Promise<ToolOutcome> {
  const found = findDiscountCode(args.code);
  if (!found) return { status: 'refused', reason: 'unknown_code' };
  if (found.expiresAt !== undefined && Date.parse(found.expiresAt) <= context.now().getTime()) {
    return { status: 'refused', reason: 'expired', data: { code: found.code, expiredAt: found.expiresAt } };
  }
  return {
    status: 'ok',
    data: {
      code: found.code,
      kind: found.kind,
      value: found.value,
      description: found.description,
      minSubtotalCents: found.minSubtotalCents ?? null,
      firstOrderOnly: found.firstOrderOnly ?? false,
      expiresAt: found.expiresAt ?? null,
    },
  };
}

/** The discount_code tool. */
export const discountCodeTool: Tool<typeof input> = {
  name: 'discount_code',
  description: 'Check whether a discount code is valid and what it gives.',
  input,
  requiresVerifiedCustomer: false,
  run,
};
