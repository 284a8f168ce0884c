/**
 * trainRecommender: the training composition root. Holds out each shopper's
 * last item, trains the component models on the rest, fits the blend on the
 * held-out items, then (config.refit) retrains the collaborative models on
 * everything. The neural model keeps its first training: it reads histories
 * at query time, so the held-out items still inform its answers.
 */
import { resolveConfig, type RecommenderConfigInput } from './config';
import { buildCatalog, encodeInteractions, hashData, type EncodedData } from './dataset';
import { fitModels, type FittedModels, type TrainProgress } from './fit-models';
import { HybridRecommender } from './hybrid';
import type { ScoringSource } from './models/source';
import { storedHistory } from './query';
import { fitRanker, toRankerCase, type RankerCase, type RankerFit } from './ranker-fit';
import { leaveLastOut } from './split';
import { MODEL_FORMAT, MODEL_VERSION, type RecommenderState } from './state';
import { RecommendInputError } from './errors';
import { Prng } from '../util/prng';
import type { Interaction, Item, SourceName } from './types';

/** Shoppers need this many distinct items to give one to validation. */
const MIN_ITEMS_FOR_VALIDATION = 3;

export type TrainRecommenderOptions = RecommenderConfigInput & {
  /** Called as each stage ends (for CLI progress lines). */
  onProgress?: (p: TrainProgress) => void;
};

function rankerCases(data: EncodedData, heldOut: ReadonlyMap<string, string>, sources: readonly ScoringSource[], maxUsers: number, maxHistory: number, seed: number): RankerCase[] {
  const n = data.catalog.ids.length;
  let users = [...heldOut.keys()].filter((u) => data.userIndex.has(u)).sort((a, b) => data.userIndex.get(a)! - data.userIndex.get(b)!);
  if (users.length > maxUsers) users = new Prng(seed).shuffle(users).slice(0, maxUsers);
  return users.map((user) => {
    const u = data.userIndex.get(user)!;
    // The shopper index lets MF use the vector trained for this very history.
    const history = storedHistory(data.histories[u]!, maxHistory, u);
    const raw = sources.map((s) => {
      const out = new Float32Array(n);
      s.scoreInto(history, out);
      return out;
    });
    return toRankerCase(raw, data.catalog.index.get(heldOut.get(user)!)!, new Set(data.histories[u]!.items));
  });
}

function stateOf(config: ReturnType<typeof resolveConfig>, data: EncodedData, models: FittedModels, sources: SourceName[], weights: number[]): RecommenderState {
  const { catalog } = data;
  return {
    config,
    catalog: { ids: catalog.ids, titles: catalog.titles, categories: catalog.categories, prices: catalog.prices },
    users: data.users,
    histories: data.histories,
    ...(models.popularity ? { popularity: models.popularity } : {}),
    ...(models.knn ? { knn: models.knn } : {}),
    ...(models.mf ? { mf: models.mf } : {}),
    ...(models.neural ? { neural: models.neural } : {}),
    ...(models.content ? { content: models.content } : {}),
    ranker: { sources, weights },
    // Filled in by trainRecommender once everything is known.
    meta: undefined as never,
  };
}

/**
 * Trains the hybrid recommender on plain interactions and catalogue items.
 * Deterministic for a given `seed` (and data).
 * @throws RecommendInputError for invalid data or settings.
 * @example
 *   const rec = await trainRecommender(events, products, { seed: 7 });
 *   rec.recommend({ userId: 'c:42', k: 5 });
 */
export async function trainRecommender(interactions: readonly Interaction[], items: readonly Item[], options: TrainRecommenderOptions = {}): Promise<HybridRecommender> {
  const started = performance.now();
  const { onProgress, ...input } = options;
  const config = resolveConfig(input);
  if (interactions.length === 0 && items.length === 0) throw new RecommendInputError('nothing to train on: no interactions and no items');
  const catalog = buildCatalog(items, interactions);
  const sources = [...config.sources];
  const stages: Record<string, number> = {};
  const lap = (name: string, since: number) => (stages[name] = (performance.now() - since) / 1000);

  let t = performance.now();
  const split = leaveLastOut(interactions, MIN_ITEMS_FOR_VALIDATION);
  const fitData = encodeInteractions(split.train, catalog, config.kindWeights, items.length);
  const first = await fitModels(fitData, catalog, config, { which: new Set(sources), onProgress });
  lap('fit', t);

  t = performance.now();
  const probe = new HybridRecommender(stateOf(config, fitData, first, sources, sources.map(() => 1)));
  const cases = rankerCases(fitData, split.heldOut, probe.sources, config.ranker.maxUsers, config.maxHistory, config.seed + 2);
  const fit: RankerFit = fitRanker(cases, sources.length, config.ranker);
  lap('ranker', t);
  onProgress?.({ stage: 'ranker', message: `blend fitted on ${cases.length} held-out items: NDCG@10 ${fit.validation.ndcg10.toFixed(4)}` });

  t = performance.now();
  const full = encodeInteractions(interactions, catalog, config.kindWeights, items.length);
  let models = first;
  if (config.refit && split.heldOut.size > 0) {
    const again = new Set(sources.filter((s) => s === 'popularity' || s === 'item-knn' || s === 'mf'));
    const refitted = await fitModels(full, catalog, config, { which: again, warmStart: first, onProgress });
    models = { ...first, ...Object.fromEntries(Object.entries(refitted).filter(([key]) => key !== 'backend' && key !== 'seconds')) };
  }
  if (models.mf && models.mf === first.mf && first.mf.userFactors) {
    // Not refitted: the trained shopper vectors describe the validation split's histories; fold in at query time instead.
    const { userFactors: _stale, ...mf } = first.mf;
    models = { ...models, mf };
  }
  lap('refit', t);

  const state = stateOf(config, full, models, sources, fit.weights);
  state.meta = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    dataHash: hashData(interactions, items),
    trainedAt: new Date().toISOString(),
    trainingSeconds: (performance.now() - started) / 1000,
    stageSeconds: { ...stages, ...Object.fromEntries(Object.entries(first.seconds).map(([k, v]) => [`fit.${k}`, v])) },
    backend: first.backend,
    counts: { interactions: interactions.length, users: full.users.length, items: catalog.ids.length, unknownItems: full.unknownItems, validationUsers: cases.length },
    config,
    validation: {
      blend: { ndcg10: fit.validation.ndcg10, hr10: fit.validation.hr10, mrr: fit.validation.mrr },
      perSource: Object.fromEntries(sources.map((s, i) => [s, fit.validation.perSource[i]!])),
      weights: Object.fromEntries(sources.map((s, i) => [s, fit.weights[i]!])),
    },
  };
  return new HybridRecommender(state);
}
