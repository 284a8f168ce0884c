/**
 * `nlu test`: scores a model on labelled examples the way Rasa's `rasa test`
 * does: intent accuracy and macro-F1 with per-intent precision/recall and
 * confusions, exact-span entity F1, and out-of-scope precision/recall.
 */
import type { NluModel, ParseResult } from './nlu-model';
import type { TrainingExample } from './types';

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface IntentScores extends ClassScores {
  confused_with: Record<string, number>;
}

export interface EvaluationReport {
  examples: number;
  intent: { accuracy: number; macro_f1: number; per_intent: Record<string, IntentScores> };
  entity: { micro_f1: number; precision: number; recall: number; per_entity: Record<string, ClassScores> };
  oos?: { recall: number; precision: number };
  in_scope_accuracy?: number;
  errors: { text: string; expected: string; predicted: string; confidence: number }[];
  /** Row = expected intent, column = predicted intent (labels order). */
  confusion: { labels: string[]; matrix: number[][] };
  latency_ms: { p50: number; p99: number };
}

function scores(tp: number, fp: number, fn: number): Omit<ClassScores, 'support'> {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { precision: r4(precision), recall: r4(recall), f1: r4(precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0) };
}

function r4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Parses every example (timed one by one, as a shopper's messages arrive) and scores the results. */
export async function evaluateModel(model: NluModel, examples: readonly TrainingExample[], outOfScopeIntent = 'out_of_scope'): Promise<EvaluationReport> {
  const latencies: number[] = [];
  const results: ParseResult[] = [];
  for (const example of examples) {
    const t0 = process.hrtime.bigint();
    results.push(await model.parseAsync(example.text));
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return scoreResults(examples, results, outOfScopeIntent, latencies);
}

export function scoreResults(examples: readonly TrainingExample[], results: readonly ParseResult[], outOfScopeIntent: string, latencies: number[] = []): EvaluationReport {
  const labels = [...new Set([...examples.map((e) => e.intent), ...results.map((r) => r.intent.name)])].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  const errors: EvaluationReport['errors'] = [];
  examples.forEach((example, i) => {
    const predicted = results[i]!.intent;
    matrix[index.get(example.intent)!]![index.get(predicted.name)!]! += 1;
    if (predicted.name !== example.intent) errors.push({ text: example.text, expected: example.intent, predicted: predicted.name, confidence: predicted.confidence });
  });

  const per_intent: Record<string, IntentScores> = {};
  const goldLabels = new Set(examples.map((e) => e.intent));
  labels.forEach((label, i) => {
    const tp = matrix[i]![i]!;
    const fn = matrix[i]!.reduce((a, b) => a + b, 0) - tp;
    const fp = matrix.reduce((sum, row) => sum + row[i]!, 0) - tp;
    if (!goldLabels.has(label)) return;
    const confused = Object.fromEntries(
      labels
        .map((other, j) => [other, matrix[i]![j]!] as const)
        .filter(([other, n]) => other !== label && n > 0)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3),
    );
    per_intent[label] = { ...scores(tp, fp, fn), support: tp + fn, confused_with: confused };
  });
  const correct = examples.filter((e, i) => results[i]!.intent.name === e.intent).length;
  const intentF1s = Object.values(per_intent).map((s) => s.f1);

  // Entities: exact span and type; only types that the gold data annotates are scored.
  const goldTypes = new Set(examples.flatMap((e) => e.entities.map((s) => s.entity)));
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (type: string, key: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    c[key] += 1;
    counts.set(type, c);
  };
  examples.forEach((example, i) => {
    const gold = new Set(example.entities.map((s) => `${s.entity}|${s.start}|${s.end}`));
    const predicted = new Set(results[i]!.entities.filter((e) => goldTypes.has(e.entity)).map((e) => `${e.entity}|${e.start}|${e.end}`));
    for (const key of predicted) bump(key.split('|')[0]!, gold.has(key) ? 'tp' : 'fp');
    for (const key of gold) if (!predicted.has(key)) bump(key.split('|')[0]!, 'fn');
  });
  const per_entity: Record<string, ClassScores> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [type, c] of [...counts].sort()) {
    per_entity[type] = { ...scores(c.tp, c.fp, c.fn), support: c.tp + c.fn };
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const micro = scores(tp, fp, fn);

  const report: EvaluationReport = {
    examples: examples.length,
    intent: { accuracy: r4(correct / Math.max(1, examples.length)), macro_f1: r4(intentF1s.reduce((a, b) => a + b, 0) / Math.max(1, intentF1s.length)), per_intent },
    entity: { micro_f1: micro.f1, precision: micro.precision, recall: micro.recall, per_entity },
    errors,
    confusion: { labels, matrix },
    latency_ms: (() => {
      const sorted = [...latencies].sort((a, b) => a - b);
      return { p50: r4(percentile(sorted, 50)), p99: r4(percentile(sorted, 99)) };
    })(),
  };
  const oosGold = examples.map((e, i) => [e, results[i]!] as const).filter(([e]) => e.intent === outOfScopeIntent);
  if (oosGold.length > 0) {
    const predictedOos = results.filter((r) => r.intent.name === outOfScopeIntent).length;
    const hits = oosGold.filter(([, r]) => r.intent.name === outOfScopeIntent).length;
    const inScope = examples.map((e, i) => [e, results[i]!] as const).filter(([e]) => e.intent !== outOfScopeIntent);
    report.oos = { recall: r4(hits / oosGold.length), precision: r4(predictedOos ? hits / predictedOos : 0) };
    report.in_scope_accuracy = r4(inScope.filter(([e, r]) => r.intent.name === e.intent).length / Math.max(1, inScope.length));
  }
  return report;
}
