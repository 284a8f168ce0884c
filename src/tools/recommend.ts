/**
 * recommend: "you may also like" cards with a reason each. Gathers the
 * signals from the database (co-purchases of the seed product, recent
 * interaction counts) and leaves the scoring to recommend-baseline.ts.
 */
import { z } from 'zod';
import { loadCatalog, sameCategory, toCard, type CatalogProduct } from './catalog';
import { recommendBaseline, type CoPurchase, type PopularityCount, type RecProduct } from './recommend-baseline';
import { terms } from './text-match';
import type { Tool, ToolContext, ToolOutcome } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** "Recent" for popularity; older events still count a little (see OLD_EVENT_WEIGHT). */
const RECENT_DAYS = 90;
/** Events older than this are ignored altogether (keeps the aggregation small). */
const HISTORY_DAYS = 365;
/** Bounds the IN lists of the co-purchase query on very popular products. */
const MAX_SEED_BASKETS = 1000;

const input = z.object({
  productId: z.coerce.number().int().positive().optional(),
  category: z.string().trim().min(1).max(60).optional(),
  /** Dollars, inclusive. */
  maxPrice: z.coerce.number().nonnegative().max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(20).default(5),
  excludeIds: z.array(z.coerce.number().int().positive()).max(500).default([]),
});

const contentTerms = new WeakMap<CatalogProduct, string[]>();
function toRecProduct(p: CatalogProduct): RecProduct {
  let t = contentTerms.get(p);
  if (!t) {
    const attributeWords = Object.values(p.attributes).flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => typeof v === 'string');
    contentTerms.set(p, (t = [...new Set(terms(`${p.title} ${p.material ?? ''} ${attributeWords.join(' ')}`))]));
  }
  return { id: p.id, title: p.title, category: p.category, priceCents: p.priceCents, stock: p.stock, terms: t };
}

async function popularity(context: ToolContext): Promise<PopularityCount[]> {
  const now = context.now().getTime();
  const recentFrom = new Date(now - RECENT_DAYS * DAY_MS);
  const count = (from: Date, to: Date) =>
    context.db.interaction.groupBy({ by: ['productId', 'kind'], where: { at: { gte: from, lt: to } }, _count: { _all: true } });
  const [recent, older] = await Promise.all([count(recentFrom, new Date(now + 1)), count(new Date(now - HISTORY_DAYS * DAY_MS), recentFrom)]);
  return [
    ...recent.map((r) => ({ productId: r.productId, kind: r.kind, count: r._count._all, recent: true })),
    ...older.map((r) => ({ productId: r.productId, kind: r.kind, count: r._count._all, recent: false })),
  ];
}

/** A basket is the customer when known (all their sessions), else the anonymous session. */
const basketOf = (e: { sessionId: string; customerId: number | null }) => (e.customerId !== null ? `c:${e.customerId}` : `s:${e.sessionId}`);

async function coPurchases(context: ToolContext, seedId: number): Promise<CoPurchase[]> {
  const seedBuys = await context.db.interaction.findMany({ where: { productId: seedId, kind: 'purchase' }, select: { sessionId: true, customerId: true }, take: MAX_SEED_BASKETS });
  if (seedBuys.length === 0) return [];
  const baskets = new Set(seedBuys.map(basketOf));
  const sessions = [...new Set(seedBuys.filter((b) => b.customerId === null).map((b) => b.sessionId))];
  const customers = [...new Set(seedBuys.flatMap((b) => (b.customerId !== null ? [b.customerId] : [])))];
  const others = await context.db.interaction.findMany({
    where: { kind: 'purchase', productId: { not: seedId }, OR: [{ sessionId: { in: sessions } }, { customerId: { in: customers } }] },
    select: { productId: true, sessionId: true, customerId: true },
  });
  return others.filter((o) => baskets.has(basketOf(o))).map((o) => ({ productId: o.productId, basket: basketOf(o) }));
}

async function run(args: z.infer<typeof input>, context: ToolContext): Promise<ToolOutcome> {
  const catalog = await loadCatalog(context.db);
  const seed = args.productId !== undefined ? catalog.byId.get(args.productId) : undefined;
  if (args.productId !== undefined && !seed) return { status: 'not_found' };
  let category: string | undefined;
  if (args.category !== undefined) {
    const categories = [...new Set(catalog.products.map((p) => p.category))].sort();
    category = categories.find((c) => sameCategory(c, args.category!));
    if (category === undefined) return { status: 'refused', reason: 'unknown_category', data: { categories } };
  }
  const [counts, together] = await Promise.all([popularity(context), seed ? coPurchases(context, seed.id) : Promise.resolve([])]);
  const picks = recommendBaseline(catalog.products.map(toRecProduct), counts, together, {
    ...(seed ? { seedId: seed.id } : {}),
    ...(category !== undefined ? { category } : {}),
    ...(args.maxPrice !== undefined ? { maxPriceCents: Math.round(args.maxPrice * 100) } : {}),
    limit: args.limit,
    excludeIds: args.excludeIds,
  });
  const products = picks.map((pick) => {
    const p = catalog.byId.get(pick.productId)!;
    const reason =
      pick.reason === 'bought_together' ? `bought together with ${seed!.title}` : pick.reason === 'similar' ? `similar to ${seed!.title}` : `popular in ${p.category}`;
    return toCard(p, reason);
  });
  return { status: 'ok', data: { total: products.length, ...(seed ? { seedProductId: seed.id } : {}), ...(category ? { category } : {}) }, products };
}

/** The recommend tool. */
export const recommendTool: Tool<typeof input> = {
  name: 'recommend',
  description: 'Recommend products: bought together with a product, popular in a category, or similar to a product.',
  input,
  requiresVerifiedCustomer: false,
  run,
};
