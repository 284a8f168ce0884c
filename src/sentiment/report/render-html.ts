/**
 * The report as one self-contained HTML page: inline CSS and inline SVG charts
 * (no scripts, fonts or images from anywhere), every dynamic value escaped.
 */
import { barChartSvg } from '../../util/charts';
import { html, SafeHtml } from '../../util/html';
import { REPORT_COLORS, weeklyTrendSvg } from './line-chart';
import { scoreHeatmapSvg } from './score-heatmap';
import type { Distribution, Quote, SentimentReport, Theme } from './types';

const COLORS = REPORT_COLORS;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const share = (d: Distribution, key: 'negative' | 'neutral' | 'positive') => (d.reviews ? d[key] / d.reviews : 0);
/** Markup we generated ourselves (SVG charts, whose builders escape their text). */
const raw = (markup: string): SafeHtml => new SafeHtml(markup);

function distributionRow(name: string, d: Distribution): SafeHtml {
  const bar = (['negative', 'neutral', 'positive'] as const).map((k) => `<span style="width:${(share(d, k) * 100).toFixed(1)}%;background:${COLORS[k]}"></span>`).join('');
  return html`<tr><td>${name}</td><td class="n">${d.reviews}</td><td><div class="stack">${raw(bar)}</div></td><td class="n">${pct(share(d, 'negative'))}</td><td class="n">${pct(share(d, 'neutral'))}</td><td class="n">${pct(share(d, 'positive'))}</td><td class="n">${d.meanScore.toFixed(2)}</td><td class="n">${d.meanRating.toFixed(2)}</td></tr>`;
}

function distributionTable(rows: readonly [string, Distribution][]): SafeHtml {
  return html`<table><thead><tr><th></th><th>reviews</th><th>distribution</th><th>negative</th><th>neutral</th><th>positive</th><th>mean score</th><th>mean stars</th></tr></thead><tbody>${rows.map(([name, d]) => distributionRow(name, d))}</tbody></table>`;
}

function quoteList(quotes: readonly Quote[]): SafeHtml {
  return html`<ul class="quotes">${quotes.map((q) => html`<li><blockquote>${q.text}</blockquote><small>${q.productTitle} · ${'★'.repeat(q.rating)} · ${q.label} ${q.score.toFixed(2)} · review #${q.reviewId}</small></li>`)}</ul>`;
}

function themeList(themes: readonly Theme[]): SafeHtml {
  return html`<ul class="quotes">${themes.map((t) => html`<li><b>${t.aspect}</b> · ${t.mentions} mentions (${pct(t.share)} of the aspect)${t.quotes[0] ? html`<blockquote>${t.quotes[0].opinion}</blockquote><small>${t.quotes[0].productTitle} · review #${t.quotes[0].reviewId}</small>` : ''}</li>`)}</ul>`;
}

