/**
 * A dependency-free SVG line chart for the report's weekly trend: several
 * series over shared x labels, with y grid lines, sparse x tick labels and a
 * legend. Missing points (null) break the line.
 */
import { escapeHtml } from '../../util/html';

export interface LineSeries {
  name: string;
  color: string;
  values: readonly (number | null)[];
}

export interface LineChartOptions {
  min?: number;
  max?: number;
  width?: number;
  height?: number;
  title?: string;
  format?: (v: number) => string;
}

export function lineChartSvg(labels: readonly string[], series: readonly LineSeries[], options: LineChartOptions = {}): string {
  const width = options.width ?? 720;
  const height = options.height ?? 260;
  const format = options.format ?? ((v: number) => v.toFixed(2));
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const min = options.min ?? Math.min(0, ...all);
  const max = Math.max(options.max ?? Math.max(1e-9, ...all), min + 1e-9);
  const left = 48;
  // Room for the last x label, which is drawn rotated to the right of its tick.
  const right = 44;
  const top = 12;
  const bottom = 52;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (labels.length <= 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = (v: number) => top + plotH - ((v - min) / (max - min)) * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => {
      const v = min + f * (max - min);
      return `<line x1="${left}" x2="${width - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e3e3e3"/><text x="${left - 4}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="10">${escapeHtml(format(v))}</text>`;
    })
    .join('');
  const step = Math.max(1, Math.ceil(labels.length / 12));
  const ticks = labels
    .map((label, i) => (i % step === 0 || i === labels.length - 1 ? `<text transform="translate(${x(i).toFixed(1)},${height - bottom + 12}) rotate(40)" font-size="9">${escapeHtml(label)}</text>` : ''))
    .join('');
  const lines = series
    .map((s) => {
      const segments: string[][] = [[]];
      s.values.forEach((v, i) => {
        if (v === null) segments.push([]);
        else segments.at(-1)!.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
      });
      return segments
        .filter((points) => points.length > 0)
        .map((points) => (points.length === 1 ? `<circle cx="${points[0]!.split(',')[0]}" cy="${points[0]!.split(',')[1]}" r="2" fill="${s.color}"/>` : `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${points.join(' ')}"><title>${escapeHtml(s.name)}</title></polyline>`))
        .join('');
    })
    .join('');
  const legend = series.map((s, i) => `<rect x="${left + i * 150}" y="${height - 14}" width="10" height="10" fill="${s.color}"/><text x="${left + i * 150 + 14}" y="${height - 5}" font-size="11">${escapeHtml(s.name)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title ?? 'line chart')}" font-family="sans-serif"><rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="#fcfcfc" stroke="#ddd"/>${grid}${ticks}${lines}${legend}</svg>`;
}

/** Colours of the report's charts, shared by the HTML report and the dashboard. */
export const REPORT_COLORS = { negative: '#c0392b', neutral: '#9e9e9e', positive: '#2e8b57', score: '#2e6fd1', volume: '#555' } as const;

/** The weekly sentiment trend (negative and positive share, mean score) as one SVG line chart. */
export function weeklyTrendSvg(weekly: ReadonlyArray<{ weekStart: string; negativeShare: number; positiveShare: number; meanScore: number }>): string {
  return lineChartSvg(
    weekly.map((w) => w.weekStart),
    [
      { name: 'negative share', color: REPORT_COLORS.negative, values: weekly.map((w) => w.negativeShare) },
      { name: 'positive share', color: REPORT_COLORS.positive, values: weekly.map((w) => w.positiveShare) },
      { name: 'mean score (-1..1)', color: REPORT_COLORS.score, values: weekly.map((w) => w.meanScore) },
    ],
    { min: -1, max: 1, title: 'weekly sentiment trend', format: (v) => v.toFixed(1) },
  );
}
