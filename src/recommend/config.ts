/**
 * Every setting of the hybrid recommender with its default, declared once here.
 * `trainRecommender(..., options)` takes any subset; `resolveConfig` fills the rest.
 */
import { RecommendInputError } from './errors';
import { SOURCE_NAMES, type InteractionKind, type SourceName } from './types';

export interface PopularityConfig {
  /** Events lose half their weight every this many days before the newest event. */
  halfLifeDays: number;
}

export interface KnnConfig {
  /** Neighbours kept per item. */
  neighbours: number;
  /** Cosine shrinkage: co-occurrence / (norm_i * norm_j + shrink) damps pairs seen by few shoppers. */
  shrink: number;
}

export interface MfConfig {
  /** Latent factors. */
  factors: number;
  /** L2 regularisation (lambda). */
  regularization: number;
  /** Confidence of an observed interaction: 1 + alpha * kind weight. */
  alpha: number;
  /** Alternating sweeps (users then items). */
  iterations: number;
  /** Conjugate-gradient steps per row and sweep, warm-started (Takacs et al.: a few match an exact solve). */
  cgSteps: number;
}

export interface NeuralConfig {
  /** Item embedding size. */
  dim: number;
  /** Hidden units of the history encoder. */
  hidden: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Training positions sampled per epoch (0 = all): bounds training time on large logs. */
  examplesPerEpoch: number;
  /** Items of the short-term bag and their geometric recency decay. */
  shortWindow: number;
  shortDecay: number;
  /** Items of the long-term bag (uniform weights). */
  longWindow: number;
  /** Probability of dropping an item from the long-term bag while training (regularises). */
  itemDropout: number;
  /** Decoupled weight decay applied after every Adam step. */
  weightDecay: number;
}

export interface ContentConfig {
  /** TF-IDF neighbours kept per item. */
  neighbours: number;
  /** Most recent history items used for content scores; older ones decay by `decay` per step. */
  historyWindow: number;
  decay: number;
}

export interface RankerConfig {
  /** Validation users used to fit the blend (sampled with the seed when there are more). */
  maxUsers: number;
  /** Coordinate-ascent passes over the source weights. */
  passes: number;
}

export interface ColdStartConfig {
  /** Result slots reserved for new items (few interactions) similar to the seed or the last session item. */
  slots: number;
  /** Cosine (TF-IDF) needed for such an item to be promoted. */
  minSimilarity: number;
  /** "New" means at most this many shoppers interacted with the item. */
  maxShoppers: number;
}

export interface RecommenderConfig {
  seed: number;
  /** Models to train and blend; the blend uses only these. */
  sources: SourceName[];
  /** Strength of each interaction kind (confidence in MF, co-occurrence weight in item-kNN). */
  kindWeights: Record<InteractionKind, number>;
  /** Most recent items of a history used at query time. */
  maxHistory: number;
  /** Retrain the collaborative models on all data after the ranker is fitted on the held-out last items. */
  refit: boolean;
  popularity: PopularityConfig;
  knn: KnnConfig;
  mf: MfConfig;
  neural: NeuralConfig;
  content: ContentConfig;
  ranker: RankerConfig;
  coldStart: ColdStartConfig;
}

export const DEFAULT_CONFIG: Readonly<RecommenderConfig> = Object.freeze({
  seed: 42,
  sources: [...SOURCE_NAMES],
  kindWeights: { view: 1, add_to_cart: 2, purchase: 3 },
  maxHistory: 500,
  refit: true,
  popularity: { halfLifeDays: 30 },
  knn: { neighbours: 100, shrink: 10 },
  mf: { factors: 64, regularization: 10, alpha: 10, iterations: 8, cgSteps: 2 },
  neural: {
    dim: 32,
    hidden: 64,
    epochs: 2,
    batchSize: 256,
    learningRate: 0.008,
    examplesPerEpoch: 30_000,
    shortWindow: 5,
    shortDecay: 0.6,
    longWindow: 50,
    itemDropout: 0.2,
    weightDecay: 0,
  },
  content: { neighbours: 100, historyWindow: 10, decay: 0.7 },
  ranker: { maxUsers: 1500, passes: 4 },
  coldStart: { slots: 2, minSimilarity: 0.2, maxShoppers: 2 },
});

