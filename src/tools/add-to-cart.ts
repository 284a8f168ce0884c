/**
 * add_to_cart: puts a product in the conversation's cart after checking it
 * exists, is in stock (counting what the cart already holds) and comes in
 * the size asked for.
 */
import { z } from 'zod';
import { offersSize, parseSizes } from './catalog';
import { summarizeCart, type CartStore } from './cart-store';
import type { Tool, ToolContext, ToolOutcome } from './types';

/** Most units of one line a chat can add (bulk orders go through sales). */
export const MAX_LINE_QUANTITY = 10;

const input = z.object({
  productId: z.coerce.number().int().positive(),
  quantity: z.coerce.number().int().min(1).max(MAX_LINE_QUANTITY).default(1),
  size: z.coerce.string().trim().min(1).max(12).optional(),
});

/** The add_to_cart tool over `store`. */
export function createAddToCartTool(store: CartStore): Tool<typeof input> {
  async function run(args: z.infer<typeof input>, context: ToolContext): Promise<ToolOutcome> {
    // Fresh read, not the cached catalog: stock decides whether we may add it.
    const product = await context.db.product.findUnique({
      where: { id: args.productId },
      select: { id: true, title: true, priceCents: true, currency: true, stock: true, sizes: true },
    });
    if (!product) return { status: 'refused', reason: 'unknown_product' };
    if (product.stock <= 0) return { status: 'refused', reason: 'out_of_stock', data: { productId: product.id, title: product.title } };
    const sizes = parseSizes(product.sizes);
    let size: string | null = null;
    if (sizes.length > 0) {
      if (args.size === undefined) return { status: 'refused', reason: 'size_required', data: { productId: product.id, sizes } };
      if (!offersSize(sizes, args.size)) return { status: 'refused', reason: 'size_not_offered', data: { productId: product.id, sizes } };
      size = sizes.find((s) => offersSize([s], args.size!))!;
    }
    // A size on a sizeless product (a stray entity from the NLU) is ignored rather than refused.
    const lines = await store.get(context.conversationId);
    const same = lines.find((l) => l.productId === product.id && l.size === size);
    const inCart = lines.filter((l) => l.productId === product.id).reduce((sum, l) => sum + l.quantity, 0);
    if (inCart + args.quantity > product.stock) {
      return { status: 'refused', reason: 'insufficient_stock', data: { productId: product.id, available: Math.max(0, product.stock - inCart) } };
    }
    if ((same?.quantity ?? 0) + args.quantity > MAX_LINE_QUANTITY) {
      return { status: 'refused', reason: 'quantity_limit', data: { productId: product.id, max: MAX_LINE_QUANTITY } };
    }
    if (same) same.quantity += args.quantity;
    else lines.push({ productId: product.id, title: product.title, size, quantity: args.quantity, unitPriceCents: product.priceCents, currency: product.currency });
    await store.set(context.conversationId, lines);
    const cart = summarizeCart(lines);
    return {
      status: 'ok',
      data: { added: { productId: product.id, title: product.title, size, quantity: args.quantity }, title: product.title, count: cart.itemCount, totalCents: cart.totalCents, cart },
    };
  }
  return {
    name: 'add_to_cart',
    description: 'Add a product (with size when it has sizes) to the shopping cart.',
    input,
    requiresVerifiedCustomer: false,
    run,
  };
}
