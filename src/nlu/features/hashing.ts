/**
 * Sparse per-token features, hashed into a fixed number of buckets (the
 * "hashing trick"): the model needs no vocabulary file and unseen words still
 * share character n-grams with seen ones, which is what makes typos and
 * inflections work. Bucket 0 is reserved for padding.
 */
import type { Token } from '../tokenizer';

/** FNV-1a 32-bit: fast, stable across platforms and versions. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface HashingOptions {
  buckets: number;
  /** Character n-gram sizes taken from `<word>` with boundary marks. */
  charNgrams: readonly number[];
  /** At most this many features per token (the rest are dropped, longest words lose middle n-grams). */
  maxFeatures: number;
}

export function wordShape(text: string): string {
  const shape = text
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{N}/gu, 'd')
    .replace(/(.)\1{2,}/g, '$1$1');
  return shape.length > 8 ? shape.slice(0, 8) : shape;
}

/** Feature strings for one token; `extra` carries rule-entity cues ("rule:color"). */
export function tokenFeatureStrings(token: Token, options: HashingOptions, extra: readonly string[] = []): string[] {
  const word = token.norm;
  const features = [`w:${word}`, `shape:${wordShape(token.text)}`, ...extra];
  if (/^\p{N}+$/u.test(word)) features.push(`num:${Math.min(word.length, 9)}`);
  if (word.length > 3) features.push(`pre:${word.slice(0, 3)}`, `suf:${word.slice(-3)}`);
  const marked = `<${word}>`;
  for (const n of options.charNgrams) {
    for (let i = 0; i + n <= marked.length; i++) features.push(`c${n}:${marked.slice(i, i + n)}`);
  }
  return features.slice(0, options.maxFeatures);
}

/** Maps feature strings to bucket ids in [1, buckets). */
export function hashFeatures(features: readonly string[], buckets: number): number[] {
  return features.map((f) => 1 + (fnv1a(f) % (buckets - 1)));
}
