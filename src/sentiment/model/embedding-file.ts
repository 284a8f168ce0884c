/**
 * Embedding bags on disk: only the rows training touched (most of the 65k
 * hashed buckets stay zero), each quantised to int8 with its own float32
 * scale. That keeps a 3-member model far below 10 MB; the rounding error is
 * under 0.4% of a row's largest value.
 */
import fs from 'node:fs';
import { ModelFileError } from '../../nlu/model/weights-file';

export interface EmbeddingEntry {
  /** Rows stored (non-zero rows). */
  rows: number;
  /** Byte offset of this table's block in the file. */
  offset: number;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Writes the tables (each [buckets * dim]) and returns their manifest entries. */
export function writeEmbeddings(file: string, tables: readonly Float32Array[], dim: number): EmbeddingEntry[] {
  const blocks: Buffer[] = [];
  const entries: EmbeddingEntry[] = [];
  let offset = 0;
  for (const table of tables) {
    const ids: number[] = [];
    for (let row = 0; row * dim < table.length; row++) {
      for (let j = 0; j < dim; j++) {
        if (table[row * dim + j] !== 0) {
          ids.push(row);
          break;
        }
      }
    }
    const n = ids.length;
    const size = align4(8 * n + n * dim);
    const block = Buffer.alloc(size);
    const scales = new Float32Array(n);
    const values = new Int8Array(n * dim);
    ids.forEach((row, k) => {
      let max = 0;
      for (let j = 0; j < dim; j++) max = Math.max(max, Math.abs(table[row * dim + j]!));
      const scale = max / 127;
      scales[k] = scale;
      for (let j = 0; j < dim; j++) values[k * dim + j] = scale > 0 ? Math.round(table[row * dim + j]! / scale) : 0;
    });
    Buffer.from(Int32Array.from(ids).buffer).copy(block, 0);
    Buffer.from(scales.buffer).copy(block, 4 * n);
    Buffer.from(values.buffer).copy(block, 8 * n);
    blocks.push(block);
    entries.push({ rows: n, offset });
    offset += size;
  }
  fs.writeFileSync(file, Buffer.concat(blocks));
  return entries;
}

/** Reads the tables back as dense [buckets * dim] arrays. */
export function readEmbeddings(file: string, entries: readonly EmbeddingEntry[], buckets: number, dim: number): Float32Array[] {
  if (!fs.existsSync(file)) throw new ModelFileError(file, 'embedding file is missing');
  const bytes = fs.readFileSync(file);
  return entries.map(({ rows: n, offset }, m) => {
    if (offset + 8 * n + n * dim > bytes.byteLength) throw new ModelFileError(file, `table ${m} runs past the end of the file (corrupt or truncated)`);
    const copy = bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + 8 * n + n * dim);
    const ids = new Int32Array(copy, 0, n);
    const scales = new Float32Array(copy, 4 * n, n);
    const values = new Int8Array(copy, 8 * n, n * dim);
    const table = new Float32Array(buckets * dim);
    for (let k = 0; k < n; k++) {
      const row = ids[k]!;
      if (row < 0 || row >= buckets) throw new ModelFileError(file, `table ${m} names row ${row}, outside 0..${buckets - 1}`);
      for (let j = 0; j < dim; j++) table[row * dim + j] = values[k * dim + j]! * scales[k]!;
    }
    return table;
  });
}
