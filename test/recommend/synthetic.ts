/**
 * A small shop with planted structure for recommender tests: clusters of
 * items with their own words and category, shoppers who stay in one cluster
 * and walk through it in order (item i, then i+1...), a popularity skew, some
 * purchases, and one brand-new product (no interactions) written like cluster 0.
 */
import { Prng } from '../../src/util/prng';
import type { Interaction, Item } from '../../src/recommend';

export const CLUSTERS = 6;
export const PER_CLUSTER = 15;
const THEMES = [
  ['trail', 'hiking', 'boot', 'waterproof', 'grip'],
  ['espresso', 'coffee', 'grinder', 'barista', 'bean'],
  ['yoga', 'mat', 'stretch', 'pilates', 'cork'],
  ['lego', 'brick', 'builder', 'castle', 'kit'],
  ['novel', 'mystery', 'detective', 'paperback', 'crime'],
  ['garden', 'hose', 'sprinkler', 'lawn', 'watering'],
];
const CATEGORIES = ['outdoor', 'kitchen', 'sports', 'toys', 'books', 'garden'];

export const itemId = (cluster: number, n: number) => `p${cluster}-${n}`;
export const COLD_ITEM = 'new-trail-boot';

export interface SyntheticShop {
  interactions: Interaction[];
  items: Item[];
  /** Cluster of each shopper. */
  clusterOf: Map<string, number>;
}

export function syntheticShop(seed = 1, users = 240): SyntheticShop {
  const prng = new Prng(seed);
  const items: Item[] = [];
  for (let c = 0; c < CLUSTERS; c++) {
    const words = THEMES[c]!;
    for (let n = 0; n < PER_CLUSTER; n++) {
      const pick = () => words[prng.int(words.length)]!;
      items.push({
        id: itemId(c, n),
        title: `${pick()} ${pick()} model ${n}`,
        category: CATEGORIES[c]!,
        text: `${words.join(' ')} ${pick()} ${pick()} edition ${n}`,
        priceCents: 1000 + 500 * n,
      });
    }
  }
  items.push({ id: COLD_ITEM, title: 'trail hiking boot waterproof', category: 'outdoor', text: 'trail hiking boot waterproof grip', priceCents: 4000 });
  const interactions: Interaction[] = [];
  const clusterOf = new Map<string, number>();
  let at = 1_700_000_000_000;
  for (let u = 0; u < users; u++) {
    const user = `u${u}`;
    const c = u % CLUSTERS;
    clusterOf.set(user, c);
    // Start early in the cluster more often (popularity skew), then walk forward.
    let n = Math.min(PER_CLUSTER - 1, Math.floor(prng.next() ** 2 * PER_CLUSTER));
    const length = 4 + prng.int(6);
    for (let step = 0; step < length; step++) {
      at += 60_000 + prng.int(60_000);
      const noise = prng.next() < 0.1;
      const item = noise ? itemId(prng.int(CLUSTERS), prng.int(PER_CLUSTER)) : itemId(c, n);
      interactions.push({ user, item, kind: 'view', at });
      if (prng.next() < 0.3) interactions.push({ user, item, kind: 'purchase', at: at + 1000 });
      n = (n + 1) % PER_CLUSTER;
    }
  }
  return { interactions, items, clusterOf };
}

/** Small, fast settings for tests. */
export const TEST_CONFIG = {
  seed: 7,
  mf: { factors: 16, iterations: 8 },
  neural: { dim: 16, hidden: 32, epochs: 8, batchSize: 64, learningRate: 0.01, examplesPerEpoch: 0 },
  knn: { neighbours: 30, shrink: 2 },
  content: { neighbours: 30 },
};
