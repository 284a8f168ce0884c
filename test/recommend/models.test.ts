/** Every model of the hybrid learns the planted structure of a small synthetic shop. */
import { buildEvalCases, evaluateHybrid, leaveLastOut, trainRecommender, type AlgorithmMetrics, type HybridRecommender } from '../../src/recommend';
import { CLUSTERS, PER_CLUSTER, syntheticShop, TEST_CONFIG } from './synthetic';

describe('hybrid recommender on planted structure', () => {
  let model: HybridRecommender;
  let metrics: Map<string, AlgorithmMetrics>;
  let random: number;

  beforeAll(async () => {
    const shop = syntheticShop();
    const split = leaveLastOut(shop.interactions, 3);
    model = await trainRecommender(split.train, shop.items, TEST_CONFIG);
    const cases = buildEvalCases(model, split.heldOut, 1);
    metrics = new Map(evaluateHybrid(model, cases).map((m) => [m.name, m]));
    const known = cases.reduce((sum, c) => sum + c.known.size, 0) / cases.length;
    random = 10 / (model.itemCount - known);
  });

  it('evaluates every model on the same shoppers', () => {
    expect([...metrics.keys()]).toEqual(['popularity', 'item-knn', 'mf', 'neural', 'content', 'hybrid']);
    const users = new Set([...metrics.values()].map((m) => m.users));
    expect(users.size).toBe(1);
    expect([...users][0]).toBeGreaterThan(200);
  });

  it.each(['item-knn', 'mf', 'neural', 'content'])('%s finds the held-out item far above chance', (name) => {
    expect(metrics.get(name)!.hr10).toBeGreaterThan(Math.max(0.5, 3 * random));
  });

  it('the neural next-item model learns the order within a cluster', () => {
    // Walking i -> i+1 puts the next item first: NDCG@10 close to HR@10.
    const neural = metrics.get('neural')!;
    expect(neural.ndcg10).toBeGreaterThan(0.6);
    expect(neural.ndcg10).toBeGreaterThan(metrics.get('item-knn')!.ndcg10);
  });

  it('popularity learns the skew towards the first items of each cluster', () => {
    const top = model.recommend({ k: CLUSTERS, excludeSeen: 'none' }).map((r) => Number(r.item.split('-')[1]));
    expect(top.every((n) => n < PER_CLUSTER / 2)).toBe(true);
    expect(metrics.get('popularity')!.hr10).toBeGreaterThan(0.5 * random);
  });

  it('the blend is at least as good as its best model and far above chance', () => {
    const hybrid = metrics.get('hybrid')!;
    expect(hybrid.hr10).toBeGreaterThan(Math.max(0.75, 6 * random));
    expect(hybrid.ndcg10).toBeGreaterThanOrEqual(Math.max(...['item-knn', 'mf', 'content'].map((n) => metrics.get(n)!.ndcg10)));
    expect(hybrid.coverage10).toBeGreaterThan(0.3);
  });

  it('records provenance in meta', () => {
    const meta = model.meta;
    expect(meta.dataHash).toMatch(/^[0-9a-f]{64}$/);
    expect(meta.backend).toMatch(/wasm|cpu|tensorflow/);
    expect(meta.trainingSeconds).toBeGreaterThan(0);
    expect(meta.counts.validationUsers).toBeGreaterThan(100);
    expect(Object.keys(meta.validation.weights)).toEqual(['popularity', 'item-knn', 'mf', 'neural', 'content']);
  });
});
