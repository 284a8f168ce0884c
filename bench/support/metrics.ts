/** Classification metrics for the routing benchmark: accuracy, per-class P/R/F1, confusion, latency percentiles. */

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationResult {
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassScores>;
  /** confusion[gold][predicted] = count */
  confusion: Record<string, Record<string, number>>;
}

export function classification(gold: readonly string[], predicted: readonly string[], classes: readonly string[]): ClassificationResult {
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of classes) confusion[g] = Object.fromEntries(classes.map((p) => [p, 0]));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    confusion[g] ??= {};
    confusion[g]![p] = (confusion[g]![p] ?? 0) + 1;
    if (g === p) correct++;
  });
  const perClass: Record<string, ClassScores> = {};
  for (const c of classes) {
    const tp = confusion[c]?.[c] ?? 0;
    const predictedC = classes.reduce((sum, g) => sum + (confusion[g]?.[c] ?? 0), 0);
    const support = Object.values(confusion[c] ?? {}).reduce((a, b) => a + b, 0);
    const precision = predictedC ? tp / predictedC : 0;
    const recall = support ? tp / support : 0;
    perClass[c] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support };
  }
  const macroF1 = classes.reduce((s, c) => s + perClass[c]!.f1, 0) / classes.length;
  return { accuracy: gold.length ? correct / gold.length : 0, macroF1, perClass, confusion };
}

export interface PriorityAgreement {
  labelled: number;
  exact: number;
  withinOne: number;
  /** Predicted more pressing than labelled / less pressing. */
  over: number;
  under: number;
  /** confusion[labelled][predicted] = count */
  confusion: Record<string, Record<string, number>>;
}

const ORDER = ['low', 'normal', 'high', 'urgent'];

export function priorityAgreement(pairs: ReadonlyArray<{ gold?: string | undefined; predicted: string }>): PriorityAgreement {
  const labelled = pairs.filter((p) => p.gold !== undefined);
  const diff = labelled.map((p) => ORDER.indexOf(p.predicted) - ORDER.indexOf(p.gold!));
  const n = labelled.length || 1;
  const confusion: Record<string, Record<string, number>> = Object.fromEntries(ORDER.map((g) => [g, Object.fromEntries(ORDER.map((p) => [p, 0]))]));
  for (const p of labelled) confusion[p.gold!]![p.predicted] = (confusion[p.gold!]?.[p.predicted] ?? 0) + 1;
  return {
    confusion,
    labelled: labelled.length,
    exact: diff.filter((d) => d === 0).length / n,
    withinOne: diff.filter((d) => Math.abs(d) <= 1).length / n,
    over: diff.filter((d) => d > 0).length / n,
    under: diff.filter((d) => d < 0).length / n,
  };
}

export function percentiles(values: readonly number[]): { mean: number; p50: number; p95: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1), p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}
