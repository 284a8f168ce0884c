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
}

export interface SparseTaggerOptions extends SparseLinearOptions {
  /** Features seen fewer times than this get no weight (keeps the weights file small). */
  minCount: number;
}

export function fitSparseTagger(sentences: readonly TaggedSentence[], tags: number, options: SparseTaggerOptions): SparseTagger {
  const featureIds = sentences.map((s) => taggerFeatureIds(s.tokens, s.cues, s.intent));
  const counts = new Map<number, number>();
  for (const sentence of featureIds) for (const token of sentence) for (const id of token) counts.set(id, (counts.get(id) ?? 0) + 1);
  const ids = Int32Array.from([...counts].filter(([, n]) => n >= options.minCount).map(([id]) => id).sort((a, b) => a - b));
  const tagger = new SparseTagger(ids, new Float32Array(ids.length * tags), new Float32Array(tags));
  const data = sentences.flatMap((sentence) => tagger.vectorize(sentence.tokens, sentence.cues, sentence.intent).map((x, t) => ({ x, y: sentence.tags[t]! })));
  fitSoftmaxRegression(data, tagger.weights, tagger.bias, options);
  return tagger;
}
