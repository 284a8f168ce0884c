/** Self-contained HTML for `nlu test`: summary, per-intent scores, confusion-matrix picture, errors. */
import { barChartSvg, heatmapSvg } from '../util/charts';
import { html, SafeHtml } from '../util/html';
import type { EvaluationReport } from './evaluate';

const pct = (x: number | undefined) => (x === undefined ? '–' : `${(x * 100).toFixed(1)}%`);

export function renderEvaluationHtml(report: EvaluationReport, title: string): string {
  const intents = Object.entries(report.intent.per_intent).sort((a, b) => a[1].f1 - b[1].f1);
  const entities = Object.entries(report.entity.per_entity);
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}td,th{border-bottom:1px solid #eee;padding:.2rem .6rem;text-align:right}td:first-child,th:first-child{text-align:left}.kpi{display:inline-block;margin-right:2rem}.kpi b{font-size:1.6rem;display:block}</style></head>
<body><h1>${title}</h1>
<p><span class="kpi"><b>${pct(report.intent.accuracy)}</b>intent accuracy</span><span class="kpi"><b>${pct(report.intent.macro_f1)}</b>intent macro-F1</span><span class="kpi"><b>${pct(report.entity.micro_f1)}</b>entity micro-F1</span>
${report.oos ? html`<span class="kpi"><b>${pct(report.oos.recall)}</b>out-of-scope recall</span><span class="kpi"><b>${pct(report.in_scope_accuracy)}</b>in-scope accuracy</span>` : ''}
<span class="kpi"><b>${report.latency_ms.p50.toFixed(2)} ms</b>parse p50 (p99 ${report.latency_ms.p99.toFixed(2)} ms)</span></p>
<p>${report.examples} examples.</p>
<h2>Intent F1 (worst first)</h2>
${new SafeHtml(barChartSvg(intents.map(([name, s]) => ({ label: name, value: s.f1, color: s.f1 < 0.8 ? '#c0392b' : '#2e8b57' })), { max: 1, format: (v) => v.toFixed(2), title: 'intent F1' }))}
<table><tr><th>intent</th><th>precision</th><th>recall</th><th>F1</th><th>support</th><th>confused with</th></tr>
${intents.map(([name, s]) => html`<tr><td>${name}</td><td>${pct(s.precision)}</td><td>${pct(s.recall)}</td><td>${pct(s.f1)}</td><td>${s.support}</td><td>${Object.entries(s.confused_with).map(([o, n]) => `${o} (${n})`).join(', ')}</td></tr>`)}</table>
<h2>Entities (exact span)</h2>
<table><tr><th>entity</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>
${entities.map(([name, s]) => html`<tr><td>${name}</td><td>${pct(s.precision)}</td><td>${pct(s.recall)}</td><td>${pct(s.f1)}</td><td>${s.support}</td></tr>`)}</table>
<h2>Confusion matrix</h2><p>Rows: expected intent; columns: predicted. Green: correct; red: confusions (hover for counts).</p>
${new SafeHtml(heatmapSvg(report.confusion.labels, report.confusion.matrix))}
<h2>Errors (${report.errors.length})</h2>
<table><tr><th>text</th><th>expected</th><th>predicted</th><th>confidence</th></tr>
${report.errors.slice(0, 500).map((e) => html`<tr><td>${e.text}</td><td>${e.expected}</td><td>${e.predicted}</td><td>${e.confidence.toFixed(2)}</td></tr>`)}</table>
</body></html>`.value;
}
