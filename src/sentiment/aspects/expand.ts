/**
 * Grows the aspect seed lists with word-vector nearest neighbours: for every
 * `expand` seed, the top-k words of the GloVe subset by cosine, above a
 * threshold ("colour" -> "hue", "courier" -> "fedex"). A word claimed by two
 * aspects goes to the closer one; seeds are never reassigned.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DenseTokenFeatures } from '../../nlu/features/word-vectors';
import { ASPECT_NAMES, type AspectName } from '../types';
import { AspectLexicon, type AspectLexiconFile } from './aspect-lexicon';
import { ASPECT_SEEDS, type AspectSeeds } from './seeds';

export interface ExpandOptions {
  /** Neighbours considered per seed. */
  topK: number;
  /** Minimum cosine similarity. */
  threshold: number;
  /** Only the first `vocabularyLimit` (most frequent) words are candidates: rare words are mostly noise. */
  vocabularyLimit: number;
  /**
   * Minimum cosine with the centroid of the aspect's expand seeds. GloVe is trained on news, where
   * "assembly" sits next to "parliament": a neighbour must be close to the aspect as a whole, not to one seed.
   */
  centroidThreshold: number;
}

export const DEFAULT_EXPAND_OPTIONS: Readonly<ExpandOptions> = { topK: 10, threshold: 0.6, vocabularyLimit: 30_000, centroidThreshold: 0.68 };

/** Function words and generic nouns that are never aspect terms, however close their vectors are. */
const NEVER = new Set(
  'the a an and or but of to in on for with at by from it its this that these those they them is are was were be been have has had do does did not no so very too also just only more most less much many some any all one two three first new old good bad great best better worse worst well really item items product products thing things stuff way time times year years day days people person company companies market business looking staying enjoying feel higher buying image equipment machinery processing'.split(
    ' ',
  ),
);

function seedTerms(seeds: Readonly<Record<AspectName, AspectSeeds>>): Map<string, AspectName> {
  const terms = new Map<string, AspectName>();
  for (const aspect of ASPECT_NAMES) for (const term of seeds[aspect].terms) terms.set(term, aspect);
  return terms;
}

/** The seed lexicon alone (no word vectors needed). */
export function seedAspectLexicon(seeds = ASPECT_SEEDS): AspectLexicon {
  return new AspectLexicon(seedTerms(seeds));
}

/** Reads the vocabulary of a word-vector folder and returns unit vectors for its first `limit` words. */
function unitVectors(vectorsDir: string, vectors: DenseTokenFeatures, limit: number): { words: string[]; unit: Float32Array } {
  const words = fs.readFileSync(path.join(vectorsDir, 'vocab.txt'), 'utf8').split('\n').filter(Boolean).slice(0, limit);
  const unit = vectors.encode(words.map((w, i) => ({ text: w, norm: w, start: i, end: i })));
  const d = vectors.dim;
  for (let i = 0; i < words.length; i++) {
    let norm = 0;
    for (let j = 0; j < d; j++) norm += unit[i * d + j]! ** 2;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < d; j++) unit[i * d + j]! *= inv;
  }
  return { words, unit };
}

/** Seeds plus their nearest neighbours in the word vectors stored in `vectorsDir`. */
export function expandAspectLexicon(vectorsDir: string, vectors: DenseTokenFeatures, options: Partial<ExpandOptions> = {}, seeds = ASPECT_SEEDS): AspectLexicon {
  const { topK, threshold, vocabularyLimit, centroidThreshold } = { ...DEFAULT_EXPAND_OPTIONS, ...options };
  const terms = seedTerms(seeds);
  const { words, unit } = unitVectors(vectorsDir, vectors, vocabularyLimit);
  const index = new Map(words.map((w, i) => [w, i]));
  const d = vectors.dim;
  const expanded: AspectLexiconFile['expanded'] = {};
  for (const aspect of ASPECT_NAMES) {
    const seedRows = seeds[aspect].expand.map((w) => index.get(w)).filter((i): i is number => i !== undefined);
    const centroid = new Float32Array(d);
    for (const row of seedRows) for (let j = 0; j < d; j++) centroid[j]! += unit[row * d + j]!;
    const centroidNorm = Math.sqrt(centroid.reduce((a, v) => a + v * v, 0)) || 1;
    const nearCentroid = (i: number) => {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += centroid[j]! * unit[i * d + j]!;
      return dot / centroidNorm >= centroidThreshold;
    };
    for (const seed of seeds[aspect].expand) {
      const s = index.get(seed);
      if (s === undefined) continue;
      const scored: [number, number][] = [];
      for (let i = 0; i < words.length; i++) {
        if (i === s) continue;
        let dot = 0;
        for (let j = 0; j < d; j++) dot += unit[s * d + j]! * unit[i * d + j]!;
        if (dot >= threshold) scored.push([i, dot]);
      }
      scored.sort((a, b) => b[1] - a[1]);
      for (const [i, cosine] of scored.slice(0, topK)) {
        const word = words[i]!;
        if (terms.has(word) || NEVER.has(word) || !/^[a-z]{3,}(-[a-z]+)?$/.test(word) || !nearCentroid(i)) continue;
        const previous = expanded[word];
        if (previous && previous.cosine >= cosine) continue;
        expanded[word] = { aspect, seed, cosine: Math.round(cosine * 1000) / 1000 };
      }
    }
  }
  for (const [word, { aspect }] of Object.entries(expanded)) terms.set(word, aspect);
  return new AspectLexicon(terms, expanded);
}
