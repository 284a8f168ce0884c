/**
 * Recommendations: a hybrid of popularity, item-kNN, implicit MF, a neural
 * next-item model and content similarity, blended by a ranker fitted on
 * held-out data. Public face of the module. Training code (TensorFlow.js) is
 * loaded only when training or evaluating; serving a saved model is plain
 * TypeScript. In the product a LiveRecommender serves the model against the
 * store's current catalogue (new products by content similarity).
 * @example
 *   const rec = await trainRecommender(interactions, items, { seed: 7 });
 *   rec.recommend({ userId: 'c:42', category: 'shoes', maxPriceCents: 10000, k: 5 });
 *   rec.save('models/recommend');
 *   const same = await loadRecommender('models/recommend');
 *   const live = new LiveRecommender(same, { loadItems: async () => storeItems(await db.product.findMany()) });
 */
import path from 'node:path';
import { HybridRecommender } from './hybrid';
import { readModel } from './model-files';
import type { EvalDataset, EvalOptions, EvalReport } from './eval-suite';
import type { TrainRecommenderOptions } from './train';
import type { Interaction, Item } from './types';

export type { Interaction, InteractionKind, Item, RecommendQuery, Recommendation, SourceName, ExcludeSeen } from './types';
export { SOURCE_NAMES } from './types';
export { HybridRecommender, type HistoryScores } from './hybrid';
export { CatalogRecommender, type CatalogFit, type CatalogRecommenderOptions } from './catalog-view';
export { LiveRecommender, type LiveRecommenderOptions } from './live';
export { DEFAULT_CONFIG, resolveConfig, type RecommenderConfig, type RecommenderConfigInput } from './config';
export type { RecommenderMeta } from './state';
export type { TrainRecommenderOptions } from './train';
export type { TrainProgress } from './fit-models';
export { RecommendError, RecommendInputError, RecommendModelError } from './errors';
export { leaveLastOut, type HoldoutSplit } from './split';
export { hitRate, ndcg, reciprocalRank, rankOf, rankAmong, catalogCoverage, topK, type RankCounts } from './metrics';
export { buildEvalCases, evaluateHybrid, MetricsAccumulator, type AlgorithmMetrics, type EvalCase } from './evaluate';
export type { EvalDataset, EvalOptions, EvalReport, TargetCheck } from './eval-suite';
export { renderReport, renderTable } from './report';
export { measureLatency, type LatencyReport } from './latency';
export { loadMovieLens100k, datasetsDir, type MovieLensData } from './movielens';
export { storeItems, storeInteractions, storeUserId, type ProductLike, type InteractionLike } from './store-adapter';

/** Where `shopdesk recommend train` writes by default. */
export const DEFAULT_RECOMMEND_MODEL_DIR = path.resolve(__dirname, '../../models/recommend');

/**
 * Trains the hybrid recommender (see train.ts). Deterministic for `options.seed`.
 * @throws RecommendInputError for invalid data or settings.
 */
export async function trainRecommender(interactions: readonly Interaction[], items: readonly Item[], options: TrainRecommenderOptions = {}): Promise<HybridRecommender> {
  const { trainRecommender: train } = await import('./train');
  return train(interactions, items, options);
}

/**
 * Loads a model folder written by `recommender.save(dir)`.
 * @throws RecommendModelError when the folder is missing, damaged or of another format version.
 */
export async function loadRecommender(dir: string = DEFAULT_RECOMMEND_MODEL_DIR): Promise<HybridRecommender> {
  return new HybridRecommender(readModel(dir));
}

/** Runs the full evaluation protocol (tuning, training, every algorithm, latency, targets) on one data set. */
export async function runEvaluation(dataset: EvalDataset, options: EvalOptions = {}): Promise<EvalReport> {
  const { runEvaluation: run } = await import('./eval-suite');
  return run(dataset, options);
}
