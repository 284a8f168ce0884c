/** Markdown rendering of evaluation reports (the table the CLI prints and bench/results keeps). */
import type { EvalReport } from './eval-suite';

const f4 = (x: number) => x.toFixed(4);

/** The results table of one data set. */
export function renderTable(report: EvalReport): string {
  const rows = report.algorithms.map((a) => `| ${a.name} | ${f4(a.hr10)} | ${f4(a.ndcg10)} | ${f4(a.mrr)} | ${f4(a.sampledHr10)} | ${f4(a.sampledNdcg10)} | ${(a.coverage10 * 100).toFixed(1)}% |`);
  return ['| algorithm | HR@10 | NDCG@10 | MRR | sampled HR@10 | sampled NDCG@10 | coverage@10 |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/** One data set's section: counts, table, tuned settings, training, latency, targets. */
export function renderReport(report: EvalReport): string {
  const c = report.counts;
  const lines = [
    `### ${report.dataset}`,
    '',
    `${c.interactions.toLocaleString('en-US')} interactions, ${c.users.toLocaleString('en-US')} users, ${c.items.toLocaleString('en-US')} items; ${c.testUsers.toLocaleString('en-US')} test users; seed ${report.seed}.`,
    '',
    renderTable(report),
    '',
    `Protocol: ${report.protocol}.`,
    '',
  ];
  if (report.tuning) {
    const t = report.tuning;
    lines.push(
      `Tuned on a validation split of the training data (${t.validationUsers} users, ${t.seconds.toFixed(0)} s): popularity half-life ${t.popularity.best.halfLifeDays} d; ` +
        `item-kNN ${t.knn.best.neighbours} neighbours, shrink ${t.knn.best.shrink}; MF (iALS) ${t.mf.best.factors} factors, lambda ${t.mf.best.regularization}, alpha ${t.mf.best.alpha}.`,
      '',
    );
  }
  const h = report.hybrid;
  const weights = Object.entries(h.weights)
    .map(([s, w]) => `${s} ${w.toFixed(2)}`)
    .join(', ');
  const stages = Object.entries(h.stageSeconds)
    .map(([s, v]) => `${s} ${v.toFixed(1)}`)
    .join(', ');
  lines.push(
    `Hybrid: trained in ${h.trainingSeconds.toFixed(1)} s (${stages}; tfjs backend ${h.backend}); blend weights ${weights}; validation NDCG@10 ${f4(h.validation.ndcg10)}; ` +
      `its MF component: ${h.mf.factors} factors, lambda ${h.mf.regularization}, alpha ${h.mf.alpha}; ` +
      `neural model (fixed settings, not grid-searched): dim ${h.neural.dim}, hidden ${h.neural.hidden}, ${h.neural.epochs} epochs x ${h.neural.examplesPerEpoch || 'all'} examples, lr ${h.neural.learningRate}.`,
    '',
    `Latency of recommend() over ${report.latency.queries} mixed queries: mean ${report.latency.meanMs.toFixed(2)} ms, p50 ${report.latency.p50Ms.toFixed(2)} ms, p95 ${report.latency.p95Ms.toFixed(2)} ms, p99 ${report.latency.p99Ms.toFixed(2)} ms, max ${report.latency.maxMs.toFixed(2)} ms.`,
    '',
    'Targets:',
    ...report.targets.map((t) => `- ${t.met ? 'met' : 'NOT met'}: ${t.name} (${t.detail})`),
  );
  return lines.join('\n');
}
