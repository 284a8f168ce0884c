/**
 * Serving a trained model against the store's current catalogue: products
 * created after training come in by content similarity, products no longer
 * sold never come out, a model of another catalogue refuses to serve, and the
 * live wrapper re-reads the catalogue only when it must.
 */
import {
  CatalogRecommender,
  LiveRecommender,
  RecommendModelError,
  trainRecommender,
  type HybridRecommender,
  type Item,
} from '../../src/recommend';
import { COLD_ITEM, itemId, syntheticShop, TEST_CONFIG } from './synthetic';

/** Written like cluster 0 (trail boots, category outdoor); never part of training. */
const NEW: Item = { id: 'boot-2027', title: 'trail hiking boot grip', category: 'outdoor', text: 'trail hiking boot waterproof grip', priceCents: 4000 };

describe('CatalogRecommender', () => {
  const shop = syntheticShop();
  const trained = shop.items.filter((i) => i.id !== COLD_ITEM);
  const title = new Map([...shop.items, NEW].map((i) => [i.id, i.title]));
  const category = new Map([...shop.items, NEW].map((i) => [i.id, i.category]));
  let model: HybridRecommender;
  let view: CatalogRecommender;

  beforeAll(async () => {
    model = await trainRecommender(shop.interactions, trained, { ...TEST_CONFIG, sources: ['popularity', 'item-knn', 'mf', 'content'] });
    view = new CatalogRecommender(model, [...trained, NEW]);
  });

  it('recommends a product created after training through content similarity to the seed', () => {
    expect(model.hasItem(NEW.id)).toBe(false);
    expect(view.knows(NEW.id)).toBe(false);
    expect(view.fit).toEqual({ known: trained.length, fresh: 1, changed: 0, retired: 0, matches: true });
    const seed = itemId(0, 3);
    const results = view.recommend({ seedItem: seed, k: 8 });
    expect(results).toHaveLength(8);
    expect(results.find((r) => r.item === NEW.id)).toMatchObject({ source: 'content', reason: `similar to ${title.get(seed)}` });
    expect(results.map((r) => r.item)).not.toContain(seed);
    // Without the live catalogue the model cannot return it at all; an unrelated seed does not pull it in.
    expect(model.recommend({ seedItem: seed, k: 8 }).map((r) => r.item)).not.toContain(NEW.id);
    expect(view.recommend({ seedItem: itemId(1, 3), k: 8 }).map((r) => r.item)).not.toContain(NEW.id);
  });

  it('answers "more like this" for a product the model has never seen from its text and attributes', () => {
    const results = view.recommend({ seedItem: NEW.id, k: 5 });
    expect(results).toHaveLength(5);
    for (const r of results) {
      expect(category.get(r.item)).toBe('outdoor');
      expect(r).toMatchObject({ source: 'content', reason: `similar to ${NEW.title}` });
    }
    expect(results.map((r) => r.item)).not.toContain(NEW.id);
    // What the model alone says for an unknown seed is plain popularity, whatever the seed.
    expect(model.recommend({ seedItem: NEW.id, k: 5 })).toEqual(model.recommend({ k: 5 }));
  });

  it('serves a new visitor from session views alone, new products included', () => {
    const session = [itemId(0, 1), itemId(0, 2)];
    const results = view.recommend({ sessionItems: session, k: 6 });
    expect(results).toHaveLength(6);
    expect(results.map((r) => r.item)).toContain(NEW.id);
    expect(results.map((r) => r.item)).not.toEqual(expect.arrayContaining([session[0]]));
    expect(results.filter((r) => category.get(r.item) === 'outdoor').length).toBeGreaterThanOrEqual(5);
    expect(view.recommend({ userId: 'visitor-123', sessionItems: session, k: 6 })).toEqual(results);
    // A session that only saw the new product is answered by content similarity to it.
    const onlyNew = view.recommend({ sessionItems: [NEW.id], k: 4 });
    expect(onlyNew.map((r) => r.reason)).toEqual(Array(4).fill(`similar to ${NEW.title}`));
  });

  it('applies filters and exclusions to new products too', () => {
    const seed = itemId(0, 3);
    expect(view.recommend({ seedItem: seed, exclude: [NEW.id], k: 8 }).map((r) => r.item)).not.toContain(NEW.id);
    expect(view.recommend({ seedItem: seed, maxPriceCents: 3999, k: 8 }).map((r) => r.item)).not.toContain(NEW.id);
    expect(view.recommend({ seedItem: seed, category: 'garden', k: 8 }).map((r) => r.item)).not.toContain(NEW.id);
    const inBudget = view.recommend({ seedItem: NEW.id, maxPriceCents: 3000, k: 5 });
    for (const r of inBudget) expect(shop.items.find((i) => i.id === r.item)!.priceCents!).toBeLessThanOrEqual(3000);
  });

  it('never returns a product the store no longer sells, nor the old product behind a reused id', () => {
    const session = [itemId(2, 1), itemId(2, 2)];
    const gone = itemId(2, 3);
    expect(model.recommend({ sessionItems: session, k: 5 }).map((r) => r.item)).toContain(gone);
    const withoutIt = new CatalogRecommender(model, trained.filter((i) => i.id !== gone));
    expect(withoutIt.fit).toMatchObject({ retired: 1, matches: true });
    expect(withoutIt.recommend({ sessionItems: session, k: 5 }).map((r) => r.item)).not.toContain(gone);

    const reused = trained.map((i) => (i.id === gone ? { ...i, title: 'garden hose reel', category: 'garden', text: 'garden hose sprinkler lawn watering' } : i));
    const renamed = new CatalogRecommender(model, reused);
    expect(renamed.fit).toMatchObject({ changed: 1, fresh: 1, matches: true });
    expect(renamed.knows(gone)).toBe(false);
    expect(renamed.recommend({ sessionItems: session, k: 5 }).map((r) => r.item)).not.toContain(gone);
    const garden = renamed.recommend({ seedItem: itemId(5, 2), k: 8 }).find((r) => r.item === gone);
    expect(garden).toMatchObject({ source: 'content', reason: `similar to ${title.get(itemId(5, 2))}` });
  });

  it('refuses to serve a catalogue the model was not trained on', async () => {
    const other = trained.map((i, n) => (n % 2 === 0 ? { ...i, title: `another shop's product ${n}` } : i));
    const foreign = new CatalogRecommender(model, other);
    expect(foreign.fit.matches).toBe(false);
    expect(() => foreign.recommend({ k: 3 })).toThrow(RecommendModelError);
    expect(() => foreign.recommend({ k: 3 })).toThrow(/shopdesk recommend train/);
    const live = new LiveRecommender(model, { loadItems: async () => other });
    await expect(live.current()).resolves.toBeNull();
  });
});

