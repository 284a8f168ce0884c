/**
 * One dashboard view per filter set, built from the scored corpus and kept
 * until the corpus is rebuilt: the first look at a filter set aggregates (tens
 * of milliseconds for the whole demo store), later ones are a map lookup.
 */
import { aggregateSentimentReport, lineChartSvg, REPORT_COLORS, weeklyTrendSvg, type SentimentReport } from '../../sentiment';
import type { CorpusSnapshot } from './scored-corpus';
import { filterKey, reportOptionsOf } from './filters';
import type { DashboardFilters, DashboardView } from './wire';

export interface ReportViewsOptions {
  /** Report settings that are not filters (source, recentWeeks, falseDiscoveryRate). */
  report: { source: string; recentWeeks?: number; falseDiscoveryRate?: number };
  links: DashboardView['links'];
  /** Filter sets kept per corpus generation; the least recently used goes first. */
  maxEntries: number;
}

const COLORS = REPORT_COLORS;

/** The weekly trend and volume charts, with the report's own SVG builder. */
export function trendCharts(report: SentimentReport): DashboardView['charts'] {
  const weeks = report.weekly.map((w) => w.weekStart);
  const trend = weeklyTrendSvg(report.weekly);
  const volume = lineChartSvg(weeks, [{ name: 'reviews per week', color: COLORS.volume, values: report.weekly.map((w) => w.reviews) }], {
    min: 0,
    title: 'reviews per week',
    format: (v) => v.toFixed(0),
  });
  return { trend, volume };
}

/** Dashboard views by filter set for the current corpus generation, least recently used dropped first. */
export class ReportViews {
  private generation = -1;
  private readonly cache = new Map<string, DashboardView>();

  constructor(private readonly options: ReportViewsOptions) {}

  /** The view of `filters` over `snapshot`: from the cache, or aggregated now and cached. */
  view(snapshot: CorpusSnapshot, filters: DashboardFilters): DashboardView {
    if (snapshot.generation !== this.generation) {
      this.cache.clear();
      this.generation = snapshot.generation;
    }
    const key = filterKey(filters);
    const cached = this.cache.get(key);
    if (cached) {
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const report = aggregateSentimentReport(snapshot.scored, { ...this.options.report, ...reportOptionsOf(filters) });
    const view: DashboardView = { report, charts: trendCharts(report), links: this.options.links };
    this.cache.set(key, view);
    if (this.cache.size > this.options.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    return view;
  }
}
