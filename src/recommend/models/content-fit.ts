/**
 * Content similarity for cold start: TF-IDF over title (x2), category (as one
 * term, x2), description/attributes and a price band, cosine between items,
 * top `neighbours` per item. Works for items nobody has interacted with yet.
 */
import type { Catalog } from '../dataset';
import { tokenize } from '../text';
import { NeighbourListBuilder, type NeighbourLists } from './neighbours';

const TITLE_WEIGHT = 2;
const CATEGORY_WEIGHT = 2;

function termCounts(catalog: Catalog, i: number): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, w: number) => counts.set(term, (counts.get(term) ?? 0) + w);
  for (const t of tokenize(catalog.titles[i]!)) add(t, TITLE_WEIGHT);
  for (const t of tokenize(catalog.texts[i]!)) add(t, 1);
  const category = catalog.categories[i]!.trim().toLowerCase();
  if (category) add(`category:${category}`, CATEGORY_WEIGHT);
  const price = catalog.prices[i]!;
  // Price bands a factor of ~1.5 wide: similar things at similar prices.
  if (price > 0) add(`price:${Math.round(Math.log(price) / Math.log(1.5))}`, 1);
  return counts;
}

/** TF-IDF cosine neighbours of every catalogue item. */
export function fitContent(catalog: Catalog, neighbours: number): NeighbourLists {
  const n = catalog.ids.length;
  const docs = catalog.ids.map((_, i) => termCounts(catalog, i));
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  // Postings of terms shared by at least two items (others only lower the norms).
  const postings = new Map<string, { item: number; w: number }[]>();
  const vectors = docs.map((doc, i) => {
    const terms: { term: string; w: number }[] = [];
    let norm = 0;
    for (const [term, tf] of doc) {
      const w = (1 + Math.log(tf)) * (Math.log((n + 1) / (df.get(term)! + 1)) + 1);
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