describe('LiveRecommender', () => {
  const shop = syntheticShop(2, 60);
  let model: HybridRecommender;

  beforeAll(async () => {
    model = await trainRecommender(shop.interactions, shop.items, { ...TEST_CONFIG, sources: ['popularity', 'content'] });
  });

  it('reads the catalogue once per TTL and keeps the view while the catalogue is unchanged', async () => {
    let items: Item[] = shop.items;
    let reads = 0;
    const fits: unknown[] = [];
    const live = new LiveRecommender(model, { loadItems: async () => (reads++, items), onCatalog: (fit) => fits.push(fit) });
    const [a, b] = await Promise.all([live.current(), live.current()]);
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(reads).toBe(1);
    live.invalidate();
    expect(await live.current()).toBe(a);
    expect(reads).toBe(2);
    expect(fits).toHaveLength(1);
    items = [...shop.items, NEW];
    live.invalidate();
    const c = await live.current();
    expect(c).not.toBe(a);
    expect(c!.fit.fresh).toBe(1);
    expect(fits).toHaveLength(2);
  });

  it('does not keep a failed catalogue read', async () => {
    let fail = true;
    const live = new LiveRecommender(model, {
      loadItems: async () => {
        if (fail) throw new Error('database down');
        return shop.items;
      },
    });
    await expect(live.current()).rejects.toThrow('database down');
    fail = false;
    await expect(live.current()).resolves.not.toBeNull();
  });
});
