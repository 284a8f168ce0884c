/**
 * One evaluation run on one data set: split, tune the baselines on a
 * validation split of the training part, train the hybrid (with the tuned
 * baselines as components), evaluate every algorithm on the same test cases,
 * measure query latency, and check the targets.
 */
import { resolveConfig, type MfConfig, type NeuralConfig, type RecommenderConfigInput } from './config';
import { buildEvalCases, evaluateHybrid, type AlgorithmMetrics } from './evaluate';
import { measureLatency, type LatencyReport } from './latency';
import { leaveLastOut } from './split';
import { trainAls } from './models/als-train';
import { MfSource } from './models/mf';
import type { ScoringSource } from './models/source';
import { trainRecommender } from './train';
import { tuneBaselines, type GridPoint, type TuningResult } from './tuning';
import type { Interaction, Item } from './types';

export interface EvalDataset {
  name: string;
  interactions: Interaction[];
  items: Item[];
}

export interface EvalOptions {
  seed?: number;
  /** Grid-search the baselines first (default true). */
  tune?: boolean;
  /** Smaller grids. */
  quickTuning?: boolean;
  /** Settings for the hybrid on top of the tuned ones. */
  config?: RecommenderConfigInput;
  latencyQueries?: number;
  /**
   * Most MF factors the hybrid uses (training time and query latency); the MF
   * baseline row keeps the best tuned size and is trained on its own when larger.
   */
  hybridMaxFactors?: number;
  /** The sampled HR@10 target applies to this data set only (MovieLens-100K). */
  sampledHrTarget?: number;
  onProgress?: (message: string) => void;
}

export interface TargetCheck {
  name: string;
  met: boolean;
  detail: string;
}

export interface EvalReport {
  dataset: string;
  counts: { interactions: number; users: number; items: number; testUsers: number; trainInteractions: number };
  protocol: string;
  tuning: TuningResult | null;
  hybrid: {
    trainingSeconds: number;
    stageSeconds: Record<string, number>;
    backend: string;
    weights: Record<string, number>;
    validation: { ndcg10: number; hr10: number; mrr: number };
    /** MF settings inside the hybrid (may be smaller than the MF baseline's). */
    mf: MfConfig;
    /** Neural settings (fixed, not grid-searched). */
    neural: NeuralConfig;
  };
  algorithms: AlgorithmMetrics[];
  latency: LatencyReport;
  targets: TargetCheck[];
  seed: number;
}

export const PROTOCOL =
  'leave-last-out per user (latest new item), users with >= 3 distinct items; full ranking over all items minus the user\'s training items (HR@10, NDCG@10, MRR); ' +
  'sampled: held-out item vs 100 random never-interacted items (HR@10, NDCG@10); coverage@10 = share of the catalogue in any full-ranking top 10';

function checkTargets(algorithms: AlgorithmMetrics[], tuned: boolean, trainingSeconds: number, trainInteractions: number, latency: LatencyReport, sampledHrTarget?: number): TargetCheck[] {
  const by = (name: string) => algorithms.find((a) => a.name === name);
  const hybrid = by('hybrid')!;
  const checks: TargetCheck[] = [];
  for (const base of ['mf', 'item-knn']) {
    const b = by(base);
    if (!b) continue;
    const met = hybrid.hr10 > b.hr10 && hybrid.ndcg10 > b.ndcg10 && hybrid.mrr > b.mrr;
    checks.push({ name: `hybrid ahead of ${tuned ? 'tuned' : 'untuned (default)'} ${base} (full ranking)`, met, detail: `HR@10 ${hybrid.hr10.toFixed(4)} vs ${b.hr10.toFixed(4)}, NDCG@10 ${hybrid.ndcg10.toFixed(4)} vs ${b.ndcg10.toFixed(4)}, MRR ${hybrid.mrr.toFixed(4)} vs ${b.mrr.toFixed(4)}` });
  }
  if (sampledHrTarget !== undefined) {
    checks.push({ name: `sampled HR@10 >= ${sampledHrTarget}`, met: hybrid.sampledHr10 >= sampledHrTarget, detail: `hybrid ${hybrid.sampledHr10.toFixed(4)}` });
  }
  checks.push({ name: 'training <= 60 s', met: trainingSeconds <= 60, detail: `${trainingSeconds.toFixed(1)} s on ${trainInteractions.toLocaleString('en-US')} interactions` });
  checks.push({ name: 'recommend p99 <= 10 ms', met: latency.p99Ms <= 10, detail: `p50 ${latency.p50Ms.toFixed(2)} ms, p99 ${latency.p99Ms.toFixed(2)} ms over ${latency.queries} queries` });
  return checks;
}

