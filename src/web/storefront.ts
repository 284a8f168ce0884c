/**
 * The demo storefront: a product list with search, category filter and
 * paging, and a page per product, rendered on the server from the database.
 * It exists so the chat widget can be embedded in a realistic shop page.
 * Each visitor gets an anonymous session (a random httpOnly cookie); product
 * pages record a 'view' for it and show "You may also like" from the hybrid
 * recommender, for the product and that session's earlier views only.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { LiveRecommender } from '../recommend';
import type { Db } from '../store';
import { productImageSvg } from './product-image';
import { renderProductList, renderProductPage, renderUnavailable, type AlsoLike } from './views/storefront-views';

const PAGE_SIZE = 24;
/** Cards under "You may also like". */
const ALSO_LIKE = 4;
/** Most recent views of the session that inform recommendations. */
const SESSION_VIEWS = 20;

/** The visitor's anonymous session: 128 random bits, stored as Interaction.sessionId with this prefix. */
export const VISITOR_COOKIE = 'shopdesk_sid';
const VISITOR_ID = /^[0-9a-f]{32}$/;
const SESSION_PREFIX = 'web_';
const VISITOR_MAX_AGE_S = 30 * 24 * 60 * 60;

const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});

export interface StorefrontDeps {
  /** Returns the database when it is ready, undefined while starting. */
  db: () => Db | undefined;
  /** Extra markup for the end of <body> (the chat widget's script tag). */
  bodyEnd?: string;
  /** "You may also like" comes from it; undefined (starting, or no model) leaves the section out. */
  recommender?: () => LiveRecommender | undefined;
  /** Send the visitor cookie only over HTTPS (behind TLS). Default false. */
  secureCookie?: boolean;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The visitor's session id; a new visitor (or a cookie we did not issue) gets a fresh one. */
function visitorSession(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const sent = cookieValue(request.headers.cookie, VISITOR_COOKIE);
  if (sent && VISITOR_ID.test(sent)) return SESSION_PREFIX + sent;
  const id = crypto.randomBytes(16).toString('hex');
  void reply.header('set-cookie', `${VISITOR_COOKIE}=${id}; Path=/; Max-Age=${VISITOR_MAX_AGE_S}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`);
  return SESSION_PREFIX + id;
}

/** Products this session viewed, oldest first (anonymous rows only: a session id never reaches a customer's history). */
async function sessionViews(db: Db, sessionId: string): Promise<number[]> {
  const rows = await db.interaction.findMany({
    where: { sessionId, customerId: null, kind: 'view' },
    orderBy: { id: 'desc' },
    take: SESSION_VIEWS,
    select: { productId: true },
  });
  return rows.map((r) => r.productId).reverse();
}

async function alsoLike(live: LiveRecommender, db: Db, productId: number, viewed: readonly number[]): Promise<AlsoLike[]> {
  const view = await live.current();
  if (!view) return [];
  const soldOut = await db.product.findMany({ where: { stock: { lte: 0 } }, select: { id: true } });
  const picks = view.recommend({
    seedItem: String(productId),
    sessionItems: viewed.map(String),
    // Left out in the query, not afterwards, so the slots kept for new products survive.
    exclude: soldOut.map((p) => String(p.id)),
    k: ALSO_LIKE,
  });
  const rows = await db.product.findMany({ where: { id: { in: picks.map((p) => Number(p.item)) } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return picks.flatMap((p) => {
    const product = byId.get(Number(p.item));
    return product ? [{ product, reason: p.reason }] : [];
  });
}

async function listProducts(db: Db, query: z.infer<typeof listQuery>) {
  const where = {
    ...(query.category ? { category: query.category } : {}),
    ...(query.q ? { OR: [{ title: { contains: query.q } }, { brand: { contains: query.q } }] } : {}),
  };
  const [total, products, categories] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({ where, orderBy: { id: 'asc' }, skip: (query.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.product.groupBy({ by: ['category'], _count: { _all: true }, orderBy: { category: 'asc' } }),
  ]);
  return { total, products, categories: categories.map((c) => ({ name: c.category, count: c._count._all })) };
}

export function registerStorefront(app: FastifyInstance, deps: StorefrontDeps): void {
  const bodyEnd = deps.bodyEnd ?? '';

  app.get('/', async (request, reply) => {
    const db = deps.db();
    if (!db) return reply.code(503).type('text/html').send(renderUnavailable());
    const parsed = listQuery.safeParse(request.query);
    if (!parsed.success) return reply.code(400).send({ error: 'invalid_query', details: parsed.error.issues.map((i) => i.message) });
    const result = await listProducts(db, parsed.data);
    return reply.type('text/html').send(renderProductList({ ...result, ...parsed.data, pageSize: PAGE_SIZE, bodyEnd }));
  });

  app.get('/products/:id', async (request, reply) => {
    const db = deps.db();
    if (!db) return reply.code(503).type('text/html').send(renderUnavailable());
    const id = z.coerce.number().int().positive().safeParse((request.params as { id: string }).id);
    const product = id.success ? await db.product.findUnique({ where: { id: id.data } }) : null;
    if (!product) return reply.code(404).type('text/html').send(renderUnavailable('Product not found'));
    const sessionId = visitorSession(request, reply, deps.secureCookie ?? false);
    // ?review=<id> (a dashboard quote's link) shows that review too, highlighted, when it belongs to this product.
    const linked = z.coerce.number().int().positive().safeParse((request.query as { review?: string }).review);
    const [recent, quoted, stats, viewed] = await Promise.all([
      db.review.findMany({ where: { productId: product.id }, orderBy: { createdAt: 'desc' }, take: 6 }),
      linked.success ? db.review.findFirst({ where: { id: linked.data, productId: product.id } }) : null,
      db.review.aggregate({ where: { productId: product.id }, _avg: { rating: true }, _count: { _all: true } }),
      sessionViews(db, sessionId),
    ]);
    const reviews = quoted && !recent.some((r) => r.id === quoted.id) ? [quoted, ...recent] : recent;
    // The page is complete without recommendations and without the recorded view: their failures are logged, not hidden.
    const live = deps.recommender?.();
    let recommended: AlsoLike[] = [];
    if (live) {
      try {
        recommended = await alsoLike(live, db, product.id, viewed);
      } catch (error) {
        request.log.error({ err: error }, 'you-may-also-like failed');
      }
    }
    try {
      await db.interaction.create({ data: { sessionId, productId: product.id, kind: 'view', at: new Date() } });
    } catch (error) {
      request.log.error({ err: error }, 'product view not recorded');
    }
    return reply.type('text/html').send(
      renderProductPage({ product, reviews, highlightReviewId: quoted?.id, averageRating: stats._avg.rating ?? 0, reviewCount: stats._count._all, alsoLike: recommended, bodyEnd }),
    );
  });

  app.get('/api/products', async (request, reply) => {
    const db = deps.db();
    if (!db) return reply.code(503).send({ error: 'not_ready' });
    const parsed = listQuery.safeParse(request.query);
    if (!parsed.success) return reply.code(400).send({ error: 'invalid_query', details: parsed.error.issues.map((i) => i.message) });
    const { total, products } = await listProducts(db, parsed.data);
    return { total, page: parsed.data.page, products };
  });

  app.get('/images/products/:file', async (request, reply) => {
    const db = deps.db();
    const sku = (request.params as { file: string }).file.replace(/\.svg$/, '');
    const product = db ? await db.product.findUnique({ where: { sku } }) : null;
    if (!product) return reply.code(404).send({ error: 'not_found' });
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(productImageSvg(product));
  });
}
