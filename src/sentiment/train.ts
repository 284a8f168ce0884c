/**
 * Trains the sentiment model with TensorFlow.js: weighted softmax
 * cross-entropy over negative/neutral/positive plus a weighted squared error
 * on the score head, Adam for the dense layers and lazy Adam for the sparse
 * embedding bag. The best epoch on a stratified held-out slice is kept, and
 * `ensemble` members (different seeds and held-out slices) are averaged.
 */
import path from 'node:path';
import { lengthBucketedBatches } from '../ml/batches';
import { initTensorflow, tf, type BackendName } from '../ml/tf-backend';
import { WordVectors } from '../nlu/features/word-vectors';
import { Prng } from '../util/prng';
import { stratifiedHoldOut } from '../util/stratify';
import type { AspectLexicon } from './aspects/aspect-lexicon';
import { hashExamples } from './data/hash';
import { expandAspectLexicon, seedAspectLexicon } from './aspects/expand';
import { SentimentFeaturizer, TOKEN_LEXICON_FEATURES, type EncodedText } from './features/featurizer';
import type { Lexicon } from './lexicon/lexicon';
import { buildLexicon } from './lexicon/sources';
import { resolveSentimentConfig, type SentimentConfig } from './model/config';
import { InferenceNetwork } from './model/inference';
import { initWeights, type WeightMap } from './model/layout';
import { packBatch, TrainingNetwork } from './model/network-tf';
import { SentimentModel } from './model/sentiment-model';
import { SENTIMENT_LABELS, targetForLabel, type LabelledText } from './types';

/** The GloVe subset shipped in the repository. */
export const DEFAULT_VECTORS_DIR = path.resolve(__dirname, '../../models/vectors/glove-50k');

export interface TrainProgress {
  member: number;
  members: number;
  epoch: number;
  epochs: number;
  loss: number;
  validationAccuracy?: number;
  examplesPerSecond: number;
  elapsedSeconds: number;
  etaSeconds: number;
}

export interface TrainSentimentOptions {
  config?: Partial<SentimentConfig>;
  /** Default: built from natural's lexicons (needs plain Node, see lexicon/sources.ts). */
  lexicon?: Lexicon;
  /** Default: seeds expanded with word-vector neighbours. */
  aspects?: AspectLexicon;
  /** Absolute folder of the word vectors; default DEFAULT_VECTORS_DIR (ignored when config.vectors is ''). */
  vectorsDir?: string;
  onProgress?: (progress: TrainProgress) => void;
}

export interface TrainSentimentResult {
  model: SentimentModel;
  backend: BackendName;
  dataHash: string;
  examples: number;
  trainingSeconds: number;
  /** Best epoch of each ensemble member. */
  bestEpochs: number[];
  /** Held-out examples per member and the members' mean validation accuracy (mean over domain/label groups). */
  validation: { examples: number; accuracy?: number };
}

interface Sample {
  encoded: EncodedText;
  label: number;
  target: number;
  weight: number;
  group: string;
}

function domainWeight(config: SentimentConfig, domain: string | undefined): number {
  if (domain === undefined) return 1;
  return config.domainWeights[domain] ?? config.domainWeights[domain.split('-')[0]!] ?? 1;
}

function split(samples: Sample[], share: number, rng: Prng): { train: Sample[]; validation: Sample[] } {
  if (share <= 0) return { train: samples, validation: [] };
  const { kept, held } = stratifiedHoldOut(samples, (s) => s.group, (size) => (size >= 10 ? Math.round(size * share) : 0), rng);
  return { train: kept, validation: held };
}

const makeBatches = (samples: readonly Sample[], size: number, rng: Prng) =>
  lengthBucketedBatches(samples, size, rng, (s) => s.encoded.featureIds.length);

/** Mean per-group accuracy: each domain/label group counts the same, whatever its size. */
function validationAccuracy(network: InferenceNetwork, samples: readonly Sample[]): number {
  const byGroup = new Map<string, [number, number]>();
  for (const s of samples) {
    const { probabilities } = network.forward(s.encoded);
    let best = 0;
    for (let c = 1; c < probabilities.length; c++) if (probabilities[c]! > probabilities[best]!) best = c;
    const entry = byGroup.get(s.group) ?? [0, 0];
    entry[0] += best === s.label ? 1 : 0;
    entry[1] += 1;
    byGroup.set(s.group, entry);
  }
  const accuracies = [...byGroup.values()].map(([ok, n]) => ok / n);
  return accuracies.reduce((a, b) => a + b, 0) / Math.max(1, accuracies.length);
}

interface MemberResult {
  weights: WeightMap;
  embedding: Float32Array;
  bestEpoch: number;
  accuracy?: number;
}

