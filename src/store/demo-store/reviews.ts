/**
 * Reviews: ratings follow each product's latent quality (J-shaped overall:
 * many 5s, some 1s), text is composed from aspect phrase banks whose polarity
 * agrees with the rating (3 stars mix praise and complaints), and products with
 * a quality drop get markedly worse reviews in the last 8 weeks. Reviewers are
 * customers who received the product whenever enough such purchases exist.
 */
import type { Affinity } from './clusters';
import type { CustomerSet } from './customers';
import type { OrderRecord } from './orders';
import type { ProductMeta, ProductSet } from './products';
import type { Rng } from './prng';
import { ASPECT_PHRASES, CLOSERS, DECLINE_PHRASES, EMOJI, fillPhrase, INTENSIFIERS, OPENERS, TITLES, TYPOS, type Aspect, type NounForms, type Polarity } from './review-phrases';
import { DAY, HOUR, MINUTE, type ActivityCalendar } from './time';
import type { ReturnRow, ReviewRow } from './types';

const COMMON: readonly Aspect[] = ['quality', 'value', 'shipping', 'packaging', 'service', 'design'];
/** Aspects that make sense per category (fit only for clothing and shoes). */
export const CATEGORY_ASPECTS: Readonly<Record<string, readonly Aspect[]>> = {
  clothing: [...COMMON, 'fit', 'durability', 'comfort'],
  shoes: [...COMMON, 'fit', 'durability', 'comfort'],
  electronics: [...COMMON, 'durability', 'ease'],
  'home & kitchen': [...COMMON, 'durability', 'ease'],
  beauty: [...COMMON, 'ease', 'comfort'],
  'sports & outdoors': [...COMMON, 'durability', 'ease', 'comfort'],
  toys: [...COMMON, 'durability', 'ease'],
  books: [...COMMON],
  jewelry: [...COMMON, 'durability', 'comfort'],
  bags: [...COMMON, 'durability', 'comfort'],
  furniture: [...COMMON, 'durability', 'ease', 'comfort'],
  garden: [...COMMON, 'durability', 'ease'],
  'pet supplies': [...COMMON, 'durability', 'ease', 'comfort'],
};
const ASPECT_WEIGHT: Readonly<Record<Aspect, number>> = { quality: 3, fit: 3, value: 2, shipping: 1.3, durability: 1.6, packaging: 0.7, service: 0.6, design: 1.5, ease: 1.6, comfort: 2.2 };
const RECENT_WINDOW = 56 * DAY;

