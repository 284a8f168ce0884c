/** Save/load round trip, meta.json, and determinism for a seed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRecommender, RecommendModelError, trainRecommender, type HybridRecommender, type RecommendQuery } from '../../src/recommend';
import { COLD_ITEM, itemId, syntheticShop, TEST_CONFIG } from './synthetic';

const QUERIES: RecommendQuery[] = [
  { userId: 'u1', k: 10 },
  { userId: 'u2', category: 'kitchen', k: 5 },
  { sessionItems: [itemId(3, 1), itemId(3, 2)], k: 10 },
  { seedItem: itemId(0, 5), k: 10 },
  { userId: 'u3', maxPriceCents: 3000, excludeSeen: 'purchased', k: 10 },
  { k: 5 },
];

describe('saving and loading', () => {
  let dir: string;
  let model: HybridRecommender;
  const shop = syntheticShop(3, 150);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopdesk-rec-'));
    model = await trainRecommender(shop.interactions, shop.items, TEST_CONFIG);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives identical recommendations after a round trip', async () => {
    model.save(dir);
    const loaded = await loadRecommender(dir);
    for (const query of QUERIES) expect(loaded.recommend(query)).toEqual(model.recommend(query));
    expect(loaded.recommend({ seedItem: itemId(0, 5), k: 10 }).map((r) => r.item)).toContain(COLD_ITEM);
  });

  it('writes meta.json with data hash, config, metrics, training time and backend', () => {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ format: 'shopdesk-recommender', version: 1, dataHash: model.meta.dataHash, backend: model.meta.backend });
    expect(meta.config.mf.factors).toBe(TEST_CONFIG.mf.factors);
    expect(meta.trainingSeconds).toBeGreaterThan(0);
    expect(meta.validation.blend.ndcg10).toBeGreaterThan(0);
    const bytes = fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
  });

  it('refuses folders that are missing or of another format version', async () => {
    await expect(loadRecommender(path.join(dir, 'nope'))).rejects.toThrow(RecommendModelError);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'shopdesk-rec-v-'));
    try {
      for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(other, f));
      const json = JSON.parse(fs.readFileSync(path.join(other, 'model.json'), 'utf8'));
      fs.writeFileSync(path.join(other, 'model.json'), JSON.stringify({ ...json, version: 99 }));
      await expect(loadRecommender(other)).rejects.toThrow(/retrain/);
      fs.writeFileSync(path.join(other, 'model.json'), JSON.stringify(json));
      fs.truncateSync(path.join(other, 'weights.bin'), 100);
      await expect(loadRecommender(other)).rejects.toThrow(/truncated/);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('trains deterministically for a seed', async () => {
    const again = await trainRecommender(shop.interactions, shop.items, TEST_CONFIG);
    expect(again.meta.dataHash).toBe(model.meta.dataHash);
    expect(again.state.neural!.w2).toEqual(model.state.neural!.w2);
    expect(again.state.mf!.itemFactors).toEqual(model.state.mf!.itemFactors);
    expect(again.state.ranker).toEqual(model.state.ranker);
    for (const query of QUERIES) expect(again.recommend(query)).toEqual(model.recommend(query));
  });
});
