/**
 * Content similarity for cold start: TF-IDF over the features of
 * content-terms.ts, cosine between items, top `neighbours` per item. Works for
 * items nobody has interacted with yet.
 */
import type { Catalog } from '../dataset';
import { termCounts, tfidf } from './content-terms';
import { NeighbourListBuilder, type NeighbourLists } from './neighbours';

/** TF-IDF cosine neighbours of every catalogue item. */
export function fitContent(catalog: Catalog, neighbours: number): NeighbourLists {
  const n = catalog.ids.length;
  const docs = catalog.ids.map((_, i) => termCounts({ title: catalog.titles[i]!, text: catalog.texts[i]!, category: catalog.categories[i]!, priceCents: catalog.prices[i]! }));
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  // Postings of terms shared by at least two items (others only lower the norms).
  const postings = new Map<string, { item: number; w: number }[]>();
  const vectors = docs.map((doc, i) => {
    const terms: { term: string; w: number }[] = [];
    let norm = 0;
    for (const [term, tf] of doc) {
      const w = tfidf(tf, df.get(term)!, n);
      terms.push({ term, w });
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const t of terms) {
      t.w /= norm;
      if (df.get(t.term)! >= 2) {
        let list = postings.get(t.term);
        if (!list) postings.set(t.term, (list = []));
        list.push({ item: i, w: t.w });
      }
    }
    return terms;
  });
  const builder = new NeighbourListBuilder(neighbours);
  const acc = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    touched.length = 0;
    for (const { term, w } of vectors[i]!) {
      for (const { item: j, w: wj } of postings.get(term) ?? []) {
        if (j === i) continue;
        if (!seen[j]) {
          seen[j] = 1;
          touched.push(j);
        }
        acc[j]! += w * wj;
      }
    }
    builder.push(acc, touched);
    for (const j of touched) {
      acc[j] = 0;
      seen[j] = 0;
    }
  }
  return builder.build();
}
