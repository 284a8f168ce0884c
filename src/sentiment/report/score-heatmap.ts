/**
 * A diverging heatmap for scores in [-1, 1] (red negative, white neutral,
 * green positive), rows x columns, empty cells where there is too little data.
 * Used for aspect scores per category.
 */
import { escapeHtml } from '../../util/html';

function color(score: number): string {
  const s = Math.max(-1, Math.min(1, score));
  const mix = (a: number, b: number, t: number) => Math.round(a + (b - a) * t);
  const [r, g, b] = s >= 0 ? [mix(255, 46, s), mix(255, 139, s), mix(255, 87, s)] : [mix(255, 192, -s), mix(255, 57, -s), mix(255, 43, -s)];
  return `rgb(${r},${g},${b})`;
}

export function scoreHeatmapSvg(rows: readonly string[], columns: readonly string[], values: readonly (readonly (number | null)[])[], title = 'scores'): string {
  const cellW = 62;
  const cellH = 20;
  const labelW = 150;
  const headerH = 92;
  const cells = rows
    .map((row, i) =>
      columns
        .map((column, j) => {
          const v = values[i]?.[j] ?? null;
          const x = labelW + j * cellW;
          const y = headerH + i * cellH;
          if (v === null) return `<rect x="${x}" y="${y}" width="${cellW}" height="${cellH}" fill="#f2f2f2" stroke="#fff"/>`;
          return `<rect x="${x}" y="${y}" width="${cellW}" height="${cellH}" fill="${color(v)}" stroke="#fff"><title>${escapeHtml(row)} / ${escapeHtml(column)}: ${v.toFixed(2)}</title></rect><text x="${x + cellW / 2}" y="${y + 14}" text-anchor="middle" font-size="10">${v.toFixed(2)}</text>`;
        })
        .join(''),
    )
    .join('');
  const rowLabels = rows.map((row, i) => `<text x="${labelW - 6}" y="${headerH + i * cellH + 14}" text-anchor="end" font-size="11">${escapeHtml(row)}</text>`).join('');
  const columnLabels = columns.map((column, j) => `<text transform="translate(${labelW + j * cellW + cellW / 2},${headerH - 6}) rotate(-40)" font-size="11">${escapeHtml(column)}</text>`).join('');
  const width = labelW + columns.length * cellW + 10;
  const height = headerH + rows.length * cellH + 6;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}" font-family="sans-serif">${cells}${rowLabels}${columnLabels}</svg>`;
}
