/**
 * Latent structure behind the behavioural data: power-law popularity, product
 * quality (reviews), a recent quality drop on a few products, and "affinity
 * clusters" of related products inside each category, linked to clusters of
 * related categories. Sessions, baskets and customer tastes all draw from the
 * clusters, so item-item collaborative filtering has real signal to find.
 */
import { RELATED_CATEGORIES } from './catalog';
import type { ProductMeta, ProductSet } from './products';
import { WeightedSampler, type Rng } from './prng';

export interface Cluster {
  id: number;
  category: string;
  /** Product indexes (id - 1). */
  members: number[];
  /** Picks a member index (position in `members`) by popularity. */
  sampler: WeightedSampler;
  /** Sum of member popularity. */
  weight: number;
  /** Clusters in related categories that are often browsed or bought together with this one. */
  linked: number[];
}

export interface Affinity {
  popularity: number[];
  /** Latent quality per product (~N(0.4, 0.8)); drives review ratings. */
  quality: number[];
  /** Products whose reviews get markedly worse in the last 8 weeks. */
  qualityDrop: boolean[];
  clusterOf: number[];
  clusters: Cluster[];
  byCategory: Map<string, number[]>;
  /** Picks a cluster id by total popularity. */
  clusterSampler: WeightedSampler;
  /** Picks a product index by popularity. */
  productSampler: WeightedSampler;
}

export function buildAffinity(rng: Rng, products: ProductSet): Affinity {
  const n = products.rows.length;
  // Power-law popularity over a random ranking; featured products rank near the top.
  const order = rng.shuffle(products.meta.filter((m) => !m.featured).map((m) => m.index));
  const ranked: number[] = [];
  let f = 0;
  const featured = products.meta.filter((m) => m.featured).map((m) => m.index);
  for (let rank = 0; ranked.length < n; rank++) {
    if (f < featured.length && rank % 3 === 1) ranked.push(featured[f++] as number);
    else if (order.length > 0) ranked.push(order.shift() as number);
    else ranked.push(featured[f++] as number);
  }
  const popularity = new Array<number>(n).fill(0);
  ranked.forEach((index, rank) => {
    popularity[index] = Math.exp(rng.normal(0, 0.25)) / Math.pow(rank + 8, 1.05);
  });

  const brandBias = new Map<string, number>();
  const quality = products.rows.map((row, i) => {
    if (!brandBias.has(row.brand)) brandBias.set(row.brand, rng.normal(0, 0.25));
    const base = rng.normal(0.4, 0.8) + (brandBias.get(row.brand) ?? 0);
    return (products.meta[i] as ProductMeta).featured ? Math.max(base, 0.9) : base;
  });

  // ~3% of products, among the popular ones (so the drop shows in the data), lose quality recently.
  const qualityDrop = new Array<boolean>(n).fill(false);
  const dropCount = Math.max(1, Math.round(n * 0.03));
  const popularPool = ranked.filter((i) => !(products.meta[i] as ProductMeta).featured).slice(0, Math.max(dropCount, Math.round(n * 0.25)));
  for (const index of rng.sample(popularPool, dropCount)) qualityDrop[index] = true;

  // Clusters: inside a category, products sorted by type are cut into groups of about ten.
  const clusters: Cluster[] = [];
  const clusterOf = new Array<number>(n).fill(0);
  const byCategory = new Map<string, number[]>();
  const categories = [...new Set(products.rows.map((r) => r.category))];
  for (const category of categories) {
    const members = products.meta.filter((m) => m.def.name === category);
    const keyed = members.map((m) => ({ index: m.index, type: m.def.types.indexOf(m.kind), key: rng.float() }));
    keyed.sort((a, b) => a.type - b.type || a.key - b.key);
    const k = Math.max(1, Math.round(keyed.length / 10));
    const ids: number[] = [];
    for (let c = 0; c < k; c++) {
      const slice = keyed.slice(Math.floor((c * keyed.length) / k), Math.floor(((c + 1) * keyed.length) / k)).map((x) => x.index);
      const id = clusters.length;
      const weights = slice.map((i) => popularity[i] as number);
      clusters.push({ id, category, members: slice, sampler: new WeightedSampler(weights), weight: weights.reduce((a, b) => a + b, 0), linked: [] });
      for (const i of slice) clusterOf[i] = id;
      ids.push(id);
    }
    byCategory.set(category, ids);
  }
  for (const cluster of clusters) {
    const related = (RELATED_CATEGORIES[cluster.category] ?? []).flatMap((c) => byCategory.get(c) ?? []);
    const sameCategory = (byCategory.get(cluster.category) ?? []).filter((id) => id !== cluster.id);
    cluster.linked = [...rng.sample(related, 2), ...rng.sample(sameCategory, 1)];
  }
  return {
    popularity,
    quality,
    qualityDrop,
    clusterOf,
    clusters,
    byCategory,
    clusterSampler: new WeightedSampler(clusters.map((c) => c.weight)),
    productSampler: new WeightedSampler(popularity),
  };
}

/** A popular member of a cluster. */
export function pickInCluster(rng: Rng, affinity: Affinity, clusterId: number): number {
  const cluster = affinity.clusters[clusterId] as Cluster;
  return cluster.members[cluster.sampler.sample(rng)] as number;
}

/** A product for a shopper whose tastes are `favorites` (cluster ids), optionally anchored on a cluster. */
export function pickProduct(rng: Rng, affinity: Affinity, favorites: readonly number[], anchor?: number): number {
  const x = rng.float();
  if (anchor !== undefined) {
    const cluster = affinity.clusters[anchor] as Cluster;
    if (x < 0.62) return pickInCluster(rng, affinity, anchor);
    if (x < 0.85 && cluster.linked.length > 0) return pickInCluster(rng, affinity, rng.pick(cluster.linked));
  } else if (favorites.length > 0) {
    if (x < 0.6) return pickInCluster(rng, affinity, rng.pick(favorites));
    if (x < 0.78) {
      const cluster = affinity.clusters[rng.pick(favorites)] as Cluster;
      if (cluster.linked.length > 0) return pickInCluster(rng, affinity, rng.pick(cluster.linked));
    }
  }
  if (rng.chance(0.5)) return pickInCluster(rng, affinity, affinity.clusterSampler.sample(rng));
  return affinity.productSampler.sample(rng);
}

/** pickProduct, retried until the product existed at `atMs` (falls back to any product that did). */
export function pickAvailableProduct(rng: Rng, affinity: Affinity, meta: readonly ProductMeta[], atMs: number, favorites: readonly number[], anchor?: number): number {
  for (let attempt = 0; attempt < 8; attempt++) {
    const index = pickProduct(rng, affinity, favorites, anchor);
    if ((meta[index] as ProductMeta).createdAtMs <= atMs) return index;
  }
  for (;;) {
    const index = affinity.productSampler.sample(rng);
    if ((meta[index] as ProductMeta).createdAtMs <= atMs) return index;
  }
}