/** Best grid point with at most `maxFactors` factors. */
function bestWithin(grid: readonly GridPoint<MfConfig>[], maxFactors: number): MfConfig | undefined {
  const allowed = grid.filter((g) => g.params.factors <= maxFactors);
  return allowed.length === 0 ? undefined : allowed.reduce((a, b) => (b.ndcg10 > a.ndcg10 ? b : a)).params;
}

/** Runs the whole protocol on one data set. */
export async function runEvaluation(dataset: EvalDataset, options: EvalOptions = {}): Promise<EvalReport> {
  const seed = options.seed ?? 42;
  const log = options.onProgress ?? (() => undefined);
  const split = leaveLastOut(dataset.interactions, 3);
  log(`${dataset.name}: ${dataset.interactions.length} interactions, ${split.heldOut.size} test users`);
  const base = resolveConfig({ ...options.config, seed });
  const tuning = options.tune === false ? null : await tuneBaselines(split.train, dataset.items, base, { quick: options.quickTuning, onProgress: log });
  const maxFactors = options.hybridMaxFactors ?? 64;
  const hybridMf = tuning ? bestWithin(tuning.mf.grid, maxFactors) : undefined;
  const config: RecommenderConfigInput = {
    ...options.config,
    seed,
    ...(tuning ? { popularity: tuning.popularity.best, knn: tuning.knn.best } : {}),
    ...(hybridMf ? { mf: hybridMf } : {}),
  };
  const model = await trainRecommender(split.train, dataset.items, { ...config, onProgress: (p) => log(`train ${p.stage}: ${p.message}`) });
  log(`${dataset.name}: hybrid trained in ${model.meta.trainingSeconds.toFixed(1)} s`);
  const cases = buildEvalCases(model, split.heldOut, seed + 4);
  const replacements: ScoringSource[] = [];
  if (tuning && JSON.stringify(tuning.mf.best) !== JSON.stringify(model.state.config.mf)) {
    log(`${dataset.name}: training the MF baseline with its own tuned settings (${tuning.mf.best.factors} factors)`);
    replacements.push(new MfSource(await trainAls(model.state.histories, model.itemCount, tuning.mf.best, seed)));
  }
  const algorithms = evaluateHybrid(model, cases, replacements);
  const latency = measureLatency(model, cases, options.latencyQueries ?? 1000);
  const meta = model.meta;
  return {
    dataset: dataset.name,
    counts: {
      interactions: dataset.interactions.length,
      users: new Set(dataset.interactions.map((e) => e.user)).size,
      items: model.itemCount,
      testUsers: cases.length,
      trainInteractions: split.train.length,
    },
    protocol: PROTOCOL,
    tuning,
    hybrid: {
      trainingSeconds: meta.trainingSeconds,
      stageSeconds: meta.stageSeconds,
      backend: meta.backend,
      weights: meta.validation.weights,
      validation: meta.validation.blend,
      mf: model.state.config.mf,
      neural: model.state.config.neural,
    },
    algorithms,
    latency,
    targets: checkTargets(algorithms, tuning !== null, meta.trainingSeconds, split.train.length, latency, options.sampledHrTarget),
    seed,
  };
}
