/**
 * Sparse top-K neighbour lists (CSR), the artefact of item-kNN and of content
 * similarity, and the history scorer both use.
 */

export interface NeighbourLists {
  /** offsets[i]..offsets[i+1] index the neighbours of item i. */
  offsets: Int32Array;
  items: Int32Array;
  sims: Float32Array;
}

/** Builds lists one item at a time from a dense accumulator (`row`, with the indices it touched). */
export class NeighbourListBuilder {
  private readonly offsets: number[] = [0];
  private readonly items: number[] = [];
  private readonly sims: number[] = [];

  constructor(private readonly k: number) {}

  /** Keeps the k largest positive entries of row at `touched` (ties: lower index first). */
  push(row: Float64Array | Float32Array, touched: readonly number[]): void {
    const kept = touched.filter((j) => row[j]! > 0).sort((a, b) => row[b]! - row[a]! || a - b);
    for (const j of kept.slice(0, this.k)) {
      this.items.push(j);
      this.sims.push(row[j]!);
    }
    this.offsets.push(this.items.length);
  }

  build(): NeighbourLists {
    return { offsets: Int32Array.from(this.offsets), items: Int32Array.from(this.items), sims: Float32Array.from(this.sims) };
  }
}

/** Similarity of b in a's list (0 when b is not a neighbour). */
export function neighbourSim(lists: NeighbourLists, a: number, b: number): number {
  for (let p = lists.offsets[a]!; p < lists.offsets[a + 1]!; p++) if (lists.items[p] === b) return lists.sims[p]!;
  return 0;
}
