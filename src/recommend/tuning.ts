/**
 * Tunes the baselines' hyper-parameters on a validation split of the training
 * data (each shopper's last training item), by full-ranking NDCG@10: the
 * popularity half-life, item-kNN neighbours and shrinkage, and the MF factors,
 * regularisation and confidence. The test items are never looked at.
 */
import type { KnnConfig, MfConfig, RecommenderConfig } from './config';
import { buildCatalog, encodeInteractions, type EncodedData } from './dataset';
import { ndcg, rankOf } from './metrics';
import { trainAls } from './models/als-train';
import { fitItemKnn } from './models/item-knn-fit';
import { MfSource } from './models/mf';
import { NeighbourSource } from './models/neighbour-source';
import { fitPopularity, PopularitySource } from './models/popularity';
import type { QueryHistory, ScoringSource } from './models/source';
import { leaveLastOut } from './split';
import { Prng } from '../util/prng';
import type { Interaction, Item } from './types';

export interface GridPoint<T> {
  params: T;
  ndcg10: number;
}

export interface TuningResult {
  popularity: { best: { halfLifeDays: number }; grid: GridPoint<{ halfLifeDays: number }>[] };
  knn: { best: KnnConfig; grid: GridPoint<KnnConfig>[] };
  mf: { best: MfConfig; grid: GridPoint<MfConfig>[] };
  validationUsers: number;
  seconds: number;
}

export interface TuningOptions {
  /** Smaller grids (for tests and smoke runs). */
  quick?: boolean;
  /** Validation shoppers used (sampled with the seed). */
  maxUsers?: number;
  onProgress?: (message: string) => void;
}

interface ValCase {
  history: QueryHistory;
  known: Set<number>;
  target: number;
}

function validationCases(data: EncodedData, heldOut: ReadonlyMap<string, string>, maxUsers: number, seed: number): ValCase[] {
  let users = [...heldOut.keys()].filter((u) => data.userIndex.has(u)).sort((a, b) => data.userIndex.get(a)! - data.userIndex.get(b)!);
  if (users.length > maxUsers) users = new Prng(seed).shuffle(users).slice(0, maxUsers);
  return users.map((user) => {
    const u = data.userIndex.get(user)!;
    const h = data.histories[u]!;
    // With the shopper index, MF scores with the vector it trained for this history (as served).
    return { history: { items: Array.from(h.items), weights: Array.from(h.weights), user: u }, known: new Set(h.items), target: data.catalog.index.get(heldOut.get(user)!)! };
  });
}

function validationNdcg(source: ScoringSource, cases: readonly ValCase[], itemCount: number): number {
  const out = new Float32Array(itemCount);
  let sum = 0;
  for (const c of cases) {
    source.scoreInto(c.history, out);
    sum += ndcg(
      rankOf(out, c.target, (i) => !c.known.has(i)),
      10,
    );
  }
  return sum / Math.max(1, cases.length);
}

function best<T>(grid: GridPoint<T>[]): T {
  return grid.reduce((a, b) => (b.ndcg10 > a.ndcg10 ? b : a)).params;
}

/** Grid search on the validation split of `train`. */
export async function tuneBaselines(train: readonly Interaction[], items: readonly Item[], config: RecommenderConfig, options: TuningOptions = {}): Promise<TuningResult> {
  const started = performance.now();
  const split = leaveLastOut(train, 3);
  const catalog = buildCatalog(items, train);
  const data = encodeInteractions(split.train, catalog, config.kindWeights, items.length);
  const cases = validationCases(data, split.heldOut, options.maxUsers ?? 1500, config.seed + 3);
  const n = catalog.ids.length;
  const log = (what: string, value: number) => options.onProgress?.(`tune ${what}: validation NDCG@10 ${value.toFixed(4)}`);

  const popGrid = (options.quick ? [30, 365] : [7, 30, 90, 365, 3650]).map((halfLifeDays) => {
    const value = validationNdcg(new PopularitySource(fitPopularity(data.events, n, halfLifeDays)), cases, n);
    log(`popularity halfLife=${halfLifeDays}d`, value);
    return { params: { halfLifeDays }, ndcg10: value };
  });

  const knnGrid: GridPoint<KnnConfig>[] = [];
  for (const neighbours of options.quick ? [20, 100] : [20, 50, 100, 200]) {
    for (const shrink of options.quick ? [0, 10] : [0, 10, 50, 200]) {
      const params = { neighbours, shrink };
      const value = validationNdcg(new NeighbourSource('item-knn', fitItemKnn(data.histories, n, params), { window: 0, decay: 1 }), cases, n);
      log(`item-knn neighbours=${neighbours} shrink=${shrink}`, value);
      knnGrid.push({ params, ndcg10: value });
    }
  }

  const mfGrid: GridPoint<MfConfig>[] = [];
  const tryMf = async (params: MfConfig) => {
    if (mfGrid.some((g) => JSON.stringify(g.params) === JSON.stringify(params))) return;
    const value = validationNdcg(new MfSource(await trainAls(data.histories, n, params, config.seed)), cases, n);
    log(`mf factors=${params.factors} reg=${params.regularization} alpha=${params.alpha}`, value);
    mfGrid.push({ params, ndcg10: value });
  };
  // Regularisation x confidence at the configured size, then the size at the best of those.
  for (const regularization of options.quick ? [1, 10] : [1, 10, 50]) {
    for (const alpha of options.quick ? [10] : [1, 10]) await tryMf({ ...config.mf, regularization, alpha });
  }
  const atSize = best(mfGrid);
  for (const factors of options.quick ? [] : [32, 128]) await tryMf({ ...atSize, factors });

  return {
    popularity: { best: best(popGrid), grid: popGrid },
    knn: { best: best(knnGrid), grid: knnGrid },
    mf: { best: best(mfGrid), grid: mfGrid },
    validationUsers: cases.length,
    seconds: (performance.now() - started) / 1000,
  };
}
