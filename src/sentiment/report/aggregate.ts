/**
 * Aggregates scored reviews (score.ts): distributions per category, brand and
 * product, aspect scores and themes, the weekly trend, example quotes,
 * products whose negative share rose in the recent weeks (two-proportion
 * z-test, BH-adjusted) and reviews whose text contradicts their rating.
 * Scoring and aggregation are separate so a server can score once and build a
 * report per filter cheaply; `buildSentimentReport` does both in one call.
 */
import { ASPECT_NAMES, labelForRating, type AspectName } from '../types';
import { createReviewScorer, type ReportModel, type ScoredReview } from './score';
import { topThemes } from './themes';
import type { AspectSummary, Distribution, Quote, ReportOptions, ReviewRecord, RisingProduct, SentimentReport, WeekPoint } from './types';
import { benjaminiHochberg, twoProportionZTest } from './ztest';
import { groupBy } from '../../util/group-by';

export type { ReportModel } from './score';

type Scored = ScoredReview;

const DAY_MS = 86_400_000;
const MIN_GROUP = 5;

function emptyDistribution(): Distribution {
  return { reviews: 0, negative: 0, neutral: 0, positive: 0, meanScore: 0, meanRating: 0 };
}

function distribution(items: readonly Scored[]): Distribution {
  const d = emptyDistribution();
  for (const { review, result } of items) {
    d.reviews += 1;
    d[result.label] += 1;
    d.meanScore += result.score;
    d.meanRating += review.rating;
  }
  if (d.reviews > 0) {
    d.meanScore = Math.round((d.meanScore / d.reviews) * 1000) / 1000;
    d.meanRating = Math.round((d.meanRating / d.reviews) * 100) / 100;
  }
  return d;
}


function aspectSummaries(items: readonly Scored[]): AspectSummary[] {
  // One pass over the mentions: this runs for the whole selection and again per category.
  const byAspect = new Map<AspectName, AspectSummary>(ASPECT_NAMES.map((aspect) => [aspect, { aspect, mentions: 0, positive: 0, neutral: 0, negative: 0, score: 0 }]));
  for (const item of items) {
    for (const m of item.aspects) {
      const s = byAspect.get(m.aspect)!;
      s.mentions += 1;
      s[m.polarity] += 1;
    }
  }
  return ASPECT_NAMES.map((aspect) => {
    const s = byAspect.get(aspect)!;
    s.score = s.mentions ? Math.round(((s.positive - s.negative) / s.mentions) * 1000) / 1000 : 0;
    return s;
  });
}

/** Days since 1970-01-01 of the Monday (UTC) of the week `ms` falls in; 1970-01-01 was a Thursday. */
function mondayDay(ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  return day - ((((day + 3) % 7) + 7) % 7);
}

function weekly(items: readonly Scored[]): WeekPoint[] {
  // Integer keys: formatting a date per review costs more than the rest of the trend.
  return [...groupBy(items, (s) => mondayDay(s.review.createdAt.getTime()))]
    .sort((a, b) => a[0] - b[0])
    .map(([monday, list]) => {
      const d = distribution(list);
      return { weekStart: new Date(monday * DAY_MS).toISOString().slice(0, 10), reviews: d.reviews, negativeShare: d.negative / d.reviews, positiveShare: d.positive / d.reviews, meanScore: d.meanScore };
    });
}

function quote(s: Scored): Quote {
  return { reviewId: s.review.id, productId: s.review.productId, productTitle: s.review.productTitle, rating: s.review.rating, label: s.result.label, score: s.result.score, text: s.review.text };
}

function topQuotes(items: readonly Scored[], sign: 1 | -1, count: number): Quote[] {
  const seen = new Set<string>();
  const out: Quote[] = [];
  const sorted = items.filter((s) => s.review.text.length <= 240 && s.result.label === (sign > 0 ? 'positive' : 'negative')).sort((a, b) => sign * (b.result.score - a.result.score) || b.review.text.length - a.review.text.length);
  for (const s of sorted) {
    if (seen.has(s.review.text)) continue;
    seen.add(s.review.text);
    out.push(quote(s));
    if (out.length >= count) break;
  }
  return out;
}

function risingProducts(items: readonly Scored[], recentFromMs: number, fdr: number): { tested: number; products: RisingProduct[] } {
  const tests: Omit<RisingProduct, 'q' | 'significant'>[] = [];
  for (const list of groupBy(items, (s) => s.review.productId).values()) {
    const recent = list.filter((s) => s.review.createdAt.getTime() >= recentFromMs);
    const before = list.filter((s) => s.review.createdAt.getTime() < recentFromMs);
    if (recent.length < MIN_GROUP || before.length < MIN_GROUP) continue;
    const x1 = recent.filter((s) => s.result.label === 'negative').length;
    const x2 = before.filter((s) => s.result.label === 'negative').length;
    const test = twoProportionZTest(x1, recent.length, x2, before.length);
    const first = list[0]!.review;
    tests.push({
      productId: first.productId,
      productTitle: first.productTitle,
      category: first.category,
      ...(first.brand !== undefined ? { brand: first.brand } : {}),
      recent: { reviews: recent.length, negative: x1, share: test.p1 },
      before: { reviews: before.length, negative: x2, share: test.p2 },
      z: Math.round(test.z * 1000) / 1000,
      p: test.pGreater,
    });
  }
  const q = benjaminiHochberg(tests.map((t) => t.p));
  const products = tests
    .map((t, i) => ({ ...t, q: q[i]!, significant: q[i]! < fdr && t.z > 0 }))
    .filter((t) => t.significant || (t.p < 0.05 && t.z > 0))
    .sort((a, b) => b.z - a.z);
  return { tested: tests.length, products };
}

