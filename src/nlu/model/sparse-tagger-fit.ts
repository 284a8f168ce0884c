/** Training of the sparse entity tagger (sparse-tagger.ts): training side only. */
import type { CueSpan } from '../features/featurizer';
import type { Token } from '../tokenizer';
import { fitSoftmaxRegression, type SparseLinearOptions } from './sparse-linear-fit';
import { SparseTagger, taggerFeatureIds } from './sparse-tagger';

export interface TaggedSentence {
  tokens: readonly Token[];
  cues: readonly CueSpan[];
  /** Gold tag index per token. */
  tags: readonly number[];
  /** The message's intent, for a tagger that conjoins features with it. */
  intent?: string;
  /** Dense features per token [tokens x denseDim], for a tagger with dense columns. */
  dense?: Float32Array;
}

export interface SparseTaggerOptions extends SparseLinearOptions {
  /** Features seen fewer times than this get no weight (keeps the weights file small). */
  minCount: number;
  /** Dense features per token (0 = none) and the scale they are learned at (folded into the weights after). */
  denseDim: number;
  denseScale: number;
  /** Nearest verb and preposition before each word (taggerFeatureIds). */
  contextFeatures: boolean;
}

export function fitSparseTagger(sentences: readonly TaggedSentence[], tags: number, options: SparseTaggerOptions): SparseTagger {
  const featureIds = sentences.map((s) => taggerFeatureIds(s.tokens, s.cues, s.intent, options.contextFeatures));
  const counts = new Map<number, number>();
  for (const sentence of featureIds) for (const token of sentence) for (const id of token) counts.set(id, (counts.get(id) ?? 0) + 1);
  const ids = Int32Array.from([...counts].filter(([, n]) => n >= options.minCount).map(([id]) => id).sort((a, b) => a - b));
  const { denseDim, denseScale } = options;
  const tagger = new SparseTagger(ids, new Float32Array((ids.length + denseDim) * tags), new Float32Array(tags), denseDim, options.contextFeatures);
  const data = sentences.flatMap((sentence, i) =>
    tagger.vectorizeFeatures(featureIds[i]!, sentence.dense, denseScale).map((x, t) => ({ x, y: sentence.tags[t]! })),
  );
  // Most tags are far from every token: skipping their vanishing updates makes the dense columns affordable.
  fitSoftmaxRegression(data, tagger.weights, tagger.bias, { ...options, skipBelow: 1e-3 });
  // Dense values were scaled for learning; inference reads them unscaled.
  for (let i = ids.length * tags; i < tagger.weights.length; i++) tagger.weights[i]! *= denseScale;
  return tagger;
}
