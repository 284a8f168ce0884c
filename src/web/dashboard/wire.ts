/**
 * The dashboard's HTTP contract, shared by the routes and the browser code
 * (widget/dashboard imports these types only, so nothing of the server ends up
 * in the bundle). JSON keys are camelCase like the report they carry.
 */
import type { SentimentReport } from '../../sentiment';

/** Query of every report endpoint; empty means "all". */
export interface DashboardFilters {
  category?: string;
  brand?: string;
  /** A product id. */
  product?: string;
  /** YYYY-MM-DD: only reviews from this day on. */
  since?: string;
}

/** One report as the page shows it. */
export interface DashboardView {
  report: SentimentReport;
  /** Inline SVG markup rendered by the server (lineChartSvg); every label in it is escaped. */
  charts: { trend: string; volume: string };
  /**
   * URL templates for the storefront: `{productId}` and `{reviewId}` are replaced by numbers.
   * Default `/products/{productId}` and `/products/{productId}?review={reviewId}#review-{reviewId}`.
   */
  links: { product: string; review: string };
}

/** GET /api/dashboard/report: 200 with the view, or 202 while the reviews are being scored. */
export type ReportResponse = { status: 'ready'; view: DashboardView } | { status: 'scoring'; done: number; total: number };

/** GET /api/dashboard/filters: what the filter controls offer (products that have reviews). */
export interface FilterChoices {
  categories: string[];
  brands: { name: string; categories: string[] }[];
  products: { id: number; title: string; category: string; brand: string }[];
}

/** The report downloads: GET /api/dashboard/report.<format>?<filters>. */
export const EXPORT_FORMATS = ['csv', 'json', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
