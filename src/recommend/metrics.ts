/**
 * Ranking metrics for one held-out item, exact under random tie-breaking:
 * with `greater` items scored above the target and `ties` others scored equal,
 * the target lands uniformly on positions greater..greater+ties (0-based), and
 * each metric is its expectation over those positions. Constant scorers thus
 * get chance-level results instead of lucky or unlucky ones.
 */

/** Where the target stands among the candidates it competes with. */
export interface RankCounts {
  greater: number;
  ties: number;
}

/** Counts items (other than the target) scored above / equal to it, among `candidates` (all items when omitted). */
export function rankOf(scores: ArrayLike<number>, target: number, isCandidate?: (item: number) => boolean): RankCounts {
  const t = scores[target]!;
  let greater = 0;
  let ties = 0;
  for (let i = 0; i < scores.length; i++) {
    if (i === target || (isCandidate && !isCandidate(i))) continue;
    const s = scores[i]!;
    if (s > t) greater++;
    else if (s === t) ties++;
  }
  return { greater, ties };
}

/** Rank counts of the target among an explicit list of other items (the sampled protocol). */
export function rankAmong(scores: ArrayLike<number>, target: number, others: readonly number[]): RankCounts {
  const t = scores[target]!;
  let greater = 0;
  let ties = 0;
  for (const i of others) {
    const s = scores[i]!;
    if (s > t) greater++;
    else if (s === t) ties++;
  }
  return { greater, ties };
}

/** P(target in the top k). */
export function hitRate({ greater, ties }: RankCounts, k: number): number {
  return Math.min(1, Math.max(0, (k - greater) / (ties + 1)));
}

/** Expected NDCG@k with one relevant item (ideal DCG = 1). */
export function ndcg({ greater, ties }: RankCounts, k: number): number {
  let sum = 0;
  for (let pos = greater; pos < Math.min(k, greater + ties + 1); pos++) sum += 1 / Math.log2(pos + 2);
  return sum / (ties + 1);
}

/** Expected reciprocal rank (untruncated). */
export function reciprocalRank({ greater, ties }: RankCounts): number {
  let sum = 0;
  for (let pos = greater; pos <= greater + ties; pos++) sum += 1 / (pos + 1);
  return sum / (ties + 1);
}

/** Share of the catalogue that appears in at least one list. */
export function catalogCoverage(lists: Iterable<readonly number[]>, catalogSize: number): number {
  if (catalogSize === 0) return 0;
  const seen = new Set<number>();
  for (const list of lists) for (const i of list) seen.add(i);
  return seen.size / catalogSize;
}

/** Indexes of the k highest scores among candidates, best first (ties: lower index first). O(n log k). */
export function topK(scores: ArrayLike<number>, k: number, isCandidate?: (item: number) => boolean): number[] {
  if (k <= 0) return [];
  // Min-heap of the kept items: the root is the worst of them.
  const heap: number[] = [];
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  for (let i = 0; i < scores.length; i++) {
    if (isCandidate && !isCandidate(i)) continue;
    if (heap.length < k) {
      heap.push(i);
      for (let c = heap.length - 1; c > 0 && worse(heap[c]!, heap[(c - 1) >> 1]!); c = (c - 1) >> 1) swap(c, (c - 1) >> 1);
    } else if (worse(heap[0]!, i)) {
      heap[0] = i;
      for (let c = 0; ; ) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < k && worse(heap[l]!, heap[m]!)) m = l;
        if (r < k && worse(heap[r]!, heap[m]!)) m = r;
        if (m === c) break;
        swap(c, m);
        c = m;
      }
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
