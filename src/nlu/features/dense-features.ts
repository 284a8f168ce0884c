/** Resolves and caches the dense token features a model config asks for. */
import path from 'node:path';
import { WordVectors, type DenseTokenFeatures } from './word-vectors';

/** Relative asset paths in model configs are resolved against the shipped models/ folder. */
export const MODELS_ROOT = path.resolve(__dirname, '../../../models');

const cache = new Map<string, WordVectors>();

export function resolveModelAsset(file: string): string {
  return path.isAbsolute(file) ? file : path.resolve(MODELS_ROOT, file);
}

export function loadDenseFeatures(config: { wordVectors?: string | null }): DenseTokenFeatures | undefined {
  if (!config.wordVectors) return undefined;
  const dir = resolveModelAsset(config.wordVectors);
  let vectors = cache.get(dir);
  if (!vectors) {
    vectors = WordVectors.load(dir);
    cache.set(dir, vectors);
  }
  return vectors;
}
