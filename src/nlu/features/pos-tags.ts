/**
 * Part-of-speech tags (Penn Treebank) of a message's words, from natural's Brill
 * tagger with its English lexicon and transformation rules. The entity tagger
 * reads the nearest verb and preposition before each word from them: "arriving
 * in baltimore on june fifteenth" makes the date an arrival date although the
 * verb is five words away, beyond the feature window. The lexicon loads lazily,
 * once per process (~0.2 s); a message then takes ~0.1 ms.
 */
import { BrillPOSTagger, Lexicon, RuleSet } from 'natural/lib/natural/brill_pos_tagger';

let tagger: BrillPOSTagger | undefined;

/** One tag per word; unknown words are nouns (N). */
export function posTags(words: readonly string[]): string[] {
  if (words.length === 0) return [];
  tagger ??= new BrillPOSTagger(new Lexicon('EN', 'N', 'NNP'), new RuleSet('EN'));
  const tagged = tagger.tag([...words]).taggedWords;
  return words.map((_, i) => tagged[i]?.tag ?? 'N');
}

export const isVerbTag = (tag: string): boolean => tag.startsWith('VB');
export const isPrepositionTag = (tag: string): boolean => tag === 'IN' || tag === 'TO';