/** Any subset of the config, nested. */
export type RecommenderConfigInput = Partial<Omit<RecommenderConfig, 'kindWeights' | 'popularity' | 'knn' | 'mf' | 'neural' | 'content' | 'ranker' | 'coldStart'>> & {
  kindWeights?: Partial<RecommenderConfig['kindWeights']>;
  popularity?: Partial<PopularityConfig>;
  knn?: Partial<KnnConfig>;
  mf?: Partial<MfConfig>;
  neural?: Partial<NeuralConfig>;
  content?: Partial<ContentConfig>;
  ranker?: Partial<RankerConfig>;
  coldStart?: Partial<ColdStartConfig>;
};

function positive(name: string, value: number, integer = false): void {
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new RecommendInputError(`config ${name} must be a ${integer ? 'non-negative integer' : 'non-negative number'}, got ${value}`);
  }
}

/**
 * Fills defaults and validates.
 * @throws RecommendInputError naming the first invalid setting.
 * @example resolveConfig({ mf: { factors: 32 } }).mf.regularization === DEFAULT_CONFIG.mf.regularization
 */
export function resolveConfig(input: RecommenderConfigInput = {}): RecommenderConfig {
  const d = DEFAULT_CONFIG;
  const config: RecommenderConfig = {
    seed: input.seed ?? d.seed,
    sources: [...(input.sources ?? d.sources)],
    kindWeights: { ...d.kindWeights, ...input.kindWeights },
    maxHistory: input.maxHistory ?? d.maxHistory,
    refit: input.refit ?? d.refit,
    popularity: { ...d.popularity, ...input.popularity },
    knn: { ...d.knn, ...input.knn },
    mf: { ...d.mf, ...input.mf },
    neural: { ...d.neural, ...input.neural },
    content: { ...d.content, ...input.content },
    ranker: { ...d.ranker, ...input.ranker },
    coldStart: { ...d.coldStart, ...input.coldStart },
  };
  const unknown = config.sources.filter((s) => !(SOURCE_NAMES as readonly string[]).includes(s));
  if (unknown.length > 0) throw new RecommendInputError(`config sources: unknown ${unknown.join(', ')} (known: ${SOURCE_NAMES.join(', ')})`);
  if (config.sources.length === 0) throw new RecommendInputError('config sources must name at least one model');
  for (const [name, value] of Object.entries(config.kindWeights)) positive(`kindWeights.${name}`, value);
  const ints: [string, number][] = [
    ['seed', Math.abs(config.seed)],
    ['maxHistory', config.maxHistory],
    ['knn.neighbours', config.knn.neighbours],
    ['mf.factors', config.mf.factors],
    ['mf.iterations', config.mf.iterations],
    ['mf.cgSteps', config.mf.cgSteps],
    ['neural.dim', config.neural.dim],
    ['neural.hidden', config.neural.hidden],
    ['neural.epochs', config.neural.epochs],
    ['neural.batchSize', config.neural.batchSize],
    ['neural.examplesPerEpoch', config.neural.examplesPerEpoch],
    ['neural.shortWindow', config.neural.shortWindow],
    ['neural.longWindow', config.neural.longWindow],
    ['content.neighbours', config.content.neighbours],
    ['content.historyWindow', config.content.historyWindow],
    ['ranker.maxUsers', config.ranker.maxUsers],
    ['ranker.passes', config.ranker.passes],
    ['coldStart.slots', config.coldStart.slots],
    ['coldStart.maxShoppers', config.coldStart.maxShoppers],
  ];
  for (const [name, value] of ints) positive(name, value, true);
  const reals: [string, number][] = [
    ['popularity.halfLifeDays', config.popularity.halfLifeDays],
    ['knn.shrink', config.knn.shrink],
    ['mf.regularization', config.mf.regularization],
    ['mf.alpha', config.mf.alpha],
    ['neural.learningRate', config.neural.learningRate],
    ['neural.shortDecay', config.neural.shortDecay],
    ['neural.itemDropout', config.neural.itemDropout],
    ['neural.weightDecay', config.neural.weightDecay],
    ['content.decay', config.content.decay],
    ['coldStart.minSimilarity', config.coldStart.minSimilarity],
  ];
  for (const [name, value] of reals) positive(name, value);
  if (config.mf.factors < 1 || config.neural.dim < 1 || config.neural.batchSize < 1) throw new RecommendInputError('config mf.factors, neural.dim and neural.batchSize must be at least 1');
  if (config.neural.itemDropout >= 1) throw new RecommendInputError('config neural.itemDropout must be below 1');
  return config;
}
