/**
 * Classification metrics shared by `sentiment test`, training validation and
 * the benchmark: accuracy, per-class precision/recall/F1, macro-F1 and the
 * confusion matrix (rows = gold, columns = predicted).
 */

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  labels: string[];
  examples: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassMetrics>;
  /** confusion[gold][predicted]. */
  confusion: number[][];
}

/**
 * Scores predictions against gold labels over `labels` (a prediction outside
 * `labels`, e.g. "neutral" on a binary set, counts as wrong for its row).
 * Macro-F1 averages over the labels that occur in gold.
 */
export function classificationReport(gold: readonly string[], predicted: readonly string[], labels: readonly string[]): ClassificationReport {
  if (gold.length !== predicted.length) throw new RangeError(`gold has ${gold.length} labels but predicted has ${predicted.length}`);
  const allLabels = [...labels, ...new Set(predicted.filter((p) => !labels.includes(p)))];
  const index = new Map(allLabels.map((l, i) => [l, i]));
  const confusion = allLabels.map(() => allLabels.map(() => 0));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    const row = index.get(g);
    if (row === undefined) throw new RangeError(`gold label "${g}" is not one of ${labels.join(', ')}`);
    confusion[row]![index.get(p)!]! += 1;
    if (g === p) correct += 1;
  });
  const perClass: Record<string, ClassMetrics> = {};
  const f1s: number[] = [];
  labels.forEach((label, c) => {
    const tp = confusion[c]![c]!;
    const support = confusion[c]!.reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((sum, row) => sum + row[c]!, 0);
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[label] = { precision, recall, f1, support };
    if (support > 0) f1s.push(f1);
  });
  return {
    labels: allLabels,
    examples: gold.length,
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    perClass,
    confusion,
  };
}

/** Plain-text confusion matrix for terminals. */
export function formatConfusion(report: ClassificationReport): string {
  const width = Math.max(9, ...report.labels.map((l) => l.length + 1));
  const header = `${'gold \\ predicted'.padEnd(18)}${report.labels.map((l) => l.padStart(width)).join('')}`;
  const rows = report.labels.map((label, i) => `${label.padEnd(18)}${report.confusion[i]!.map((n) => String(n).padStart(width)).join('')}`);
  return [header, ...rows].join('\n');
}
