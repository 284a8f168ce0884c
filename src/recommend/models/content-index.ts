/**
 * The content model at query time, over the store's current catalogue: the
 * same TF-IDF features as training (content-terms.ts), with document
 * frequencies taken from the catalogue being served. It is what lets a product
 * created after training (no model index, no interactions) be compared with
 * any other product by its text and attributes.
 */
import { termCounts, tfidf, type ContentFields } from './content-terms';

interface Vector {
  terms: Int32Array;
  weights: Float64Array;
}

/** Normalised TF-IDF vectors of a list of items, with postings for fast one-to-all similarities. */
export class ContentIndex {
  private readonly vectors: Vector[];
  /** term -> items holding it, with their weights (only terms shared by two or more items can match). */
  private readonly postings: { items: Int32Array; weights: Float64Array }[];

  constructor(items: readonly ContentFields[]) {
    const docs = items.map(termCounts);
    const termIds = new Map<string, number>();
    const df: number[] = [];
    for (const doc of docs) {
      for (const term of doc.keys()) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = df.length;
          termIds.set(term, id);
          df.push(0);
        }
        df[id]!++;
      }
    }
    const n = items.length;
    const lists: { items: number[]; weights: number[] }[] = df.map(() => ({ items: [], weights: [] }));
    this.vectors = docs.map((doc, i) => {
      const terms = new Int32Array(doc.size);
      const weights = new Float64Array(doc.size);
      let norm = 0;
      let t = 0;
      for (const [term, tf] of doc) {
        const id = termIds.get(term)!;
        const w = tfidf(tf, df[id]!, n);
        terms[t] = id;
        weights[t++] = w;
        norm += w * w;
      }
      norm = Math.sqrt(norm) || 1;
      for (let k = 0; k < weights.length; k++) {
        weights[k]! /= norm;
        if (df[terms[k]!]! >= 2) {
          lists[terms[k]!]!.items.push(i);
          lists[terms[k]!]!.weights.push(weights[k]!);
        }
      }
      return { terms, weights };
    });
    this.postings = lists.map((l) => ({ items: Int32Array.from(l.items), weights: Float64Array.from(l.weights) }));
  }

  /** Cosine similarity of items a and b (positions in the constructor's list). */
  similarity(a: number, b: number): number {
    const [x, y] = [this.vectors[a]!, this.vectors[b]!];
    const [small, large] = x.terms.length <= y.terms.length ? [x, y] : [y, x];
    const at = new Map<number, number>();
    large.terms.forEach((term, k) => at.set(term, large.weights[k]!));
    let sum = 0;
    small.terms.forEach((term, k) => (sum += small.weights[k]! * (at.get(term) ?? 0)));
    return sum;
  }

  /** Adds `weight` x cosine(a, j) to out[j] for every item j sharing a term with a (a itself included). */
  accumulate(a: number, weight: number, out: Float64Array): void {
    const v = this.vectors[a]!;
    v.terms.forEach((term, k) => {
      const list = this.postings[term]!;
      const w = weight * v.weights[k]!;
      for (let p = 0; p < list.items.length; p++) out[list.items[p]!]! += w * list.weights[p]!;
    });
  }
}
