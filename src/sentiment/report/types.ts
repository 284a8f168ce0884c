/**
 * Shapes of the sentiment report: what goes in (plain review records, no
 * database types) and what comes out (a JSON-able object the HTML and CSV
 * renderers read).
 */
import type { AspectName, SentimentLabel } from '../types';

/** One review as the report needs it; the CLI builds these from the store. */
export interface ReviewRecord {
  id: number;
  productId: number;
  productTitle: string;
  category: string;
  /** The product's brand; reviews without one are left out of the brand breakdown only. */
  brand?: string;
  /** 1-5 stars. */
  rating: number;
  text: string;
  createdAt: Date;
}

export interface ReportOptions {
  /** Only this category (case-insensitive). */
  category?: string;
  /** Only this brand (case-insensitive). */
  brand?: string;
  /** Only this product: its id, or a case-insensitive part of its title. */
  product?: string;
  /** Only reviews created at or after this date. */
  since?: Date;
  /** Weeks that count as "recent" for the rising-negative test (default 8). */
  recentWeeks?: number;
  /** Flag products whose rise has a Benjamini-Hochberg q below this (default 0.05). */
  falseDiscoveryRate?: number;
  /** Where the reviews came from, shown in the report. */
  source?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface Distribution {
  reviews: number;
  negative: number;
  neutral: number;
  positive: number;
  /** Mean model score, -1..1. */
  meanScore: number;
  meanRating: number;
}

export interface AspectSummary {
  aspect: AspectName;
  mentions: number;
  positive: number;
  neutral: number;
  negative: number;
  /** (positive - negative) / mentions, -1..1. */
  score: number;
}

export interface WeekPoint {
  /** Monday of the week (UTC), YYYY-MM-DD. */
  weekStart: string;
  reviews: number;
  negativeShare: number;
  positiveShare: number;
  meanScore: number;
}

export interface Quote {
  reviewId: number;
  /** Lets a viewer link the quote to the review on the product page. */
  productId: number;
  productTitle: string;
  rating: number;
  label: SentimentLabel;
  score: number;
  text: string;
}

export interface RisingProduct {
  productId: number;
  productTitle: string;
  category: string;
  brand?: string;
  recent: { reviews: number; negative: number; share: number };
  before: { reviews: number; negative: number; share: number };
  z: number;
  /** One-sided p-value (recent share greater). */
  p: number;
  /** Benjamini-Hochberg q-value over all tested products. */
  q: number;
  significant: boolean;
}

/**
 * A recurring opinion: one aspect with one polarity ("fit/size", negative), how often reviews say it and
 * example quotes whose clause says it (`opinion`, a substring of `text`).
 */
export interface Theme {
  aspect: AspectName;
  polarity: 'positive' | 'negative';
  mentions: number;
  /** Share of all mentions of this aspect that have this polarity, 0..1. */
  share: number;
  quotes: (Quote & { opinion: string })[];
}

export interface SentimentReport {
  generatedAt: string;
  source: string;
  filters: { category?: string; brand?: string; product?: string; since?: string };
  period: { from: string; to: string } | null;
  overall: Distribution;
  categories: (Distribution & { category: string })[];
  /** Per brand, by name (empty when the records carry no brand). */
  brands: (Distribution & { brand: string })[];
  products: (Distribution & { productId: number; productTitle: string; category: string; brand?: string })[];
  aspects: AspectSummary[];
  /** The most frequent positive and negative aspect opinions, most mentioned first. */
  themes: { positive: Theme[]; negative: Theme[] };
  /** Aspect score per category (null below 5 mentions). */
  aspectsByCategory: { categories: string[]; aspects: AspectName[]; scores: (number | null)[][] };
  weekly: WeekPoint[];
  quotes: { positive: Quote[]; negative: Quote[] };
  rising: { recentWeeks: number; tested: number; falseDiscoveryRate: number; products: RisingProduct[] };
  /** Reviews whose text and star rating point opposite ways. */
  disagreements: { count: number; examples: Quote[] };
  seconds: number;
}
