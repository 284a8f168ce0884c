/**
 * Shopping tools on the seeded catalog: search with filters, typos and
 * relaxation hints, product details Q&A, stock, and recommendations
 * (including the pure baseline scorer).
 */
import type { ProductCard } from '../../src/dialogue/reply';
import { createToolRegistry, type ToolOutcome, type ToolRegistry } from '../../src/tools';
import { parseSizes } from '../../src/tools/catalog';
import { recommendBaseline, type RecProduct } from '../../src/tools/recommend-baseline';
import { makeContext, seededStore, type SeededStore } from './tool-context';

let store: SeededStore;
let registry: ToolRegistry;

beforeAll(async () => {
  store = await seededStore('shopdesk-tools-products');
  registry = createToolRegistry();
});
afterAll(async () => {
  await store.close();
});

const run = (name: string, input: unknown, lastProductIds: number[] = []) => registry.run(name, input, makeContext(store.db, { lastProductIds }));

function ok(outcome: ToolOutcome): { data: Record<string, unknown>; products: ProductCard[] } {
  if (outcome.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
  return { data: outcome.data, products: outcome.products ?? [] };
}

describe('product_search', () => {
  test('"running shoes" under $80 in size 10: only matching cards, all of them, well formed', async () => {
    const { data, products } = ok(await run('product_search', { query: 'running shoes', maxPrice: 80, size: '10', limit: 20 }));
    expect(products.length).toBeGreaterThan(0);
    const rows = await store.db.product.findMany({ where: { id: { in: products.map((p) => p.id) } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const card of products) {
      const row = byId.get(card.id)!;
      expect(card.priceCents).toBeLessThanOrEqual(8000);
      expect(card.priceCents).toBe(row.priceCents);
      expect(parseSizes(row.sizes)).toContain('10');
      expect(card.title).toMatch(/running shoes/i);
      expect(card.price).toBe(`$${(row.priceCents / 100).toFixed(2)}`);
      expect(card.url).toBe(`/products/${card.id}`);
      expect(card.inStock).toBe(row.stock > 0);
    }
    // Nothing that qualifies is missing (filters must not over-exclude).
    const all = await store.db.product.findMany({ where: { priceCents: { lte: 8000 } } });
    const expected = all.filter((p) => /running shoes/i.test(p.title) && parseSizes(p.sizes).includes('10')).map((p) => p.id).sort((a, b) => a - b);
    expect(products.map((p) => p.id).sort((a, b) => a - b)).toEqual(expected);
    expect(data).toMatchObject({ total: expected.length, appliedFilters: { maxPrice: 80, size: '10' } });
    // In-stock first: the sold-out Fjordic Glide (id 5) ranks last.
    expect(products.at(-1)!.id).toBe(5);
  });

  test('card ratings come from the reviews', async () => {
    const { products } = ok(await run('product_search', { query: 'trail running shoes', brand: 'stridewell' }));
    const card = products.find((p) => p.id === 1)!;
    const reviews = await store.db.review.findMany({ where: { productId: 1 } });
    expect(card.reviewCount).toBe(reviews.length);
    const mean = reviews.length ? reviews.reduce((s, r) => s + r.rating, 0) / reviews.length : 0;
    expect(card.rating).toBeCloseTo(mean, 1);
  });

  test.each(['runing shoes', 'runnign shoez'])('typo "%s" still finds running shoes on top', async (query) => {
    const { products } = ok(await run('product_search', { query }));
    expect(products.length).toBeGreaterThanOrEqual(3);
    for (const p of products.slice(0, 3)) expect(p.title).toMatch(/running shoes/i);
  });

  test('a word that only rhymes with a catalog word is not read as its typo ("saddle" is not "paddle")', async () => {
    const paddles = ok(await run('product_search', { query: 'paddle' }));
    expect(paddles.products.length).toBeGreaterThan(0);
    const saddle = ok(await run('product_search', { query: 'unicorn saddle' }));
    expect(saddle.products).toEqual([]);
  });

  test('case-insensitive word filters: color, brand, category', async () => {
    const { products } = ok(await run('product_search', { category: 'Shoes', color: 'BLUE', brand: 'stridewell', limit: 20 }));
    expect(products.map((p) => p.id)).toContain(1);
    for (const p of products) expect(p.brand).toBe('Stridewell');
  });

  test('no results: ok with no cards and the filter to relax', async () => {
    const cheap = ok(await run('product_search', { query: 'running shoes', maxPrice: 10 }));
    expect(cheap.products).toEqual([]);
    expect(cheap.data).toMatchObject({ total: 0, suggestion: 'maxPrice', suggestionTotal: expect.any(Number) });
    expect(cheap.data.suggestionTotal).toBeGreaterThan(0);
    const purple = ok(await run('product_search', { query: 'running shoes', color: 'purple', maxPrice: 100 }));
    expect(purple.products).toEqual([]);
    expect(purple.data.suggestion).toBe('color');
  });

  test('excludeIds and limit are honoured; bad input is refused, not thrown', async () => {
    const { products } = ok(await run('product_search', { query: 'running shoes', excludeIds: [1, 2], limit: 3 }));
    expect(products).toHaveLength(3);
    expect(products.map((p) => p.id)).not.toEqual(expect.arrayContaining([1]));
    expect(products.map((p) => p.id)).not.toContain(2);
    const bad = await run('product_search', { query: 'shoes', minPrice: 90, maxPrice: 10 });
    expect(bad.status === 'refused' && bad.reason).toMatch(/^invalid_input: minPrice/);
  });
});

describe('product_details', () => {
  test('answers a material question from the attributes', async () => {
    const { data, products } = ok(await run('product_details', { productId: 1, question: 'what material is it made of?' }));
    expect(products.map((p) => p.id)).toEqual([1]);
    expect(data.answer).toMatch(/ripstop mesh with TPU overlays/);
    expect(data.attributes).toMatchObject({ material: 'ripstop mesh with TPU overlays', waterproof: 'yes', color: 'Blue' });
  });

  test('answers "is it waterproof?" and battery questions', async () => {
    expect(ok(await run('product_details', { productId: 1, question: 'is it waterproof?' })).data.answer).toMatch(/^Waterproof: yes/);
    expect(ok(await run('product_details', { productId: 10, question: 'how long does the battery last?' })).data.answer).toMatch(/30/);
  });

  test('resolves "the second one", a SKU and a name', async () => {
    expect(ok(await run('product_details', { productRef: 'the second one' }, [3, 8])).data.productId).toBe(8);
    expect(ok(await run('product_details', { productRef: 'ELE-000010' })).data.productId).toBe(10);
    expect(ok(await run('product_details', { productRef: 'kitchara blender' })).data.productId).toBe(11);
    expect(await run('product_details', { productId: 999999 })).toEqual({ status: 'not_found' });
    expect((await run('product_details', { question: 'what is it?' })).status).toBe('refused');
  });
});

describe('check_stock', () => {
  test('stock and size availability, read live', async () => {
    expect(ok(await run('check_stock', { productId: 1, size: '10' })).data).toMatchObject({ stock: 42, inStock: true, sizeOffered: true });
    expect(ok(await run('check_stock', { productId: 1, size: '15' })).data).toMatchObject({ sizeOffered: false });
    expect(ok(await run('check_stock', { productId: 5 })).data).toMatchObject({ stock: 0, inStock: false });
    expect(await run('check_stock', { productId: 999999 })).toEqual({ status: 'not_found' });
  });
});

describe('recommend', () => {
  const REASON = /^(bought together with .+|popular in .+|similar to .+)$/;

  test('for a product: reasons on every card, never the product itself, exclusions honoured', async () => {
    const { products } = ok(await run('recommend', { productId: 1, limit: 8 }));
    expect(products.length).toBeGreaterThan(0);
    for (const p of products) {
      expect(p.reason).toMatch(REASON);
      expect(p.id).not.toBe(1);
      expect(p.inStock).toBe(true);
    }
    const excluded = products[0]!.id;
    const again = ok(await run('recommend', { productId: 1, excludeIds: [excluded] }));
    expect(again.products.map((p) => p.id)).not.toContain(excluded);
  });

  test('for a category: popular products of that category within budget', async () => {
    const { products } = ok(await run('recommend', { category: 'Shoes', maxPrice: 100 }));
    expect(products.length).toBeGreaterThan(0);
    const rows = await store.db.product.findMany({ where: { id: { in: products.map((p) => p.id) } } });
    for (const row of rows) expect(row.category).toBe('shoes');
    for (const p of products) {
      expect(p.reason).toBe('popular in shoes');
      expect(p.priceCents).toBeLessThanOrEqual(10000);
    }
    expect(await run('recommend', { category: 'spaceships' })).toMatchObject({ status: 'refused', reason: 'unknown_category' });
  });
});

describe('recommendBaseline (pure)', () => {
  const product = (id: number, category: string, title: string, stock = 5): RecProduct => ({ id, title, category, priceCents: 1000 * id, stock, terms: title.toLowerCase().split(' ') });
  const products = [
    product(1, 'shoes', 'trail running shoe'),
    product(2, 'clothing', 'running sock'),
    product(3, 'shoes', 'trail running shoe waterproof'),
    product(4, 'shoes', 'leather loafer'),
    product(5, 'shoes', 'trail running shoe', 0),
  ];

  test('co-purchases beat similarity; the seed, sold-out and excluded products never appear', () => {
    const recs = recommendBaseline(products, [], [{ productId: 2, basket: 'c:1' }, { productId: 2, basket: 'c:2' }], { seedId: 1, limit: 5, excludeIds: [4] });
    expect(recs.map((r) => [r.productId, r.reason])).toEqual([
      [2, 'bought_together'],
      [3, 'similar'],
    ]);
  });

  test('cold start: similarity alone; popularity weighs purchases over views and recent over old', () => {
    expect(recommendBaseline(products, [], [], { seedId: 3, limit: 1, excludeIds: [] })).toEqual([{ productId: 1, score: expect.any(Number), reason: 'similar' }]);
    const popular = recommendBaseline(
      products,
      [
        { productId: 3, kind: 'view', count: 4, recent: true },
        { productId: 4, kind: 'purchase', count: 1, recent: true },
        { productId: 1, kind: 'purchase', count: 3, recent: false },
      ],
      [],
      { category: 'shoes', limit: 3, excludeIds: [] },
    );
    expect(popular.map((r) => [r.productId, r.reason])).toEqual([
      [4, 'popular'], // 5
      [3, 'popular'], // 4
      [1, 'popular'], // 3 x 5 x 0.25 = 3.75
    ]);
  });
});
