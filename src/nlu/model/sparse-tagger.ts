/**
 * The sparse entity tagger (inference side): per-token multinomial logistic
 * regression over hashed window features, the classic feature set of CRF
 * taggers (the word and three words either side, neighbouring bigrams,
 * affixes, shape, rule-entity cues). It is to entity tagging what the linear
 * head is to intents: exact surface and context evidence that a small
 * from-scratch transformer learns slowly. Its per-token log-probabilities are
 * added to the transformer's with a weight fitted on held-out data, before
 * Viterbi decoding. Only features seen in training have weights; their hashed
 * ids are stored with the model.
 */
import { logSoftmaxInPlace } from '../../ml/softmax';
import type { CueSpan } from '../features/featurizer';
import { fnv1a, wordShape } from '../features/hashing';
import { isPrepositionTag, isVerbTag, posTags } from '../features/pos-tags';
import type { Token } from '../tokenizer';
import { scoreSparseVector, type SparseVector } from './sparse-linear';

/** Names of the tagger's arrays in the weights file. */
export const TAGGER_WEIGHTS = { ids: 'tagger.ids', w: 'tagger.w', b: 'tagger.b' } as const;

/** Hashed ids are < 2^22, so they survive a float32 round trip in the weights file. */
const HASH_MASK = (1 << 22) - 1;

/** Digits fold to 0: flight 1291 and flight 3357 are the same context. */
const fold = (token: Token | undefined, edge: string): string => (token ? token.norm.replace(/\p{Nd}/gu, '0') : edge);

/**
 * Hashed window feature ids of every token: the word, its neighbours, affixes, shape
 * and rule cues (dense word vectors are added by the tagger itself). With the message's `intent` (the gold one in training, the predicted one
 * at inference), the word and its neighbours are also conjoined with it: "five"
 * after "give it" is a rating in rate_book and a quantity elsewhere. With `context`,
 * each word also gets the nearest verb and preposition before it, at any distance
 * (pos-tags.ts): the window sees three words, "arriving in baltimore on june
 * fifteenth" puts the verb five words before the date.
 */
export function taggerFeatureIds(tokens: readonly Token[], cues: readonly CueSpan[], intent?: string, context = false): number[][] {
  const pos = context ? posTags(tokens.map((t) => t.norm)) : [];
  let verb = '<none>';
  let preposition = '<none>';
  return tokens.map((token, i) => {
    const w = (offset: number) => fold(tokens[i + offset], offset < 0 ? '<s>' : '</s>');
    const word = w(0);
    const features = [
      `w0:${word}`,
      `b-:${w(-1)}_${word}`,
      `b+:${word}_${w(1)}`,
      `t-:${w(-2)}_${w(-1)}_${word}`,
      `p3:${word.slice(0, 3)}`,
      `s3:${word.slice(-3)}`,
      `w-1:${w(-1)}`,
      `w-2:${w(-2)}`,
      `w-3:${w(-3)}`,
      `w+1:${w(1)}`,
      `w+2:${w(2)}`,
      `w+3:${w(3)}`,
      `b--:${w(-2)}_${w(-1)}`,
      `b++:${w(1)}_${w(2)}`,
      `sh:${wordShape(token.text)}`,
    ];
    for (const cue of cues) {
      if (token.start < cue.end && token.end > cue.start) features.push(`${token.start <= cue.start ? 'rb' : 'ri'}:${cue.entity}`);
    }
    if (intent !== undefined) features.push(`i:${intent}`, `i:${intent}|w0:${word}`, `i:${intent}|w-1:${w(-1)}`, `i:${intent}|w+1:${w(1)}`);
    if (context) {
      features.push(`pv:${verb}`, `pp:${preposition}`);
      if (isVerbTag(pos[i]!)) verb = word;
      if (isPrepositionTag(pos[i]!)) preposition = word;
    }
    return features.map((f) => fnv1a(f) & HASH_MASK);
  });
}

export class SparseTagger {
  private readonly columnOf = new Map<number, number>();

  /**
   * `ids`: hashed feature id per sparse column; `denseDim` dense columns follow them (the
   * model's word vectors, per token); `weights` [(ids + denseDim) x tags]; `bias` [tags].
   * `contextFeatures`: the tagger was trained with them (taggerFeatureIds), so it reads them.
   */
  constructor(
    readonly ids: Int32Array,
    readonly weights: Float32Array,
    readonly bias: Float32Array,
    readonly denseDim = 0,
    readonly contextFeatures = false,
  ) {
    if (weights.length !== (ids.length + denseDim) * bias.length) {
      throw new Error(`Sparse tagger: ${ids.length} ids, ${denseDim} dense columns and ${weights.length} weights do not fit ${bias.length} tags`);
    }
    ids.forEach((id, column) => this.columnOf.set(id, column));
  }

