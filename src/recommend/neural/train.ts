/**
 * Trains the neural next-item model with TensorFlow.js: every position of
 * every history is an example (bags of the items before it -> the item at it),
 * a sample of them per epoch, full softmax over the catalogue, Adam.
 * Embedding bags are computed on plain arrays (see tf-ops.ts) because wasm
 * gathers are slow; weights come back as plain arrays for NeuralSource.
 */
import type { NeuralConfig } from '../config';
import type { UserHistory } from '../dataset';
import { Prng } from '../../util/prng';
import { initTensorflow, tf, type BackendName } from '../../ml/tf-backend';
import { BAG_COUNT, historyBags } from './features';
import type { NeuralWeights } from './model';
import { embeddingBag, matMul, softmaxCrossEntropy, type BagBatch } from './tf-ops';

export interface NeuralEpoch {
  epoch: number;
  epochs: number;
  loss: number;
  examplesPerSecond: number;
}

export interface NeuralTrainResult {
  weights: NeuralWeights;
  backend: BackendName;
  epochs: NeuralEpoch[];
}

function normalTable(prng: Prng, size: number, scale: number): Float32Array {
  return Float32Array.from({ length: size }, () => scale * prng.normal());
}

/** Deterministic for a seed (single-threaded backends). */
export async function trainNeural(histories: readonly UserHistory[], itemCount: number, config: NeuralConfig, seed: number, onEpoch?: (e: NeuralEpoch) => void): Promise<NeuralTrainResult> {
  const backend = await initTensorflow();
  const prng = new Prng(seed);
  const { dim, hidden } = config;
  const settings = { shortWindow: config.shortWindow, shortDecay: config.shortDecay, longWindow: config.longWindow };
  const examples: number[] = [];
  const targetCounts = new Float64Array(itemCount);
  histories.forEach((h, u) => {
    for (let t = 1; t < h.items.length; t++) {
      examples.push(u * 65536 + t);
      targetCounts[h.items[t]!]!++;
    }
  });
  if (histories.some((h) => h.items.length >= 65536)) throw new RangeError('histories longer than 65,535 items are not supported');
  const total = examples.length;
  const prior = Float32Array.from(targetCounts, (c) => Math.log((c + 1) / (total + itemCount)));
  const vars = {
    embeddings: tf.variable(tf.tensor2d(normalTable(prng, itemCount * dim, 0.1), [itemCount, dim]), true),
    w1: tf.variable(tf.tensor2d(normalTable(prng, BAG_COUNT * dim * hidden, Math.sqrt(1 / (BAG_COUNT * dim))), [BAG_COUNT * dim, hidden]), true),
    b1: tf.variable(tf.zeros([hidden]), true),
    w2: tf.variable(tf.tensor2d(normalTable(prng, hidden * itemCount, Math.sqrt(1 / hidden)), [hidden, itemCount]), true),
    b2: tf.variable(tf.tensor1d(prior), true),
  };
  const varList = Object.values(vars);
  const optimizer = tf.train.adam(config.learningRate);
  const log: NeuralEpoch[] = [];
  try {
    const perEpoch = config.examplesPerEpoch > 0 ? Math.min(total, config.examplesPerEpoch) : total;
    for (let epoch = 1; epoch <= config.epochs && total > 0; epoch++) {
      const started = performance.now();
      const picked = prng.shuffle(examples.slice()).slice(0, perEpoch);
      let lossSum = 0;
      for (let start = 0; start < picked.length; start += config.batchSize) {
        const chunk = picked.slice(start, start + config.batchSize);
        const offsets = [0];
        const items: number[] = [];
        const weights: number[] = [];
        const targets = new Float32Array(chunk.length * itemCount);
        chunk.forEach((code, row) => {
          const h = histories[Math.floor(code / 65536)]!;
          const t = code % 65536;
          for (const bag of historyBags(h.items, t, settings, () => prng.next() >= config.itemDropout)) {
            items.push(...bag.items);
            weights.push(...bag.weights);
            offsets.push(items.length);
          }
          targets[row * itemCount + h.items[t]!] = 1;
        });
        const batch: BagBatch = { offsets: Int32Array.from(offsets), items: Int32Array.from(items), weights: Float32Array.from(weights), width: BAG_COUNT };
        const y = tf.tensor2d(targets, [chunk.length, itemCount]);
        const cost = optimizer.minimize(
          () => {
            const x = embeddingBag(vars.embeddings, batch);
            const h = tf.tanh(tf.add(matMul(x, vars.w1), vars.b1)) as tf.Tensor2D;
            const logits = tf.add(matMul(h, vars.w2), vars.b2) as tf.Tensor2D;
            return softmaxCrossEntropy(logits, y);
          },
          true,
          varList,
        );
        y.dispose();
        if (cost) {
          lossSum += (cost.dataSync()[0] ?? 0) * chunk.length;
          cost.dispose();
        }
        if (config.weightDecay > 0) {
          tf.tidy(() => {
            for (const v of [vars.embeddings, vars.w1, vars.w2]) v.assign(tf.mul(v, 1 - config.learningRate * config.weightDecay));
          });
        }
      }
      const seconds = (performance.now() - started) / 1000;
      const entry = { epoch, epochs: config.epochs, loss: lossSum / picked.length, examplesPerSecond: picked.length / Math.max(seconds, 1e-9) };
      log.push(entry);
      onEpoch?.(entry);
    }
    const read = (v: tf.Variable) => Float32Array.from(v.dataSync() as Float32Array);
    const weights: NeuralWeights = {
      ...settings,
      items: itemCount,
      dim,
      hidden,
      embeddings: read(vars.embeddings),
      w1: read(vars.w1),
      b1: read(vars.b1),
      w2: read(vars.w2),
      b2: read(vars.b2),
    };
    return { weights, backend, epochs: log };
  } finally {
    optimizer.dispose();
    for (const v of varList) v.dispose();
  }
}
