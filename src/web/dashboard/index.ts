/**
 * The merchandiser dashboard: review sentiment per category, brand and
 * product (distribution, aspects, themes with quotes, weekly trend, rising
 * negatives, rating disagreements) over the store's reviews, for signed-in
 * merchandisers. Public face of src/web/dashboard; the browser side is
 * widget/dashboard (bundled to /static/dashboard.js).
 * @example
 *   const dashboard = registerDashboard(app, { db: () => database.database?.prisma, auth: () => staffAuth });
 *   dashboard.invalidate(); // after importing reviews
 */
import type { FastifyInstance } from 'fastify';
import { loadSentimentModel, type ReportModel } from '../../sentiment';
import type { Db } from '../../store';
import type { StaffAuth } from '../../support';
import { ReportViews } from './report-views';
import { loadReviewRecords, reviewsVersion } from './review-source';
import { registerDashboardRoutes } from './routes';
import { ScoredCorpus, type CorpusStatus } from './scored-corpus';
import type { DashboardView } from './wire';

export { loadReviewRecords, reviewsVersion } from './review-source';
export { CorpusBuildError, type CorpusStatus } from './scored-corpus';
export type { DashboardFilters, DashboardView, ReportResponse, FilterChoices, ExportFormat } from './wire';

/** Storefront links of quotes and alerts: the product page, scrolled to the review. */
export const DEFAULT_DASHBOARD_LINKS: DashboardView['links'] = {
  product: '/products/{productId}',
  review: '/products/{productId}?review={reviewId}#review-{reviewId}',
};

export interface DashboardOptions {
  /** The database when it is ready, undefined while starting (the API answers 503). */
  db: () => Db | undefined;
  /** Staff sign-in, undefined while starting. */
  auth: () => StaffAuth | undefined;
  /**
   * The sentiment model (a SentimentModel fits); undefined while starting. Default: the shipped model
   * (models/sentiment), loaded on the first dashboard request.
   */
  sentiment?: () => ReportModel | undefined;
  /** Scores are rebuilt after this long even when the review table looks unchanged (default 10 minutes). */
  maxAgeMs?: number;
  /** Longest scoring stretch between two yields to the event loop (default 15 ms). */
  sliceMs?: number;
  /** Weeks that count as recent in the rising-negative test (default 8, as the CLI report). */
  recentWeeks?: number;
  /** Benjamini-Hochberg false discovery rate for the rising-negative alerts (default 0.05). */
  falseDiscoveryRate?: number;
  /** Filter sets whose views are kept (default 64). */
  cachedViews?: number;
  links?: DashboardView['links'];
}

/** What the composition root can do with a registered dashboard. */
export interface DashboardHandle {
  /** Forget the scores' freshness (e.g. after a bulk review import); the next request rebuilds. */
  invalidate(): void;
  status(): CorpusStatus;
  /** Scores the reviews now instead of on the first visit; resolves when done. */
  warmUp(): Promise<void>;
}

/**
 * Registers GET /dashboard and the /api/dashboard routes on `app` (which must have @fastify/cookie and
 * serve widget/public under /static/).
 */
export function registerDashboard(app: FastifyInstance, options: DashboardOptions): DashboardHandle {
  const log = app.log.child({ module: 'dashboard' });
  let shipped: ReportModel | undefined;
  // Loading the shipped model is a few synchronous file reads (~50 ms): done on first use, not at startup.
  const model = options.sentiment ?? (() => (shipped ??= loadSentimentModel()));
  const database = () => {
    const db = options.db();
    if (!db) throw new Error('the database is not ready');
    return db;
  };
  const corpus = new ScoredCorpus({
    load: () => loadReviewRecords(database()),
    version: () => reviewsVersion(database()),
    maxAgeMs: options.maxAgeMs ?? 10 * 60 * 1000,
    sliceMs: options.sliceMs ?? 15,
    onBuilt: (info) => log.info(info, 'review sentiment scored'),
  });
  const views = new ReportViews({
    report: { source: 'store reviews', recentWeeks: options.recentWeeks, falseDiscoveryRate: options.falseDiscoveryRate },
    links: options.links ?? DEFAULT_DASHBOARD_LINKS,
    maxEntries: options.cachedViews ?? 64,
  });
  registerDashboardRoutes(app, { db: options.db, auth: options.auth, model, corpus, views });
  return {
    invalidate: () => corpus.invalidate(),
    status: () => corpus.status(),
    warmUp: async () => {
      const current = model();
      if (!current) throw new Error('the sentiment model is not ready');
      await corpus.ready(current);
    },
  };
}
