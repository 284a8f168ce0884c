/**
 * The report as one CSV table with a `section` column (category, brand,
 * product, aspect, theme, week, rising, disagreement), so a spreadsheet can
 * filter it. Values are quoted per RFC 4180.
 */
import type { Distribution, SentimentReport } from './types';

const COLUMNS = ['section', 'name', 'category', 'reviews', 'negative', 'neutral', 'positive', 'negative_share', 'mean_score', 'mean_rating', 'z', 'p', 'q', 'detail'] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number>>;

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toPrecision(6)) : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function distributionCells(d: Distribution): Row {
  return { reviews: d.reviews, negative: d.negative, neutral: d.neutral, positive: d.positive, negative_share: d.reviews ? d.negative / d.reviews : 0, mean_score: d.meanScore, mean_rating: d.meanRating };
}

export function renderReportCsv(report: SentimentReport): string {
  const rows: Row[] = [
    { section: 'overall', name: 'all', ...distributionCells(report.overall) },
    ...report.categories.map((c) => ({ section: 'category', name: c.category, category: c.category, ...distributionCells(c) })),
    ...report.brands.map((b) => ({ section: 'brand', name: b.brand, ...distributionCells(b) })),
    ...report.products.map((p) => ({ section: 'product', name: `${p.productTitle} (#${p.productId})`, category: p.category, ...distributionCells(p) })),
    ...report.aspects.map((a) => ({ section: 'aspect', name: a.aspect, reviews: a.mentions, negative: a.negative, neutral: a.neutral, positive: a.positive, mean_score: a.score })),
    ...[...report.themes.negative, ...report.themes.positive].map((t) => ({
      section: 'theme',
      name: `${t.aspect} (${t.polarity})`,
      reviews: t.mentions,
      [t.polarity]: t.mentions,
      detail: t.quotes[0] ? `share=${t.share.toFixed(3)}; e.g. review #${t.quotes[0].reviewId}: ${t.quotes[0].opinion}` : `share=${t.share.toFixed(3)}`,
    })),
    ...report.weekly.map((w) => ({ section: 'week', name: w.weekStart, reviews: w.reviews, negative_share: w.negativeShare, mean_score: w.meanScore, detail: `positive_share=${w.positiveShare.toFixed(4)}` })),
    ...report.rising.products.map((p) => ({
      section: 'rising',
      name: `${p.productTitle} (#${p.productId})`,
      category: p.category,
      reviews: p.recent.reviews,
      negative: p.recent.negative,
      negative_share: p.recent.share,
      z: p.z,
      p: p.p,
      q: p.q,
      detail: `before ${p.before.negative}/${p.before.reviews}; significant=${p.significant}`,
    })),
    ...report.disagreements.examples.map((q) => ({ section: 'disagreement', name: `review #${q.reviewId}`, mean_score: q.score, mean_rating: q.rating, detail: q.text })),
  ];
  return `${[COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => cell(row[c])).join(','))].join('\n')}\n`;
}
