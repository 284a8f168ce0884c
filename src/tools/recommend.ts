/**
 * recommend: "you may also like" cards with a reason each. With a trained
 * model (context.recommender) the hybrid answers for the verified customer's
 * history, the conversation's products and the seed; without one, or when the
 * model was trained on another catalogue, recommend-baseline.ts scores the
 * signals gathered here from the database (co-purchases of the seed product,
 * recent interaction counts). The assistant logs which one is in use.
 */
import { z } from 'zod';
import type { ProductCard } from '../dialogue/reply';
import { storeUserId, type CatalogRecommender } from '../recommend';
import { loadCatalog, sameCategory, toCard, type CatalogProduct, type CatalogSnapshot } from './catalog';
import { recommendBaseline, type CoPurchase, type PopularityCount, type RecProduct } from './recommend-baseline';
import { terms } from './text-match';
import type { RecommenderContext, Tool, ToolContext, ToolOutcome } from './types';

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

type Input = z.infer<typeof input>;

/** What both recommenders answer for: the resolved seed product and category. */
interface Request {
  args: Input;
  catalog: CatalogSnapshot;
  seed: CatalogProduct | undefined;
  category: string | undefined;
}

async function runBaseline({ args, catalog, seed, category }: Request, context: ToolContext): Promise<ProductCard[]> {
  const [counts, together] = await Promise.all([popularity(context), seed ? coPurchases(context, seed.id) : Promise.resolve([])]);
  const picks = recommendBaseline(catalog.products.map(toRecProduct), counts, together, {
    ...(seed ? { seedId: seed.id } : {}),
    ...(category !== undefined ? { category } : {}),
    ...(args.maxPrice !== undefined ? { maxPriceCents: Math.round(args.maxPrice * 100) } : {}),
    limit: args.limit,
    excludeIds: args.excludeIds,
  });
  return picks.map((pick) => {
    const p = catalog.byId.get(pick.productId)!;
    const reason =
      pick.reason === 'bought_together' ? `bought together with ${seed!.title}` : pick.reason === 'similar' ? `similar to ${seed!.title}` : `popular in ${p.category}`;
    return toCard(p, reason);
  });
}

function runHybrid(view: CatalogRecommender, { args, catalog, seed, category }: Request, recommender: RecommenderContext, context: ToolContext): ProductCard[] {
  const session = recommender.sessionProductIds.map(String);
  const customerId = context.verification.customerId;
  const soldOut = catalog.products.filter((p) => p.stock <= 0).map((p) => String(p.id));
  const results = view.recommend({
    // Only a verified (or signed-in) customer's own history: never anyone else's.
    ...(customerId !== null ? { userId: storeUserId(customerId, context.conversationId) } : {}),
    sessionItems: session,
    ...(seed ? { seedItem: String(seed.id) } : {}),
    ...(category !== undefined ? { category } : {}),
    ...(args.maxPrice !== undefined ? { maxPriceCents: Math.round(args.maxPrice * 100) } : {}),
    // What the conversation has just shown is not news; past views may be, past purchases are not.
    exclude: [...args.excludeIds.map(String), ...session, ...soldOut],
    excludeSeen: 'purchased',
    k: args.limit,
  });
  return results.flatMap((r) => {
    const p = catalog.byId.get(Number(r.item));
    // The recommender's catalogue read may be a little newer or older than this snapshot.
    return p ? [toCard(p, r.reason)] : [];
  });
}

async function run(args: Input, context: ToolContext): Promise<ToolOutcome> {
  const catalog = await loadCatalog(context.db);
  const seed = args.productId !== undefined ? catalog.byId.get(args.productId) : undefined;
  if (args.productId !== undefined && !seed) return { status: 'not_found' };
  let category: string | undefined;
  if (args.category !== undefined) {
    const categories = [...new Set(catalog.products.map((p) => p.category))].sort();
    category = categories.find((c) => sameCategory(c, args.category!));
    if (category === undefined) return { status: 'refused', reason: 'unknown_category', data: { categories } };
  }
  const request: Request = { args, catalog, seed, category };
  const { recommender } = context;
  const view = recommender ? await recommender.live.current() : null;
  const products = view && recommender ? runHybrid(view, request, recommender, context) : await runBaseline(request, context);
  return {
    status: 'ok',
    data: { total: products.length, recommender: view ? 'hybrid' : 'baseline', ...(seed ? { seedProductId: seed.id } : {}), ...(category ? { category } : {}) },
    products,
  };
}

/** The recommend tool. */
export const recommendTool: Tool<typeof input> = {
  name: 'recommend',
  description: 'Recommend products: bought together with a product, popular in a category, or similar to a product.',
  input,
  requiresVerifiedCustomer: false,
  run,
};
