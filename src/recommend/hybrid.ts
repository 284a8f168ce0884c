/**
 * The hybrid recommender at query time: every enabled model scores the whole
 * catalogue for the shopper's history (each is a candidate generator), the
 * learned blend ranks, filters apply, and each pick is explained by the model
 * that contributed most. Seed queries also promote new items that look like
 * the seed (content similarity), so products nobody has touched yet surface.
 * Pure TypeScript: serving needs no TensorFlow.js.
 */
import { topK } from './metrics';
import { PopularitySource } from './models/popularity';
import { MfSource } from './models/mf';
import { NeighbourSource } from './models/neighbour-source';
import type { QueryHistory, ScoringSource } from './models/source';
import { NeuralSource } from './neural/model';
import { resolveQuery, type QueryModel } from './query';
import { blend, standardise } from './ranker';
import { reasonText } from './reasons';
import type { RecommenderMeta, RecommenderState } from './state';
import { writeModel } from './model-files';
import type { Recommendation, RecommendQuery, SourceName } from './types';

/** Per-source standardised scores and their blend for one history. */
export interface HistoryScores {
  blended: Float32Array;
  /** In the order of `HybridRecommender.sourceNames`. */
  z: Float32Array[];
}

function buildSource(state: RecommenderState, name: SourceName): ScoringSource {
  const missing = () => new Error(`model state has no ${name} weights although the ranker uses it`);
  switch (name) {
    case 'popularity':
      if (!state.popularity) throw missing();
      return new PopularitySource(state.popularity);
    case 'item-knn':
      if (!state.knn) throw missing();
      return new NeighbourSource('item-knn', state.knn, { window: 0, decay: 1 });
    case 'mf':
      if (!state.mf) throw missing();
      return new MfSource(state.mf);
    case 'neural':
      if (!state.neural) throw missing();
      return new NeuralSource(state.neural);
    case 'content':
      if (!state.content) throw missing();
      return new NeighbourSource('content', state.content, { window: state.config.content.historyWindow, decay: state.config.content.decay });
  }
}

export class HybridRecommender {
  /** Sources in blend order. */
  readonly sources: readonly ScoringSource[];
  private readonly weights: readonly number[];
  private readonly model: QueryModel;
  private readonly shoppers: Int32Array;
  /** Reused by recommend() (synchronous, so never shared between calls) to spare the garbage collector. */
  private scratch?: HistoryScores;

  constructor(readonly state: RecommenderState) {
    this.sources = state.ranker.sources.map((name) => buildSource(state, name));
    this.weights = state.ranker.weights;
    this.model = {
      config: state.config,
      catalog: state.catalog,
      itemIndex: new Map(state.catalog.ids.map((id, i) => [id, i])),
      userIndex: new Map(state.users.map((id, u) => [id, u])),
      histories: state.histories,
    };
    this.shoppers = new Int32Array(state.catalog.ids.length);
    for (const h of state.histories) for (const i of h.items) this.shoppers[i]!++;
  }

  /** meta.json content: data hash, config, validation metrics, training time, backend. */
  get meta(): RecommenderMeta {
    return this.state.meta;
  }

  get sourceNames(): SourceName[] {
    return this.sources.map((s) => s.name);
  }

  get itemCount(): number {
    return this.state.catalog.ids.length;
  }

  hasItem(id: string): boolean {
    return this.model.itemIndex.has(id);
  }

  hasUser(id: string): boolean {
    return this.model.userIndex.has(id);
  }

  /** Catalogue index of an item id (undefined when the model has never seen it). */
  itemIndex(id: string): number | undefined {
    return this.model.itemIndex.get(id);
  }

  /**
   * Recommendations for a shopper, a session and/or a seed product.
   * @param servable 1 for the catalogue indexes that may be returned (default: all); CatalogRecommender
   *   uses it to keep products the store no longer sells out of the answers.
   * @throws RecommendInputError for an invalid k, excludeSeen or maxPriceCents.
   * @example recommender.recommend({ userId: 'c:42', category: 'shoes', k: 5 })
   */
  recommend(query: RecommendQuery, servable?: Uint8Array): Recommendation[] {
    const resolved = resolveQuery(this.model, query, servable);
    this.scratch ??= { blended: new Float32Array(this.itemCount), z: this.sources.map(() => new Float32Array(this.itemCount)) };
    const { blended, z } = this.scoreInto(resolved.history, this.scratch);
    const picks = topK(blended, resolved.k, resolved.isAllowed).map((item) => this.explain(item, resolved.history, blended, z));
    if (resolved.seed < 0) return picks;
    return this.promoteNewItems(picks, resolved.seed, resolved.k, resolved.isAllowed, blended);
  }

  /** Standardised scores of every source and the blend, for a history (oldest first). */
  scoreHistory(history: QueryHistory): HistoryScores {
    return this.scoreInto(history, { blended: new Float32Array(this.itemCount), z: this.sources.map(() => new Float32Array(this.itemCount)) });
  }

  private scoreInto(history: QueryHistory, into: HistoryScores): HistoryScores {
    this.sources.forEach((source, s) => {
      const out = into.z[s]!;
      source.scoreInto(history, out);
      standardise(out);
    });
    blend(into.z, this.weights, into.blended);
    return into;
  }

  /** Writes model.json, weights.bin and meta.json into `dir` (created if needed). */
  save(dir: string): void {
    writeModel(this.state, dir);
  }

  private explain(item: number, history: QueryHistory, blended: Float32Array, z: readonly Float32Array[]): Recommendation {
    let best = -1;
    let bestContribution = -Infinity;
    this.sources.forEach((_, s) => {
      const c = this.weights[s]! * z[s]![item]!;
      if (this.weights[s]! > 0 && c > bestContribution) [best, bestContribution] = [s, c];
    });
    const source = best >= 0 ? this.sources[best]! : undefined;
    const at = source && history.items.length > 0 ? source.explain(history, item) : -1;
    const name: SourceName = source && at >= 0 ? source.name : 'popularity';
    const related = at >= 0 ? this.state.catalog.titles[history.items[at]!] : undefined;
    return { item: this.state.catalog.ids[item]!, score: blended[item]!, reason: reasonText(name, related, this.state.catalog.categories[item]!), source: name };
  }

  /** Puts up to coldStart.slots new items most similar to the seed in place of the last picks. */
  private promoteNewItems(picks: Recommendation[], seed: number, k: number, isAllowed: (i: number) => boolean, blended: Float32Array): Recommendation[] {
    const lists = this.state.content;
    const { slots, minSimilarity, maxShoppers } = this.state.config.coldStart;
    if (!lists || slots === 0) return picks;
    const chosen = new Set(picks.map((p) => p.item));
    const fresh: Recommendation[] = [];
    for (let q = lists.offsets[seed]!; q < lists.offsets[seed + 1]! && fresh.length < slots; q++) {
      const i = lists.items[q]!;
      const id = this.state.catalog.ids[i]!;
      if (lists.sims[q]! < minSimilarity || this.shoppers[i]! > maxShoppers || chosen.has(id) || !isAllowed(i)) continue;
      fresh.push({ item: id, score: blended[i]!, reason: reasonText('content', this.state.catalog.titles[seed], ''), source: 'content' });
    }
    return [...picks.slice(0, Math.max(0, k - fresh.length)), ...fresh].slice(0, k);
  }
}