export function renderReportHtml(report: SentimentReport): string {
  const filters = Object.entries(report.filters)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const trend = weeklyTrendSvg(report.weekly);
  const negativeByCategory = barChartSvg(
    report.categories.map((c) => ({ label: c.category, value: share(c, 'negative'), color: COLORS.negative })),
    { max: 1, format: pct, title: 'negative share per category' },
  );
  const aspectBars = barChartSvg(
    report.aspects.map((a) => ({ label: `${a.aspect} (${a.mentions})`, value: (a.score + 1) / 2, color: a.score >= 0 ? COLORS.positive : COLORS.negative })),
    { max: 1, format: (v) => (2 * v - 1).toFixed(2), title: 'aspect scores' },
  );
  const heatmap = scoreHeatmapSvg(report.aspectsByCategory.categories, report.aspectsByCategory.aspects, report.aspectsByCategory.scores, 'aspect score per category');
  const topProducts = report.products.slice(0, 25).map((p) => [`${p.productTitle} (#${p.productId})`, p] as [string, Distribution]);
  const rising = report.rising.products;
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Review sentiment report</title>
<style>
body{font-family:system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}
h1{margin-bottom:4px}h2{margin-top:36px;border-bottom:1px solid #ddd;padding-bottom:4px}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{padding:4px 8px;border-bottom:1px solid #eee;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}.stack{display:flex;height:12px;width:220px;background:#eee}.stack span{display:block;height:100%}
.cards{display:flex;gap:16px;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:8px;padding:12px 16px;min-width:140px}.card b{font-size:22px;display:block}
blockquote{margin:0;font-style:italic}.quotes li{margin-bottom:10px}.muted{color:#777}.flag{color:${COLORS.negative};font-weight:600}
</style></head><body>
<h1>Review sentiment report</h1>
<p class="muted">${report.source}${filters ? ` · ${filters}` : ''}${report.period ? ` · ${report.period.from.slice(0, 10)} to ${report.period.to.slice(0, 10)}` : ''} · generated ${report.generatedAt} in ${report.seconds} s</p>
<div class="cards">
<div class="card"><b>${report.overall.reviews}</b>reviews</div>
<div class="card"><b style="color:${COLORS.positive}">${pct(share(report.overall, 'positive'))}</b>positive</div>
<div class="card"><b>${pct(share(report.overall, 'neutral'))}</b>neutral</div>
<div class="card"><b style="color:${COLORS.negative}">${pct(share(report.overall, 'negative'))}</b>negative</div>
<div class="card"><b>${report.overall.meanScore.toFixed(2)}</b>mean score</div>
<div class="card"><b>${report.rising.products.filter((p) => p.significant).length}</b>products with rising negatives</div>
</div>
<h2>Weekly trend</h2>${raw(trend)}
<h2>By category</h2>${raw(negativeByCategory)}${distributionTable(report.categories.map((c) => [c.category, c]))}
${report.brands.length ? html`<h2>By brand</h2>${distributionTable(report.brands.map((b) => [b.brand, b]))}` : ''}
<h2>Aspects</h2>${raw(aspectBars)}<p class="muted">Aspect score = (positive - negative mentions) / mentions. Per category (blank: fewer than 5 mentions):</p>${raw(heatmap)}
<h2>Products whose negative share rose (last ${report.rising.recentWeeks} weeks vs before)</h2>
<p class="muted">Two-proportion z-test per product with at least 5 reviews in both periods (${report.rising.tested} tested); one-sided p; flagged when the Benjamini-Hochberg q &lt; ${report.rising.falseDiscoveryRate}. Unflagged rows have p &lt; 0.05 only.</p>
<table><thead><tr><th>product</th><th>category</th><th>recent negative</th><th>before</th><th>z</th><th>p</th><th>q</th></tr></thead><tbody>${rising.map(
    (p) =>
      html`<tr><td class="${p.significant ? 'flag' : ''}">${p.productTitle} (#${p.productId})</td><td>${p.category}</td><td class="n">${p.recent.negative}/${p.recent.reviews} (${pct(p.recent.share)})</td><td class="n">${p.before.negative}/${p.before.reviews} (${pct(p.before.share)})</td><td class="n">${p.z.toFixed(2)}</td><td class="n">${p.p.toExponential(2)}</td><td class="n">${p.q.toExponential(2)}</td></tr>`,
  )}</tbody></table>
<h2>Top negative themes</h2>${themeList(report.themes.negative)}
<h2>Top positive themes</h2>${themeList(report.themes.positive)}
<h2>Most positive quotes</h2>${quoteList(report.quotes.positive)}
<h2>Most negative quotes</h2>${quoteList(report.quotes.negative)}
<h2>Text disagrees with the rating (${report.disagreements.count})</h2><p class="muted">4-5 stars with a negative text, or 1-2 stars with a positive one; the most confident first.</p>${quoteList(report.disagreements.examples)}
<h2>Top products by volume</h2>${distributionTable(topProducts)}
</body></html>
`;
  return page.value;
}
