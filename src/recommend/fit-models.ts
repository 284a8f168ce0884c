/**
 * Trains the enabled component models on one encoded data set. Training
 * side only: the serving side (hybrid.ts) never imports this file.
 */
import type { RecommenderConfig } from './config';
import type { Catalog, EncodedData } from './dataset';
import { trainAls } from './models/als-train';
import { fitContent } from './models/content-fit';
import { fitItemKnn } from './models/item-knn-fit';
import type { MfWeights } from './models/mf';
import type { NeighbourLists } from './models/neighbours';
import { fitPopularity } from './models/popularity';
import type { NeuralWeights } from './neural/model';
import { trainNeural, type NeuralEpoch } from './neural/train';
import type { SourceName } from './types';

export interface FittedModels {
  popularity?: Float32Array;
  knn?: NeighbourLists;
  mf?: MfWeights;
  neural?: NeuralWeights;
  content?: NeighbourLists;
  /** TensorFlow.js backend of the neural model, 'none' when it was not trained here. */
  backend: string;
  /** Seconds per model. */
  seconds: Partial<Record<SourceName, number>>;
}

/** What training reports while it runs. */
export interface TrainProgress {
  stage: SourceName | 'ranker' | 'refit';
  message: string;
}

export interface FitOptions {
  /** Models to (re)train. */
  which: ReadonlySet<SourceName>;
  /** Earlier models on (most of) the same data: MF then starts from their factors with a third of the sweeps. */
  warmStart?: FittedModels;
  onProgress?: (p: TrainProgress) => void;
}

/** Trains the models named in `which` on `data` (deterministic for config.seed). */
export async function fitModels(data: EncodedData, catalog: Catalog, config: RecommenderConfig, options: FitOptions): Promise<FittedModels> {
  const n = catalog.ids.length;
  const fitted: FittedModels = { backend: 'none', seconds: {} };
  const timed = async <T>(name: SourceName, run: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    fitted.seconds[name] = (performance.now() - started) / 1000;
    options.onProgress?.({ stage: name, message: `${name} trained in ${fitted.seconds[name]!.toFixed(1)} s` });
    return result;
  };
  const { which } = options;
  if (which.has('popularity')) fitted.popularity = await timed('popularity', () => fitPopularity(data.events, n, config.popularity.halfLifeDays));
  if (which.has('item-knn')) fitted.knn = await timed('item-knn', () => fitItemKnn(data.histories, n, config.knn));
  if (which.has('content')) fitted.content = await timed('content', () => fitContent(catalog, config.content.neighbours));
  const warm = options.warmStart?.mf;
  if (which.has('mf')) {
    fitted.mf = await timed('mf', () =>
      warm ? trainAls(data.histories, n, { ...config.mf, iterations: Math.max(2, Math.ceil(config.mf.iterations / 3)) }, config.seed, warm.itemFactors) : trainAls(data.histories, n, config.mf, config.seed),
    );
  }
  if (which.has('neural')) {
    const onEpoch = (e: NeuralEpoch) =>
      options.onProgress?.({ stage: 'neural', message: `epoch ${e.epoch}/${e.epochs} loss ${e.loss.toFixed(3)} (${Math.round(e.examplesPerSecond)} examples/s)` });
    const result = await timed('neural', () => trainNeural(data.histories, n, config.neural, config.seed + 1, onEpoch));
    fitted.neural = result.weights;
    fitted.backend = result.backend;
  }
  return fitted;
}
