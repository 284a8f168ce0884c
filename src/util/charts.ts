/**
 * Dependency-free SVG charts for self-contained HTML reports (NLU test
 * reports, sentiment reports, benchmarks): a heatmap and a bar chart.
 */
import { escapeHtml } from './html';

/** Confusion-matrix style heatmap; rows/columns share `labels`. Cell shade is the row-normalised share. */
export function heatmapSvg(labels: readonly string[], matrix: readonly (readonly number[])[], title = 'Confusion matrix'): string {
  const n = labels.length;
  const cell = n > 60 ? 6 : n > 30 ? 10 : 16;
  const labelWidth = 170;
  const size = labelWidth + n * cell + 10;
  const rows: string[] = [];
  matrix.forEach((row, i) => {
    const total = row.reduce((a, b) => a + b, 0) || 1;
    row.forEach((value, j) => {
      if (value === 0) return;
      const share = value / total;
      const color = i === j ? `rgba(46,139,87,${0.25 + 0.75 * share})` : `rgba(192,57,43,${0.3 + 0.7 * share})`;
      rows.push(`<rect x="${labelWidth + j * cell}" y="${labelWidth + i * cell}" width="${cell}" height="${cell}" fill="${color}"><title>${escapeHtml(labels[i])} → ${escapeHtml(labels[j])}: ${value}</title></rect>`);
    });
  });
  const fontSize = Math.max(5, cell - 3);
  const names = labels
    .map(
      (label, i) =>
        `<text x="${labelWidth - 4}" y="${labelWidth + i * cell + cell - 2}" text-anchor="end" font-size="${fontSize}">${escapeHtml(label)}</text>` +
        `<text transform="translate(${labelWidth + i * cell + cell - 2},${labelWidth - 4}) rotate(-90)" font-size="${fontSize}">${escapeHtml(label)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" role="img" aria-label="${escapeHtml(title)}" font-family="sans-serif">
<rect x="${labelWidth}" y="${labelWidth}" width="${n * cell}" height="${n * cell}" fill="#fafafa" stroke="#ddd"/>${rows.join('')}${names}</svg>`;
}

export interface Bar {
  label: string;
  value: number;
  color?: string;
}

/** Horizontal bar chart for values in [0, max]. */
export function barChartSvg(bars: readonly Bar[], options: { max?: number; width?: number; format?: (v: number) => string; title?: string } = {}): string {
  const max = options.max ?? Math.max(1e-9, ...bars.map((b) => b.value));
  const width = options.width ?? 520;
  const labelWidth = 180;
  const rowHeight = 18;
  const format = options.format ?? ((v: number) => v.toFixed(2));
  const body = bars
    .map((bar, i) => {
      const w = Math.max(0, ((width - labelWidth - 60) * bar.value) / max);
      const y = i * rowHeight;
      return `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end" font-size="11">${escapeHtml(bar.label)}</text><rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${bar.color ?? '#2e6fd1'}"/><text x="${labelWidth + w + 4}" y="${y + 13}" font-size="11">${escapeHtml(format(bar.value))}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${bars.length * rowHeight + 4}" role="img" aria-label="${escapeHtml(options.title ?? 'bar chart')}" font-family="sans-serif">${body}</svg>`;
}
