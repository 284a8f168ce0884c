/**
 * Everything a trained recommender consists of, as plain arrays: what
 * training produces, what is saved to and loaded from a model folder, and
 * what HybridRecommender serves from.
 */
import type { RecommenderConfig } from './config';
import type { UserHistory } from './dataset';
import type { MfWeights } from './models/mf';
import type { NeighbourLists } from './models/neighbours';
import type { NeuralWeights } from './neural/model';
import type { RankerWeights } from './ranker';
import type { SourceName } from './types';

export const MODEL_FORMAT = 'shopdesk-recommender';
export const MODEL_VERSION = 1;

/** Catalogue facts needed at query time (texts are only needed for training). */
export interface CatalogState {
  ids: string[];
  titles: string[];
  categories: string[];
  /** NaN: no price. */
  prices: Float64Array;
}

/** meta.json: provenance and quality of a trained model. */
export interface RecommenderMeta {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  /** SHA-256 of the training interactions and items. */
  dataHash: string;
  trainedAt: string;
  trainingSeconds: number;
  /** Seconds per training stage (fit models, ranker, refit). */
  stageSeconds: Record<string, number>;
  /** TensorFlow.js backend the neural model was trained on ('none' when it is disabled). */
  backend: string;
  counts: { interactions: number; users: number; items: number; unknownItems: number; validationUsers: number };
  config: RecommenderConfig;
  /** Held-out (last item per shopper) metrics used to fit the ranker, full ranking. */
  validation: {
    blend: { ndcg10: number; hr10: number; mrr: number };
    /** NDCG@10 of each source alone. */
    perSource: Partial<Record<SourceName, number>>;
    /** The fitted blend weights. */
    weights: Partial<Record<SourceName, number>>;
  };
}

export interface RecommenderState {
  config: RecommenderConfig;
  catalog: CatalogState;
  users: string[];
  histories: UserHistory[];
  popularity?: Float32Array;
  knn?: NeighbourLists;
  mf?: MfWeights;
  neural?: NeuralWeights;
  content?: NeighbourLists;
  ranker: RankerWeights;
  meta: RecommenderMeta;
}
