/**
 * check_stock: live stock of a product (read fresh, not from the cached
 * catalog) and whether a size is offered. Stock is tracked per product, not
 * per size, in this schema.
 */
import { z } from 'zod';
import { offersSize, parseSizes } from './catalog';
import type { Tool, ToolContext, ToolOutcome } from './types';

/** Below this, the bot says "only a few left". */
export const LOW_STOCK = 5;

const input = z.object({
  productId: z.coerce.number().int().positive(),
  size: z.coerce.string().trim().min(1).max(12).optional(),
});

async function run(args: z.infer<typeof input>, context: ToolContext): Promise<ToolOutcome> {
  const product = await context.db.product.findUnique({ where: { id: args.productId }, select: { id: true, title: true, stock: true, sizes: true } });
  if (!product) return { status: 'not_found' };
  const sizes = parseSizes(product.sizes);
  return {
    status: 'ok',
    data: {
      productId: product.id,
      title: product.title,
      stock: product.stock,
      inStock: product.stock > 0,
      lowStock: product.stock > 0 && product.stock < LOW_STOCK,
      sizes,
      ...(args.size !== undefined ? { size: args.size, sizeOffered: offersSize(sizes, args.size) } : {}),
    },
  };
}

/** The check_stock tool. */
export const checkStockTool: Tool<typeof input> = {
  name: 'check_stock',
  description: 'Whether a product is in stock and offered in a size.',
  input,
  requiresVerifiedCustomer: false,
  run,
};
