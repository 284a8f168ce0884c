import { DEFAULT_CONFIG, RecommendInputError, resolveConfig, storeInteractions, storeItems, storeUserId } from '../../src/recommend';

describe('recommender config', () => {
  it('fills defaults and keeps overrides', () => {
    const config = resolveConfig({ mf: { factors: 8 }, sources: ['popularity', 'content'] });
    expect(config.mf).toEqual({ ...DEFAULT_CONFIG.mf, factors: 8 });
    expect(config.sources).toEqual(['popularity', 'content']);
    expect(config.neural).toEqual(DEFAULT_CONFIG.neural);
  });

  it('names the invalid setting', () => {
    expect(() => resolveConfig({ knn: { neighbours: -1 } })).toThrow(/knn.neighbours/);
    expect(() => resolveConfig({ sources: ['magic' as never] })).toThrow(RecommendInputError);
    expect(() => resolveConfig({ neural: { itemDropout: 1 } })).toThrow(/itemDropout/);
  });
});

describe('store rows to plain data', () => {
  it('maps products and interactions, customers across sessions, anonymous sessions alone', () => {
    const [item] = storeItems([
      { id: 7, title: 'Rain Jacket', description: 'Light shell.', category: 'clothing', brand: 'Northline', priceCents: 8900, color: 'Blue', material: null, attributes: { waterproof: true, tags: ['rain', 'hiking'], weightGrams: 300 } },
    ]);
    expect(item).toEqual({ id: '7', title: 'Rain Jacket', category: 'clothing', priceCents: 8900, text: 'Light shell. Northline Blue  waterproof rain hiking' });
    const at = new Date('2026-01-01T00:00:00Z');
    expect(
      storeInteractions([
        { customerId: 3, sessionId: 's1', productId: 7, kind: 'purchase', at },
        { customerId: null, sessionId: 's2', productId: 7, kind: 'view', at },
      ]),
    ).toEqual([
      { user: 'c:3', item: '7', kind: 'purchase', at: at.getTime() },
      { user: 's:s2', item: '7', kind: 'view', at: at.getTime() },
    ]);
    expect(storeUserId(null, 'abc')).toBe('s:abc');
    expect(() => storeInteractions([{ customerId: null, sessionId: 's', productId: 1, kind: 'wishlist', at }])).toThrow(/wishlist/);
  });
});
