/**
 * tfidf-linear: the classical baseline, trained on exactly the data ours gets.
 * Word 1-2-grams + char 3-5-grams within words, hashed into 2^18 buckets,
 * sublinear TF x smoothed IDF, each group L2-normalised; multinomial logistic
 * regression with Adagrad (seeded, deterministic). Settings follow
 * bench/nlu/peers/tfidf-linear.ts.
 */
import { SENTIMENT_LABELS, type SentimentLabel } from '../../../src/sentiment';
import { Prng } from '../../../src/util/prng';
import type { BenchSplit, PeerPrediction, SentimentPeer } from '../types';

const MASK = (1 << 18) - 1;
const EPOCHS = 8;
const LEARNING_RATE = 0.1;
const L2 = 1e-6;

function hash(s: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}

function counts(text: string): Map<number, number>[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
  const wordGroup = new Map<number, number>();
  const charGroup = new Map<number, number>();
  const add = (m: Map<number, number>, id: number) => m.set(id, (m.get(id) ?? 0) + 1);
  words.forEach((w, i) => {
    add(wordGroup, hash(w, 1));
    if (i > 0) add(wordGroup, hash(`${words[i - 1]} ${w}`, 2));
    const padded = ` ${w} `;
    for (let n = 3; n <= 5; n++) for (let s = 0; s + n <= padded.length; s++) add(charGroup, hash(padded.slice(s, s + n), 3));
  });
  return [wordGroup, charGroup];
}

interface Sparse {
  ids: number[];
  values: number[];
}

export function createTfidfLinearPeer(seed = 13): SentimentPeer {
  let idf = new Map<number, number>();
  let columns = new Map<number, number>();
  let weights = new Float32Array(0);
  let bias = new Float32Array(0);
  const C = SENTIMENT_LABELS.length;
  const vectorize = (text: string): Sparse => {
    const out: Sparse = { ids: [], values: [] };
    for (const group of counts(text)) {
      const start = out.ids.length;
      let norm = 0;
      for (const [id, tf] of group) {
        const col = columns.get(id);
        if (col === undefined) continue;
        const v = (1 + Math.log(tf)) * idf.get(id)!;
        out.ids.push(col);
        out.values.push(v);
        norm += v * v;
      }
      for (let i = start; i < out.values.length; i++) out.values[i]! *= norm > 0 ? Math.SQRT1_2 / Math.sqrt(norm) : 0;
    }
    return out;
  };
  const probabilities = (x: Sparse): Float32Array => {
    const p = Float32Array.from(bias);
    x.ids.forEach((col, j) => {
      for (let k = 0; k < C; k++) p[k]! += x.values[j]! * weights[col * C + k]!;
    });
    const max = Math.max(...p);
    let sum = 0;
    for (let k = 0; k < C; k++) sum += p[k] = Math.exp(p[k]! - max);
    for (let k = 0; k < C; k++) p[k]! /= sum;
    return p;
  };
  return {
    name: 'tfidf-linear',
    description: 'TF-IDF word 1-2-grams + char 3-5-grams, logistic regression (Adagrad, 8 epochs), same training data as ours',
    async train(split: BenchSplit) {
      const df = new Map<number, number>();
      for (const e of split.train) for (const group of counts(e.text)) for (const id of group.keys()) df.set(id, (df.get(id) ?? 0) + 1);
      idf = new Map([...df].map(([id, d]) => [id, Math.log((1 + split.train.length) / (1 + d)) + 1]));
      columns = new Map([...df.keys()].sort((a, b) => a - b).map((id, i) => [id, i]));
      weights = new Float32Array(columns.size * C);
      bias = new Float32Array(C);
      const gradSq = new Float32Array(weights.length);
      const biasSq = new Float32Array(C);
      const labelIndex = new Map<SentimentLabel, number>(SENTIMENT_LABELS.map((l, i) => [l, i]));
      const data = split.train.map((e) => ({ x: vectorize(e.text), y: labelIndex.get(e.label)! }));
      const rng = new Prng(seed);
      const order = data.map((_, i) => i);
      for (let epoch = 0; epoch < EPOCHS; epoch++) {
        for (const i of rng.shuffle(order)) {
          const { x, y } = data[i]!;
          const p = probabilities(x);
          p[y]! -= 1;
          for (let k = 0; k < C; k++) {
            biasSq[k]! += p[k]! ** 2;
            bias[k]! -= (LEARNING_RATE * p[k]!) / (Math.sqrt(biasSq[k]!) + 1e-8);
          }
          x.ids.forEach((col, j) => {
            for (let k = 0; k < C; k++) {
              const at = col * C + k;
              const g = x.values[j]! * p[k]! + L2 * weights[at]!;
              if (g === 0) continue;
              gradSq[at]! += g * g;
              weights[at]! -= (LEARNING_RATE * g) / (Math.sqrt(gradSq[at]!) + 1e-8);
            }
          });
        }
      }
    },
    predict(text: string): PeerPrediction {
      const p = probabilities(vectorize(text));
      let best = 0;
      for (let k = 1; k < C; k++) if (p[k]! > p[best]!) best = k;
      return { label: SENTIMENT_LABELS[best]!, score: p[2]! - p[0]! };
    },
  };
}
