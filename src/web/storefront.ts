/**
 * The demo storefront: a product list with search, category filter and
 * paging, and a page per product, rendered on the server from the database.
 * It exists so the chat widget can be embedded in a realistic shop page.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../store';
import { productImageSvg } from './product-image';
import { renderProductList, renderProductPage, renderUnavailable } from './views/storefront-views';

const PAGE_SIZE = 24;

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
    const [reviews, stats] = await Promise.all([
      db.review.findMany({ where: { productId: product.id }, orderBy: { createdAt: 'desc' }, take: 6 }),
      db.review.aggregate({ where: { productId: product.id }, _avg: { rating: true }, _count: { _all: true } }),
    ]);
    return reply.type('text/html').send(
      renderProductPage({ product, reviews, averageRating: stats._avg.rating ?? 0, reviewCount: stats._count._all, bodyEnd }),
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