/** Trains one ensemble member; `member` varies the seed (initialisation, split, batches, dropout). */
async function trainMember(samples: readonly Sample[], config: SentimentConfig, denseDim: number, member: number, report: (epoch: number, loss: number, accuracy?: number) => void): Promise<MemberResult> {
  const memberConfig = { ...config, seed: config.seed + 1009 * member };
  const rng = new Prng(memberConfig.seed);
  const { train, validation } = split([...samples], config.validationSplit, rng);
  const network = new TrainingNetwork(memberConfig, denseDim, initWeights(memberConfig, denseDim));
  const optimizer = tf.train.adam(config.learningRate);
  let best: MemberResult | undefined;
  let step = 0;
  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    let lossSum = 0;
    let batches = 0;
    for (const chunk of makeBatches(train, config.batchSize, rng)) {
      const batch = packBatch(
        chunk.map((s) => s.encoded),
        config.maxFeaturesPerToken,
        denseDim,
      );
      step += 1;
      const labels = tf.oneHot(tf.tensor1d(Int32Array.from(chunk, (s) => s.label), 'int32'), SENTIMENT_LABELS.length);
      const targets = tf.tensor1d(Float32Array.from(chunk, (s) => s.target));
      const weights = tf.tensor1d(Float32Array.from(chunk, (s) => s.weight));
      const embedded = tf.variable(network.embed(batch), true);
      const { value, grads } = tf.variableGrads(() => {
        const out = network.forward(batch, embedded, { training: true, seed: memberConfig.seed * 1000 + step });
        const labelLoss = tf.losses.softmaxCrossEntropy(labels, out.logits, weights);
        const scoreLoss = tf.losses.meanSquaredError(targets, out.score, weights);
        return labelLoss.add(scoreLoss.mul(config.scoreLossWeight)) as tf.Scalar;
      }, [...network.variables.values(), embedded]);
      const embeddingGrad = grads[embedded.name]!;
      network.embedding.applyGradient(batch, embeddingGrad.dataSync() as Float32Array, config.embeddingLearningRate);
      delete grads[embedded.name];
      optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
      lossSum += (await value.data())[0]!;
      tf.dispose([value, embeddingGrad, embedded, labels, targets, weights, ...Object.values(grads)]);
      batches += 1;
    }
    let accuracy: number | undefined;
    if (validation.length > 0) {
      const weights = network.snapshot();
      accuracy = validationAccuracy(new InferenceNetwork(config, denseDim, network.embedding.table, weights, TOKEN_LEXICON_FEATURES), validation);
      if (!best || accuracy > best.accuracy!) best = { accuracy, bestEpoch: epoch, weights, embedding: Float32Array.from(network.embedding.table) };
    }
    report(epoch, lossSum / Math.max(1, batches), accuracy);
    if (best && epoch - best.bestEpoch >= config.patience) break;
  }
  optimizer.dispose();
  const result = best ?? { weights: network.snapshot(), embedding: Float32Array.from(network.embedding.table), bestEpoch: config.epochs };
  network.dispose();
  return result;
}

/** Trains a model (an ensemble of `config.ensemble` members) on labelled texts. */
export async function trainSentiment(examples: readonly LabelledText[], options: TrainSentimentOptions = {}): Promise<TrainSentimentResult> {
  if (examples.length === 0) throw new Error('no training examples');
  const config = resolveSentimentConfig(options.config);
  const backend = await initTensorflow();
  const started = Date.now();
  const vectorsDir = config.vectors === '' ? '' : path.resolve(options.vectorsDir ?? DEFAULT_VECTORS_DIR);
  const vectors = vectorsDir ? WordVectors.load(vectorsDir) : undefined;
  const lexicon = options.lexicon ?? buildLexicon();
  const aspects = options.aspects ?? (vectors ? expandAspectLexicon(vectorsDir, vectors) : seedAspectLexicon());
  const featurizer = new SentimentFeaturizer(config, lexicon, vectors);
  const labelIndex = new Map<string, number>(SENTIMENT_LABELS.map((l, i) => [l, i]));
  const samples: Sample[] = examples.map((e) => ({
    encoded: featurizer.encode(e.text),
    label: labelIndex.get(e.label)!,
    target: e.target ?? targetForLabel(e.label),
    weight: domainWeight(config, e.domain),
    group: `${e.domain ?? 'data'}/${e.label}`,
  }));
  const members: MemberResult[] = [];
  const totalEpochs = config.epochs * config.ensemble;
  let seen = 0;
  for (let m = 0; m < config.ensemble; m++) {
    members.push(
      await trainMember(samples, config, featurizer.denseDim, m, (epoch, loss, validationAccuracy) => {
        seen += samples.length;
        const elapsedSeconds = (Date.now() - started) / 1000;
        const done = m * config.epochs + epoch;
        options.onProgress?.({ member: m + 1, members: config.ensemble, epoch, epochs: config.epochs, loss, validationAccuracy, examplesPerSecond: seen / Math.max(elapsedSeconds, 1e-3), elapsedSeconds, etaSeconds: (elapsedSeconds / done) * (totalEpochs - done) });
      }),
    );
  }
  const model = new SentimentModel({ config: { ...config, vectors: vectorsDir }, lexicon, aspects, vectors, vectorsDir, members: members.map(({ weights, embedding }) => ({ weights, embedding })) });
  const accuracies = members.flatMap((m) => (m.accuracy === undefined ? [] : [m.accuracy]));
  return {
    model,
    backend,
    dataHash: hashExamples(examples),
    examples: examples.length,
    trainingSeconds: (Date.now() - started) / 1000,
    bestEpochs: members.map((m) => m.bestEpoch),
    validation: { examples: Math.round(samples.length * config.validationSplit), accuracy: accuracies.length ? accuracies.reduce((a, b) => a + b, 0) / accuracies.length : undefined },
  };
}
