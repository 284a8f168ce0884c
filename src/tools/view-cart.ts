/** view_cart: what the conversation's cart holds, with totals. */
import { z } from 'zod';
import { summarizeCart, type CartStore } from './cart-store';
import type { Tool, ToolContext, ToolOutcome } from './types';

const input = z.object({});

/** The view_cart tool over `store`. */
export function createViewCartTool(store: CartStore): Tool<typeof input> {
  return {
    name: 'view_cart',
    description: 'Show the shopping cart.',
    input,
    requiresVerifiedCustomer: false,
    async run(_args: z.infer<typeof input>, context: ToolContext): Promise<ToolOutcome> {
      return { status: 'ok', data: summarizeCart(await store.get(context.conversationId)) };
    },
  };
}
