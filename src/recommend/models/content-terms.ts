/**
 * The content model's features, shared by training (content-fit.ts) and
 * serving (content-index.ts) so a product added after training is described
 * exactly like the ones the model was trained on: title words (x2), the
 * category as one term (x2), description/attribute words and a price band,
 * weighted TF-IDF and compared by cosine.
 */
import { tokenize } from '../text';

const TITLE_WEIGHT = 2;
const CATEGORY_WEIGHT = 2;

/** What the content model reads of an item. `priceCents` NaN or undefined: no price band. */
export interface ContentFields {
  title: string;
  text: string;
  category: string;
  priceCents?: number;
}

/** Weighted term counts of one item. */
export function termCounts(item: ContentFields): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, w: number) => counts.set(term, (counts.get(term) ?? 0) + w);
  for (const t of tokenize(item.title)) add(t, TITLE_WEIGHT);
  for (const t of tokenize(item.text)) add(t, 1);
  const category = item.category.trim().toLowerCase();
  if (category) add(`category:${category}`, CATEGORY_WEIGHT);
  const price = item.priceCents ?? Number.NaN;
  // Price bands a factor of ~1.5 wide: similar things at similar prices.
  if (price > 0) add(`price:${Math.round(Math.log(price) / Math.log(1.5))}`, 1);
  return counts;
}

/** TF-IDF weight of a term seen `tf` (weighted) times in an item and in `df` of `n` items. */
export function tfidf(tf: number, df: number, n: number): number {
  return (1 + Math.log(tf)) * (Math.log((n + 1) / (df + 1)) + 1);
}