  get tags(): number {
    return this.bias.length;
  }

  /**
   * Per token, the sparse features with weights, each 1/sqrt(count) so every token has
   * the same norm, then its dense features times `denseScale` (`dense`: [tokens x denseDim]).
   */
  vectorize(tokens: readonly Token[], cues: readonly CueSpan[], intent?: string, dense?: Float32Array, denseScale = 1): SparseVector[] {
    return this.vectorizeFeatures(taggerFeatureIds(tokens, cues, intent, this.contextFeatures), dense, denseScale);
  }

  /** vectorize() from the tokens' taggerFeatureIds, when the caller has them already (training counts them first). */
  vectorizeFeatures(featureIds: readonly (readonly number[])[], dense?: Float32Array, denseScale = 1): SparseVector[] {
    const d = this.denseDim;
    if (d > 0 && (!dense || dense.length < featureIds.length * d)) throw new Error(`This entity tagger needs ${d} dense features per token`);
    return featureIds.map((ids, t) => {
      const columns = ids.map((id) => this.columnOf.get(id)).filter((c): c is number => c !== undefined);
      const values = new Array<number>(columns.length).fill(1 / Math.sqrt(ids.length));
      for (let k = 0; k < d; k++) {
        const value = dense![t * d + k]!;
        if (value === 0) continue;
        columns.push(this.ids.length + k);
        values.push(value * denseScale);
      }
      return { columns: Int32Array.from(columns), values: Float32Array.from(values) };
    });
  }

  /** Per token, log-probabilities of every tag; `intent` only for a tagger trained with intents, `dense` for one with dense columns. */
  logProbs(tokens: readonly Token[], cues: readonly CueSpan[], intent?: string, dense?: Float32Array): Float32Array[] {
    return this.vectorize(tokens, cues, intent, dense).map((x) => logSoftmaxInPlace(scoreSparseVector(this.weights, this.bias, x, new Float32Array(this.tags))));
  }

  snapshot(): { weights: Map<string, Float32Array>; shapes: Map<string, number[]> } {
    return {
      weights: new Map([
        [TAGGER_WEIGHTS.ids, Float32Array.from(this.ids)],
        [TAGGER_WEIGHTS.w, this.weights],
        [TAGGER_WEIGHTS.b, this.bias],
      ]),
      shapes: new Map([
        [TAGGER_WEIGHTS.ids, [this.ids.length]],
        [TAGGER_WEIGHTS.w, [this.ids.length + this.denseDim, this.tags]],
        [TAGGER_WEIGHTS.b, [this.tags]],
      ]),
    };
  }

  /**
   * Rebuilds the tagger from a weights file; undefined when the model has none. Whether it
   * reads context features is model config (taggerContextFeatures), not weights.
   */
  static fromWeights(weights: ReadonlyMap<string, Float32Array>, contextFeatures = false): SparseTagger | undefined {
    const ids = weights.get(TAGGER_WEIGHTS.ids);
    const w = weights.get(TAGGER_WEIGHTS.w);
    const b = weights.get(TAGGER_WEIGHTS.b);
    if (!ids && !w && !b) return undefined;
    if (!ids || !w || !b) throw new Error('Weights of the sparse entity tagger are incomplete');
    const denseDim = b.length > 0 ? w.length / b.length - ids.length : 0;
    if (!Number.isInteger(denseDim) || denseDim < 0) throw new Error('Weights of the sparse entity tagger do not fit its ids and tags');
    return new SparseTagger(Int32Array.from(ids), w.slice(), b.slice(), denseDim, contextFeatures);
  }
}

/**
 * Per token, the normalised product of the two taggers: log softmax(transformer +
 * weight * tagger), both given as log-probabilities. Weight 0 (or no tagger) is the
 * transformer alone.
 */
export function blendTagScores(transformer: readonly Float32Array[], tagger: readonly Float32Array[] | undefined, weight: number): Float32Array[] {
  if (!tagger || weight === 0) return [...transformer];
  return transformer.map((row, t) => {
    const other = tagger[t]!;
    const out = new Float32Array(row.length);
    for (let k = 0; k < row.length; k++) out[k] = row[k]! + weight * other[k]!;
    return logSoftmaxInPlace(out);
  });
}
