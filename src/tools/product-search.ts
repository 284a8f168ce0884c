/**
 * product_search: free text plus attribute filters over the catalog
 * snapshot. Filters are exact (price in cents, size as an element of the
 * size list, words of color/material/brand); ranking is BM25 over title,
 * brand, category, attributes and description, with typo-tolerant term
 * expansion, title trigram similarity and a small rating/stock boost.
 */
import { z } from 'zod';
import { loadCatalog, offersSize, sameCategory, toCard, type CatalogProduct, type CatalogSnapshot } from './catalog';
import { terms, trigrams, trigramSimilarity } from './text-match';
import type { Tool, ToolContext, ToolOutcome } from './types';

const filterText = z.string().trim().min(1).max(60);
const price = z.coerce.number().nonnegative().max(1_000_000);

const input = z
  .object({
    query: z.string().trim().max(200).optional(),
    category: filterText.optional(),
    brand: filterText.optional(),
    color: filterText.optional(),
    size: z.coerce.string().trim().min(1).max(12).optional(),
    material: filterText.optional(),
    /** Dollars (or the store currency's main unit), inclusive. */
    minPrice: price.optional(),
    maxPrice: price.optional(),
    limit: z.coerce.number().int().min(1).max(20).default(5),
    excludeIds: z.array(z.coerce.number().int().positive()).max(500).default([]),
  })
  .refine((v) => v.minPrice === undefined || v.maxPrice === undefined || v.minPrice <= v.maxPrice, { message: 'minPrice must not exceed maxPrice', path: ['minPrice'] });

/** Validated product_search input (prices still in dollars). */
export type ProductSearchInput = z.infer<typeof input>;

/** Filter keys in the order their removal is suggested when nothing matches. */
const RELAX_ORDER = ['maxPrice', 'minPrice', 'size', 'color', 'material', 'brand', 'category'] as const;
type FilterKey = (typeof RELAX_ORDER)[number];

/** Words that state a filter, not what the product is ("under", "size"). */
const QUERY_NOISE = new Set(['under', 'over', 'below', 'above', 'less', 'more', 'than', 'around', 'about', 'size', 'cheap', 'cheaper', 'dollar', 'usd', 'price', 'budget']);

/** Light spelling normalization so "gray" finds "Heather Grey". */
const SPELLING: Readonly<Record<string, string>> = { gray: 'grey', colour: 'color' };

function words(text: string): string[] {
  return terms(text).map((t) => SPELLING[t] ?? t);
}

/** Every word of `wanted` occurs in `value` ("navy" in "Navy", "merino" in "merino wool blend"). */
function hasWords(value: string | null, wanted: string): boolean {
  if (value === null) return false;
  const have = new Set(words(value));
  const need = words(wanted);
  return need.length > 0 && need.every((w) => have.has(w));
}

function passes(p: CatalogProduct, f: ProductSearchInput, skip: FilterKey | null): boolean {
  const on = (key: FilterKey) => skip !== key && f[key] !== undefined;
  if (on('maxPrice') && p.priceCents > Math.round(f.maxPrice! * 100)) return false;
  if (on('minPrice') && p.priceCents < Math.round(f.minPrice! * 100)) return false;
  if (on('size') && !offersSize(p.sizes, f.size!)) return false;
  if (on('color') && !hasWords(p.color, f.color!)) return false;
  if (on('material') && !hasWords(p.material, f.material!)) return false;
  if (on('brand') && !hasWords(p.brand, f.brand!)) return false;
  if (on('category') && !sameCategory(p.category, f.category!) && !hasWords(p.category, f.category!)) return false;
  return true;
}

const titleGrams = new WeakMap<CatalogProduct, Set<string>>();
function gramsOf(p: CatalogProduct): Set<string> {
  let g = titleGrams.get(p);
  if (!g) titleGrams.set(p, (g = trigrams(p.title)));
  return g;
}

/** Small tie-breaker: well-reviewed products first, out-of-stock ones last. */
function boost(p: CatalogProduct): number {
  return 0.3 * (p.rating / 5) * Math.min(1, p.reviewCount / 10) + (p.stock > 0 ? 0.2 : -0.5);
}

/** A product that passed the filters, with its ranking score. */
export interface RankedProduct {
  product: CatalogProduct;
  score: number;
}

/**
 * Ranks the snapshot for `args`; `skip` leaves one filter out and
 * `ignoreQuery` drops the text (both used to find a relaxation that works).
 */
export function rankProducts(catalog: CatalogSnapshot, args: ProductSearchInput, skip: FilterKey | null = null, ignoreQuery = false): RankedProduct[] {
  const text = ignoreQuery ? '' : (args.query ?? '').split(/\s+/).filter((w) => !QUERY_NOISE.has(w.toLowerCase())).join(' ');
  const query = text ? catalog.index.expand(text) : [];
  const queryGrams = trigrams(text);
  const excluded = new Set(args.excludeIds);
  const out: RankedProduct[] = [];
  for (const p of catalog.products) {
    if (excluded.has(p.id) || !passes(p, args, skip)) continue;
    let score = 0;
    if (query.length > 0) {
      const lexical = catalog.index.score(p.id, query);
      // Half the query words at least: "running shoes" may show walking shoes, never socks alone.
      if (lexical.score === 0 || lexical.coverage < 0.5) continue;
      score = lexical.score * (0.5 + 0.5 * lexical.coverage) + trigramSimilarity(queryGrams, gramsOf(p));
    }
    out.push({ product: p, score: score + boost(p) });
  }
  return out.sort((a, b) => b.score - a.score || a.product.id - b.product.id);
}

function appliedFilters(args: ProductSearchInput): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key of RELAX_ORDER) if (args[key] !== undefined) out[key] = args[key]!;
  return out;
}

async function run(args: ProductSearchInput, context: ToolContext): Promise<ToolOutcome> {
  const catalog = await loadCatalog(context.db);
  const ranked = rankProducts(catalog, args);
  const data: Record<string, unknown> = { total: ranked.length, appliedFilters: appliedFilters(args) };
  if (ranked.length === 0) {
    // suggestion names the filter whose removal finds something; suggestionTotal says how many.
    let suggestion: string | null = null;
    let suggestionTotal = 0;
    for (const key of RELAX_ORDER) {
      if (args[key] === undefined) continue;
      suggestionTotal = rankProducts(catalog, args, key).length;
      if (suggestionTotal > 0) {
        suggestion = key;
        break;
      }
    }
    if (!suggestion && args.query) {
      suggestionTotal = rankProducts(catalog, args, null, true).length;
      if (suggestionTotal > 0) suggestion = 'query';
    }
    data.suggestion = suggestion;
    data.suggestionTotal = suggestion ? suggestionTotal : 0;
  }
  return { status: 'ok', data, products: ranked.slice(0, args.limit).map((r) => toCard(r.product)) };
}

/** The product_search tool. */
export const productSearchTool: Tool<typeof input> = {
  name: 'product_search',
  description: 'Search products by text and filters (category, brand, color, size, material, price range in dollars).',
  input,
  requiresVerifiedCustomer: false,
  run,
};
