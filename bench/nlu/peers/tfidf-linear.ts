/**
 * tfidf-linear: a strong classical baseline in plain TypeScript.
 * Features: word 1-2-grams + char 3-5-grams inside word boundaries (words padded
 * with spaces, like scikit-learn's char_wb), hashed into 2^18 buckets, sublinear
 * TF x smoothed IDF, each group L2-normalised. Model: multinomial logistic
 * regression trained with Adagrad SGD (seeded shuffles, zero init: deterministic).
 * Out-of-scope: out_of_scope is a class, plus a max-probability threshold tuned on
 * a held-out slice of train.
 */
import { softmaxInPlace } from '../../../src/ml/softmax';
import type { Peer, Prediction, TrainContext, TrainingExample } from '../types';
import { Rng } from '../util';
import { fitWithThreshold } from './threshold';

const HASH_BITS = 18;
const HASH_MASK = (1 << HASH_BITS) - 1;

export interface TfidfLinearOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

/** Chosen on a 20% stratified held-out slice of BANKING77 *train* (never test): 0.904 there. */
const DEFAULTS: TfidfLinearOptions = {
  epochs: 8,
  learningRate: 0.1,
  l2: 1e-6,
  seed: 13,
};

function fnv1a(s: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & HASH_MASK;
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
}

/** Raw term counts of the two feature groups (hashed ids). */
function termCounts(text: string): [Map<number, number>, Map<number, number>] {
  const w = words(text);
  const wordGroup = new Map<number, number>();
  const charGroup = new Map<number, number>();
  const add = (m: Map<number, number>, id: number) => m.set(id, (m.get(id) ?? 0) + 1);
  w.forEach((token, i) => {
    add(wordGroup, fnv1a(token, 1));
    if (i > 0) add(wordGroup, fnv1a(`${w[i - 1]} ${token}`, 2));
    const padded = ` ${token} `;
    for (let n = 3; n <= 5; n++) for (let s = 0; s + n <= padded.length; s++) add(charGroup, fnv1a(padded.slice(s, s + n), 3));
  });
  return [wordGroup, charGroup];
}

interface SparseVector {
  ids: Int32Array;
  values: Float32Array;
}

class Vectorizer {
  private idf = new Map<number, number>();
  /** hashed id -> dense column (only ids seen in training get weights). */
  readonly columns = new Map<number, number>();

  fit(texts: readonly string[]): void {
    const df = new Map<number, number>();
    for (const text of texts) for (const group of termCounts(text)) for (const id of group.keys()) df.set(id, (df.get(id) ?? 0) + 1);
    const n = texts.length;
    this.idf.clear();
    this.columns.clear();
    for (const [id, d] of [...df].sort((a, b) => a[0] - b[0])) {
      this.idf.set(id, Math.log((1 + n) / (1 + d)) + 1);
      this.columns.set(id, this.columns.size);
    }
  }

  transform(text: string): SparseVector {
    const ids: number[] = [];
    const values: number[] = [];
    for (const group of termCounts(text)) {
      const start = ids.length;
      let norm = 0;
      for (const [id, tf] of group) {
        const col = this.columns.get(id);
        if (col === undefined) continue;
        const v = (1 + Math.log(tf)) * this.idf.get(id)!;
        ids.push(col);
        values.push(v);
        norm += v * v;
      }
      const scale = norm > 0 ? Math.SQRT1_2 / Math.sqrt(norm) : 0;
      for (let i = start; i < values.length; i++) values[i]! *= scale;
    }
    return { ids: Int32Array.from(ids), values: Float32Array.from(values) };
  }
}

export class TfidfLinearClassifier {
  private readonly vectorizer = new Vectorizer();
  private labels: string[] = [];
  private weights = new Float32Array(0);
  private bias = new Float32Array(0);

  constructor(private readonly options: TfidfLinearOptions = DEFAULTS) {}

  fit(examples: readonly TrainingExample[]): void {
    const { epochs, learningRate, l2, seed } = this.options;
    this.vectorizer.fit(examples.map((e) => e.text));
    this.labels = [...new Set(examples.map((e) => e.intent))].sort();
    const labelIndex = new Map(this.labels.map((l, i) => [l, i]));
    const c = this.labels.length;
    const features = this.vectorizer.columns.size;
    this.weights = new Float32Array(features * c);
    this.bias = new Float32Array(c);
    const gradSq = new Float32Array(features * c);
    const biasGradSq = new Float32Array(c);
    const data = examples.map((e) => ({
      x: this.vectorizer.transform(e.text),
      y: labelIndex.get(e.intent)!,
    }));
    const order = data.map((_, i) => i);
    const rng = new Rng(seed);
    const probs = new Float32Array(c);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (const i of rng.shuffle(order)) {
        const { x, y } = data[i]!;
        this.scores(x, probs);
        softmaxInPlace(probs);
        probs[y]! -= 1; // gradient of the cross-entropy w.r.t. the logits
        for (let k = 0; k < c; k++) {
          const g = probs[k]!;
          biasGradSq[k]! += g * g;
          this.bias[k]! -= (learningRate * g) / (Math.sqrt(biasGradSq[k]!) + 1e-8);
        }
        for (let j = 0; j < x.ids.length; j++) {
          const row = x.ids[j]! * c;
          const xv = x.values[j]!;
          for (let k = 0; k < c; k++) {
            const g = xv * probs[k]! + l2 * this.weights[row + k]!;
            if (g === 0) continue;
            gradSq[row + k]! += g * g;
            this.weights[row + k]! -= (learningRate * g) / (Math.sqrt(gradSq[row + k]!) + 1e-8);
          }
        }
      }
    }
  }

  private scores(x: SparseVector, out: Float32Array): void {
    const c = this.labels.length;
    out.set(this.bias);
    for (let j = 0; j < x.ids.length; j++) {
      const row = x.ids[j]! * c;
      const xv = x.values[j]!;
      for (let k = 0; k < c; k++) out[k]! += xv * this.weights[row + k]!;
    }
  }

  predict(text: string): Prediction {
    const probs = new Float32Array(this.labels.length);
    this.scores(this.vectorizer.transform(text), probs);
    softmaxInPlace(probs);
    let best = 0;
    for (let k = 1; k < probs.length; k++) if (probs[k]! > probs[best]!) best = k;
    return { intent: this.labels[best] ?? '', confidence: probs[best] ?? 0 };
  }

  get featureCount(): number {
    return this.vectorizer.columns.size;
  }
}

export function createTfidfLinearPeer(options: Partial<TfidfLinearOptions> = {}): Peer {
  const settings: TfidfLinearOptions = { ...DEFAULTS, ...options };
  let model = new TfidfLinearClassifier(settings);
  let threshold = 0;
  let oos: string | undefined;
  return {
    name: 'tfidf-linear',
    async train(examples: TrainingExample[], ctx: TrainContext) {
      oos = ctx.outOfScopeIntent;
      threshold = await fitWithThreshold(
        examples,
        ctx,
        async (subset) => {
          model = new TfidfLinearClassifier(settings);
          model.fit(subset);
        },
        (text) => model.predict(text),
      );
      ctx.note(
        `${model.featureCount} distinct hashed features (2^${HASH_BITS} buckets), ${settings.epochs} Adagrad epochs, lr ${settings.learningRate}, l2 ${settings.l2}`,
      );
    },
    predict(text: string): Prediction {
      const p = model.predict(text);
      return oos && p.confidence < threshold ? { intent: oos, confidence: 1 - p.confidence } : p;
    },
  };
}