function matches(review: ReviewRecord, options: ReportOptions): boolean {
  if (options.category && review.category.toLowerCase() !== options.category.toLowerCase()) return false;
  if (options.brand && (review.brand ?? '').toLowerCase() !== options.brand.toLowerCase()) return false;
  if (options.since && review.createdAt.getTime() < options.since.getTime()) return false;
  if (options.product) {
    const wanted = options.product.trim();
    if (/^\d+$/.test(wanted) ? review.productId !== Number(wanted) : !review.productTitle.toLowerCase().includes(wanted.toLowerCase())) return false;
  }
  return true;
}

/**
 * Builds the report over `reviews` (filtered by `options`), scoring each selected review.
 * @example
 *   const report = buildSentimentReport(reviews, loadSentimentModel(), { category: 'shoes' });
 */
export function buildSentimentReport(reviews: readonly ReviewRecord[], model: ReportModel, options: ReportOptions = {}): SentimentReport {
  const started = Date.now();
  const selected = reviews.filter((r) => matches(r, options));
  const score = createReviewScorer(model);
  const scored: Scored[] = selected.map((review, i) => {
    if (i % 500 === 0) options.onProgress?.(i, selected.length);
    return score(review);
  });
  options.onProgress?.(selected.length, selected.length);
  return aggregate(scored, options, started);
}

/**
 * Builds the report from reviews scored earlier (see `createReviewScorer`, `scoreReviewsInSlices`),
 * keeping those that match `options`. No model call: grouping and counting only.
 */
export function aggregateSentimentReport(scored: readonly ScoredReview[], options: ReportOptions = {}): SentimentReport {
  const started = Date.now();
  return aggregate(scored.filter((s) => matches(s.review, options)), options, started);
}

function aggregate(scored: readonly Scored[], options: ReportOptions, started: number): SentimentReport {
  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (const { review: r } of scored) {
    firstMs = Math.min(firstMs, r.createdAt.getTime());
    lastMs = Math.max(lastMs, r.createdAt.getTime());
  }
  const recentWeeks = options.recentWeeks ?? 8;
  const fdr = options.falseDiscoveryRate ?? 0.05;
  const categories = [...groupBy(scored, (s) => s.review.category)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const brands = [...groupBy(scored.filter((s) => s.review.brand !== undefined), (s) => s.review.brand!)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const aspectsPerCategory = categories.map(([, list]) => aspectSummaries(list));
  const aspects: AspectName[] = [...ASPECT_NAMES];
  const disagreements = scored.filter((s) => {
    const byRating = labelForRating(s.review.rating);
    return (byRating === 'positive' && s.result.label === 'negative') || (byRating === 'negative' && s.result.label === 'positive');
  });
  return {
    generatedAt: new Date().toISOString(),
    source: options.source ?? 'reviews',
    filters: { category: options.category, brand: options.brand, product: options.product, since: options.since?.toISOString().slice(0, 10) },
    period: scored.length ? { from: new Date(firstMs).toISOString(), to: new Date(lastMs).toISOString() } : null,
    overall: distribution(scored),
    categories: categories.map(([category, list]) => ({ category, ...distribution(list) })),
    brands: brands.map(([brand, list]) => ({ brand, ...distribution(list) })),
    products: [...groupBy(scored, (s) => s.review.productId).values()]
      .map((list) => {
        const { productId, productTitle, category, brand } = list[0]!.review;
        return { productId, productTitle, category, ...(brand !== undefined ? { brand } : {}), ...distribution(list) };
      })
      .sort((a, b) => b.reviews - a.reviews || a.productId - b.productId),
    aspects: aspectSummaries(scored),
    themes: topThemes(scored),
    aspectsByCategory: {
      categories: categories.map(([c]) => c),
      aspects,
      scores: aspectsPerCategory.map((summaries) => aspects.map((a) => summaries.find((s) => s.aspect === a)!).map((s) => (s.mentions >= MIN_GROUP ? s.score : null))),
    },
    weekly: weekly(scored),
    quotes: { positive: topQuotes(scored, 1, 6), negative: topQuotes(scored, -1, 6) },
    rising: { recentWeeks, falseDiscoveryRate: fdr, ...risingProducts(scored, lastMs - recentWeeks * 7 * DAY_MS, fdr) },
    disagreements: {
      count: disagreements.length,
      examples: disagreements
        .sort((a, b) => Math.abs(b.result.score) - Math.abs(a.result.score))
        .slice(0, 15)
        .map(quote),
    },
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
