/** Small deterministic helpers: seeded PRNG, stratified sampling and splits, percentiles. */
import { Prng as Rng } from '../../src/util/prng';
import type { TrainingExample } from './types';

/** The project's seeded PRNG (mulberry32): samples are the same on every run and machine. */
export { Rng };

/** Example indices grouped by intent, in order of first appearance. */
function groupIndices(examples: readonly TrainingExample[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  examples.forEach((e, i) => {
    const group = groups.get(e.intent);
    if (group) group.push(i);
    else groups.set(e.intent, [i]);
  });
  return groups;
}

/** At most `perIntent` examples of each intent, drawn with a seeded shuffle; original order kept. */
export function samplePerIntent<T extends TrainingExample>(examples: readonly T[], perIntent: number, seed: number): T[] {
  const rng = new Rng(seed);
  const keep: number[] = [];
  for (const group of groupIndices(examples).values()) keep.push(...rng.shuffle([...group]).slice(0, perIntent));
  return keep.sort((a, b) => a - b).map((i) => examples[i]!);
}

/** `n` examples drawn uniformly (seeded); original order kept. */
export function sampleN<T>(items: readonly T[], n: number, seed: number): T[] {
  if (items.length <= n) return [...items];
  const idx = new Rng(seed).shuffle(items.map((_, i) => i)).slice(0, n);
  return idx.sort((a, b) => a - b).map((i) => items[i]!);
}

/**
 * Stratified hold-out: `share` of each intent (at least 1 when it has >= 3 examples,
 * none otherwise) goes to `heldOut`. Used to tune out-of-scope thresholds on train data only.
 */
export function stratifiedHoldOut<T extends TrainingExample>(examples: readonly T[], share: number, seed: number): { fit: T[]; heldOut: T[] } {
  const rng = new Rng(seed);
  const held = new Set<number>();
  for (const group of groupIndices(examples).values()) {
    if (group.length < 3) continue;
    const n = Math.max(1, Math.round(group.length * share));
    for (const i of rng.shuffle([...group]).slice(0, n)) held.add(i);
  }
  const fit: T[] = [];
  const heldOut: T[] = [];
  examples.forEach((e, i) => (held.has(i) ? heldOut : fit).push(e));
  return { fit, heldOut };
}

/** Nearest-rank percentile of an unsorted list (same rule as src/nlu/evaluate.ts). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.stack ? error.stack.split('\n').slice(0, 4).join('\n') : error.message;
  return String(error);
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
