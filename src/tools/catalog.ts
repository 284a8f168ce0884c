/**
 * The catalog as the shopping tools see it: one snapshot of every product
 * (search fields, review aggregates, a text index), loaded with two queries
 * and cached for 60 s per Db instance. About 1,200 rows: cheaper to rank in
 * memory than to ask the database for every refinement, and it keeps
 * case-insensitive matching identical on SQLite and PostgreSQL. Stock in the
 * snapshot may be up to a minute old; tools that act on stock (check_stock,
 * add_to_cart) read the row fresh.
 */
import type { ProductCard } from '../dialogue/reply';
import type { Db } from '../store';
import { formatMoney } from './orders-shared';
import { Bm25Index } from './text-match';

/** A product with everything search, details and recommendations need. */
export interface CatalogProduct {
  id: number;
  sku: string;
  title: string;
  description: string;
  category: string;
  brand: string;
  priceCents: number;
  currency: string;
  color: string | null;
  material: string | null;
  sizes: string[];
  attributes: Record<string, unknown>;
  stock: number;
  imageUrl: string;
  finalSale: boolean;
  /** Mean review rating rounded to 0.1 (0 without reviews). */
  rating: number;
  reviewCount: number;
}

/** The cached catalog: products in id order, by id, and their text index. */
export interface CatalogSnapshot {
  products: CatalogProduct[];
  byId: Map<number, CatalogProduct>;
  index: Bm25Index;
}

/** How long a snapshot is reused. */
export const CATALOG_TTL_MS = 60_000;

const cache = new WeakMap<Db, { loadedAt: number; snapshot: Promise<CatalogSnapshot> }>();

/** Splits Product.sizes ("8,8.5,9") into trimmed entries. */
export function parseSizes(sizes: string | null): string[] {
  return sizes ? sizes.split(',').map((s) => s.trim()).filter((s) => s.length > 0) : [];
}

/** Size for comparison: case-insensitive, and "10.0" equals "10". */
export function normalizeSize(size: string): string {
  const s = size.trim().toLowerCase();
  return /^\d+(\.\d+)?$/.test(s) ? String(Number(s)) : s;
}

/** Whether `size` is one of the sizes offered. */
export function offersSize(sizes: readonly string[], size: string): boolean {
  const wanted = normalizeSize(size);
  return sizes.some((s) => normalizeSize(s) === wanted);
}

/** Category names compared case-insensitively and ignoring a plural s ("shoe" = "Shoes"). */
export function sameCategory(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().toLowerCase().replace(/s$/, '');
  return norm(a) === norm(b);
}

function attributeText(attributes: Record<string, unknown>): string {
  return Object.values(attributes)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === 'string')
    .join(' ');
}

async function load(db: Db): Promise<CatalogSnapshot> {
  const [rows, ratings] = await Promise.all([
    db.product.findMany({
      select: {
        id: true, sku: true, title: true, description: true, category: true, brand: true, priceCents: true, currency: true,
        color: true, material: true, sizes: true, attributes: true, stock: true, imageUrl: true, finalSale: true,
      },
      orderBy: { id: 'asc' },
    }),
    db.review.groupBy({ by: ['productId'], _avg: { rating: true }, _count: { _all: true } }),
  ]);
  const ratingOf = new Map(ratings.map((r) => [r.productId, { rating: Math.round((r._avg.rating ?? 0) * 10) / 10, count: r._count._all }]));
  const products = rows.map((r): CatalogProduct => {
    const attributes = typeof r.attributes === 'object' && r.attributes !== null && !Array.isArray(r.attributes) ? (r.attributes as Record<string, unknown>) : {};
    const rating = ratingOf.get(r.id);
    return { ...r, sizes: parseSizes(r.sizes), attributes, rating: rating?.rating ?? 0, reviewCount: rating?.count ?? 0 };
  });
  const index = new Bm25Index(
    products.map((p) => ({
      id: p.id,
      fields: [
        { text: p.title, weight: 3 },
        { text: `${p.brand} ${p.category}`, weight: 2 },
        { text: `${p.color ?? ''} ${p.material ?? ''} ${attributeText(p.attributes)}`, weight: 1.5 },
        { text: p.description, weight: 1 },
      ],
    })),
  );
  return { products, byId: new Map(products.map((p) => [p.id, p])), index };
}

/** The catalog snapshot of `db`, loaded at most once per TTL (concurrent callers share one load). */
export function loadCatalog(db: Db, ttlMs: number = CATALOG_TTL_MS): Promise<CatalogSnapshot> {
  const now = Date.now();
  const hit = cache.get(db);
  if (hit && now - hit.loadedAt < ttlMs) return hit.snapshot;
  const snapshot = load(db);
  cache.set(db, { loadedAt: now, snapshot });
  // A failed load must not be served from the cache for a minute.
  snapshot.catch(() => {
    if (cache.get(db)?.snapshot === snapshot) cache.delete(db);
  });
  return snapshot;
}

/** Drops the cached snapshot (after catalog edits, or in tests). */
export function invalidateCatalog(db: Db): void {
  cache.delete(db);
}

/** The card the widget renders. */
export function toCard(p: CatalogProduct, reason?: string): ProductCard {
  return {
    id: p.id,
    sku: p.sku,
    title: p.title,
    brand: p.brand,
    priceCents: p.priceCents,
    currency: p.currency,
    price: formatMoney(p.priceCents, p.currency),
    imageUrl: p.imageUrl,
    rating: p.rating,
    reviewCount: p.reviewCount,
    url: `/products/${p.id}`,
    inStock: p.stock > 0,
    ...(reason !== undefined ? { reason } : {}),
  };
}
