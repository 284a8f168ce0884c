/** Query behaviour: cold start, new visitors, filters, exclusions, reasons, errors. */
import { RecommendInputError, SOURCE_NAMES, trainRecommender, type HybridRecommender, type Item } from '../../src/recommend';
import { COLD_ITEM, itemId, syntheticShop, TEST_CONFIG } from './synthetic';

describe('recommend()', () => {
  let model: HybridRecommender;
  let items: Map<string, Item>;
  let shop: ReturnType<typeof syntheticShop>;

  beforeAll(async () => {
    shop = syntheticShop();
    items = new Map(shop.items.map((i) => [i.id, i]));
    model = await trainRecommender(shop.interactions, shop.items, TEST_CONFIG);
  });

  it('recommends a product nobody has interacted with through content similarity to the seed', () => {
    expect(shop.interactions.some((e) => e.item === COLD_ITEM)).toBe(false);
    const seed = itemId(0, 3);
    const results = model.recommend({ seedItem: seed, k: 8 });
    expect(results).toHaveLength(8);
    const cold = results.find((r) => r.item === COLD_ITEM);
    expect(cold).toMatchObject({ source: 'content', reason: `similar to ${items.get(seed)!.title}` });
    expect(results.map((r) => r.item)).not.toContain(seed);
    // A seed from an unrelated cluster does not pull the new boot in.
    expect(model.recommend({ seedItem: itemId(1, 3), k: 8 }).map((r) => r.item)).not.toContain(COLD_ITEM);
  });

  it('serves a new visitor from session views alone', () => {
    const session = [itemId(2, 1), itemId(2, 2)];
    const results = model.recommend({ sessionItems: session, k: 5 });
    expect(results).toHaveLength(5);
    expect(results.map((r) => r.item)).not.toEqual(expect.arrayContaining([session[0]]));
    expect(results.map((r) => r.item)).toContain(itemId(2, 3));
    expect(results.filter((r) => items.get(r.item)!.category === 'sports').length).toBeGreaterThanOrEqual(4);
    expect(model.hasUser('visitor-123')).toBe(false);
    expect(model.recommend({ userId: 'visitor-123', sessionItems: session, k: 5 })).toEqual(results);
  });

  it('falls back to what is popular, with that reason, when nothing is known', () => {
    const results = model.recommend({ userId: 'nobody', k: 4 });
    expect(results).toHaveLength(4);
    for (const r of results) expect(r.reason).toMatch(/^popular in \w+/);
    expect(model.recommend({ seedItem: 'not-in-catalogue', k: 4 })).toEqual(results);
  });

  it('honours category, price and explicit exclusions', () => {
    const inKitchen = model.recommend({ userId: 'u0', category: 'KITCHEN', k: 6 });
    expect(inKitchen.length).toBeGreaterThan(0);
    for (const r of inKitchen) expect(items.get(r.item)!.category).toBe('kitchen');
    const cheap = model.recommend({ sessionItems: [itemId(3, 4)], maxPriceCents: 2500, k: 10 });
    expect(cheap).toHaveLength(10);
    for (const r of cheap) expect(items.get(r.item)!.priceCents!).toBeLessThanOrEqual(2500);
    const first = model.recommend({ sessionItems: [itemId(3, 4)], k: 3 }).map((r) => r.item);
    const without = model.recommend({ sessionItems: [itemId(3, 4)], exclude: first, k: 3 }).map((r) => r.item);
    expect(without.filter((id) => first.includes(id))).toEqual([]);
    expect(model.recommend({ category: 'no such category', k: 3 })).toEqual([]);
  });

  it('leaves out the shopper\'s own items: all of them by default, or only purchases', () => {
    const user = [...shop.clusterOf.keys()].find((u) => shop.interactions.some((e) => e.user === u && e.kind === 'purchase'))!;
    const mine = new Set(shop.interactions.filter((e) => e.user === user).map((e) => e.item));
    const bought = new Set(shop.interactions.filter((e) => e.user === user && e.kind === 'purchase').map((e) => e.item));
    const all = model.recommend({ userId: user, k: 20 });
    expect(all.filter((r) => mine.has(r.item))).toEqual([]);
    const purchasedOnly = model.recommend({ userId: user, excludeSeen: 'purchased', k: 40 });
    expect(purchasedOnly.filter((r) => bought.has(r.item))).toEqual([]);
    expect(purchasedOnly.some((r) => mine.has(r.item))).toBe(true);
  });

  it('explains every result with a source and a short reason', () => {
    const seed = itemId(4, 2);
    const results = model.recommend({ userId: 'u4', seedItem: seed, k: 10 });
    for (const r of results) {
      expect(SOURCE_NAMES).toContain(r.source);
      expect(r.reason).toMatch(/^(bought together with|similar to|because you viewed|often viewed after|popular in) /);
      expect(Number.isFinite(r.score)).toBe(true);
    }
    expect(results.some((r) => r.reason.endsWith(items.get(seed)!.title))).toBe(true);
    const scores = results.filter((r) => r.item !== COLD_ITEM).map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('rejects invalid queries with a how-to-fix message', () => {
    expect(() => model.recommend({ k: 0 })).toThrow(RecommendInputError);
    expect(() => model.recommend({ k: 2.5 })).toThrow(/k must be an integer from 1 to 100/);
    expect(() => model.recommend({ k: 3, maxPriceCents: -1 })).toThrow(RecommendInputError);
    expect(() => model.recommend({ k: 3, excludeSeen: 'some' as never })).toThrow(/excludeSeen/);
  });
});