/** Star rating from a product's latent quality; drops and returns pull it down. */
export function ratingFor(rng: Rng, quality: number): number {
  const pBad = 1 / (1 + Math.exp(1.9 + 1.3 * quality));
  if (rng.chance(pBad)) return rng.chance(0.8) ? 1 : 2;
  const s = 0.9 * quality + rng.normal(0, 0.85) + 0.9;
  if (s < -0.75) return 2;
  if (s < 0.2) return 3;
  if (s < 0.95) return 4;
  return 5;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function addTypo(rng: Rng, text: string): string {
  const words = Object.keys(TYPOS).filter((w) => text.includes(w));
  if (words.length > 0) {
    const word = rng.pick(words);
    return text.replace(word, TYPOS[word] as string);
  }
  // Swap two adjacent letters of a longer word.
  const matches = [...text.matchAll(/[a-z]{6,}/g)];
  if (matches.length === 0) return text;
  const m = rng.pick(matches);
  const at = (m.index ?? 0) + rng.int(1, m[0].length - 2);
  return text.slice(0, at) + text.charAt(at + 1) + text.charAt(at) + text.slice(at + 2);
}

/** Title and text for a review of a product named by `forms`, drawing aspects from `aspects`. */
export function composeReview(rng: Rng, rating: number, forms: NounForms, aspects: readonly Aspect[], options: { decline?: boolean; lead?: Aspect } = {}): { title: string; text: string } {
  const phrase = (aspect: Aspect, polarity: Polarity) => fillPhrase(rng.pick(ASPECT_PHRASES[aspect][polarity]), forms, rng.pick(INTENSIFIERS));
  const k = Math.min(aspects.length, rating === 3 ? rng.weighted([2, 3], [70, 30]) : rng.weighted([1, 2, 3], [30, 48, 22]));
  const pool = [...aspects];
  const chosen: Aspect[] = [];
  if (options.lead && pool.includes(options.lead)) chosen.push(options.lead);
  while (chosen.length < k) {
    const rest = pool.filter((a) => !chosen.includes(a));
    chosen.push(rng.weighted(rest, rest.map((a) => ASPECT_WEIGHT[a])));
  }

  const sentences: string[] = [];
  if (rng.chance(0.55)) sentences.push(fillPhrase(rng.pick(OPENERS[rating] ?? []), forms, rng.pick(INTENSIFIERS)));
  if (options.decline && rating <= 3) sentences.push(`${cap(fillPhrase(rng.pick(DECLINE_PHRASES), forms, 'really'))}.`);
  const end = rating === 5 && rng.chance(0.3) ? '!' : '.';
  if (rating === 5 || rating === 1 || (rating === 4 && (chosen.length < 2 || !rng.chance(0.35))) || (rating === 2 && (chosen.length < 2 || !rng.chance(0.3)))) {
    const polarity: Polarity = rating >= 4 ? 'pos' : 'neg';
    const clauses = chosen.map((a) => phrase(a, polarity));
    if (clauses.length >= 2 && rng.chance(0.35)) sentences.push(`${cap(clauses[0] as string)} and ${clauses[1]}${end}`, ...clauses.slice(2).map((c) => `${cap(c)}${end}`));
    else sentences.push(...clauses.map((c) => `${cap(c)}${end}`));
  } else if (rating === 4) {
    // Mostly praise, one minor complaint.
    const [minor, ...good] = chosen;
    sentences.push(...good.map((a) => `${cap(phrase(a, 'pos'))}.`));
    sentences.push(`${rng.pick(['Only complaint: ', 'My one gripe: ', 'One downside: ', 'Small nitpick: '])}${phrase(minor as Aspect, 'neg')}.`);
  } else {
    // 3 stars (and some 2s): praise and complaints side by side.
    const [good, bad, extra] = rng.chance(0.5) ? chosen : [chosen[1], chosen[0], chosen[2]];
    const joiner = rng.pick([', but ', ' but ', ' - but ', ', but sadly ', ', but honestly ']);
    sentences.push(`${cap(phrase(good as Aspect, 'pos'))}${joiner}${phrase(bad as Aspect, 'neg')}.`);
    if (extra) sentences.push(`${cap(phrase(extra, rating === 3 && rng.chance(0.5) ? 'pos' : 'neg'))}.`);
  }
  if (rng.chance(0.4)) sentences.push(rng.pick(CLOSERS[rating] ?? []));
  let text = sentences.join(' ');
  if (rng.chance(0.1)) text += ` ${rng.pick(EMOJI[rating] ?? [])}`;
  if (rng.chance(0.05)) text = addTypo(rng, text);
  let title = fillPhrase(rng.pick(TITLES[rating] ?? []), forms, 'really');
  if ((rating === 5 || rating === 1) && rng.chance(0.08)) title = title.toUpperCase();
  return { title, text };
}

interface Pending {
  product: number;
  customerId: number;
  atMs: number;
  returned: boolean;
}

export function generateReviews(
  rng: Rng,
  target: number,
  refMs: number,
  calendar: ActivityCalendar,
  products: ProductSet,
  affinity: Affinity,
  customers: CustomerSet,
  records: readonly OrderRecord[],
  returns: readonly ReturnRow[],
): ReviewRow[] {
  const pairs = new Set<string>();
  const pending: Pending[] = [];
  const returnedItems = new Set(returns.map((r) => r.orderItemId));

  // Verified purchases: received items, reviewed days to weeks after delivery.
  const verified: Pending[] = [];
  for (const r of records) {
    if (r.persona || r.deliveredAtMs === null) continue;
    for (const item of r.items) {
      const key = `${r.order.customerId}:${item.productId}`;
      if (pairs.has(key)) continue;
      const atMs = r.deliveredAtMs + 2 * HOUR + Math.floor(rng.exp(7 * DAY));
      if (atMs >= refMs - 30 * MINUTE) continue;
      pairs.add(key);
      verified.push({ product: item.productId - 1, customerId: r.order.customerId, atMs, returned: returnedItems.has(item.id) });
    }
  }
  rng.shuffle(verified);
  const drops = affinity.qualityDrop.flatMap((d, i) => (d ? [i] : []));
  const extraPerDrop = Math.max(2, Math.round((target / Math.max(1, products.rows.length)) * 0.6));
  const verifiedCount = Math.min(verified.length, Math.round(target * 0.8));
  for (const v of verified.slice(0, verifiedCount)) pending.push(v);
  for (const v of verified.slice(verifiedCount)) pairs.delete(`${v.customerId}:${v.product + 1}`);

  // Other customers (gifts, in-store purchases): popular products, any time after both existed.
  const others = customers.rows.filter((c) => c.id > 3);
  const addOther = (product: number, fromMs: number) => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const customer = rng.pick(others);
      const key = `${customer.id}:${product + 1}`;
      if (pairs.has(key)) continue;
      const atMs = calendar.sampleAfter(rng, Math.max(fromMs, customer.createdAt.getTime() + HOUR));
      pairs.add(key);
      pending.push({ product, customerId: customer.id, atMs, returned: false });
      return;
    }
  };
  // Products whose quality dropped draw a wave of recent (bad) reviews.
  for (const product of drops) {
    for (let i = 0; i < extraPerDrop && pending.length < target; i++) addOther(product, Math.max(refMs - RECENT_WINDOW, (products.meta[product] as ProductMeta).createdAtMs + DAY));
  }
  for (let guard = 0; pending.length < target && guard < target * 3; guard++) {
    const product = affinity.productSampler.sample(rng);
    addOther(product, (products.meta[product] as ProductMeta).createdAtMs + DAY);
  }

  pending.sort((a, b) => a.atMs - b.atMs || a.customerId - b.customerId || a.product - b.product);
  return pending.map((p, i) => {
    const meta = products.meta[p.product] as ProductMeta;
    const decline = (affinity.qualityDrop[p.product] ?? false) && p.atMs >= refMs - RECENT_WINDOW;
    const quality = (affinity.quality[p.product] as number) - (decline ? 2.6 : 0) - (p.returned ? 1.2 : 0);
    const rating = ratingFor(rng, quality);
    const aspects = CATEGORY_ASPECTS[meta.def.name] ?? ['quality', 'value'];
    const lead: Aspect | undefined = p.returned && meta.sizes.length > 0 && aspects.includes('fit') ? 'fit' : decline ? 'quality' : undefined;
    const { title, text } = composeReview(rng, rating, { noun: meta.kind.noun, plural: meta.kind.plural }, aspects, { decline, lead });
    return { id: i + 1, productId: p.product + 1, customerId: p.customerId, rating, title, text, createdAt: new Date(p.atMs) };
  });
}
