/**
 * Weight persistence: one flat little-endian float32 buffer plus a manifest of
 * names, shapes and offsets. Loading checks every size so a truncated or
 * corrupt file fails with a message that names it.
 */
import fs from 'node:fs';

export interface WeightEntry {
  name: string;
  shape: number[];
  offset: number;
  length: number;
}

export class ModelFileError extends Error {
  override name = 'ModelFileError';
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }
}

export function writeWeights(file: string, weights: ReadonlyMap<string, Float32Array>, shapes: ReadonlyMap<string, number[]>): WeightEntry[] {
  const entries: WeightEntry[] = [];
  let offset = 0;
  for (const [name, values] of weights) {
    entries.push({ name, shape: shapes.get(name) ?? [values.length], offset, length: values.length });
    offset += values.length;
  }
  const buffer = new Float32Array(offset);
  for (const entry of entries) buffer.set(weights.get(entry.name)!, entry.offset);
  fs.writeFileSync(file, Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  return entries;
}

export function readWeights(file: string, entries: readonly WeightEntry[]): Map<string, Float32Array> {
  if (!fs.existsSync(file)) throw new ModelFileError(file, 'weights file is missing');
  const bytes = fs.readFileSync(file);
  const expected = entries.reduce((sum, e) => Math.max(sum, e.offset + e.length), 0) * 4;
  if (bytes.byteLength !== expected) throw new ModelFileError(file, `has ${bytes.byteLength} bytes, the manifest expects ${expected} (corrupt or from another model)`);
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return new Map(entries.map((e) => [e.name, all.subarray(e.offset, e.offset + e.length)]));
}

export function readJsonFile<T>(file: string): T {
  if (!fs.existsSync(file)) throw new ModelFileError(file, 'file is missing');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new ModelFileError(file, `is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}
